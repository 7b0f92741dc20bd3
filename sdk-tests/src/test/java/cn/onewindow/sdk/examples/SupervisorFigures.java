package cn.onewindow.sdk.examples;

import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.StatsQuery;
import cn.onewindow.sdk.model.Figures;
import cn.onewindow.sdk.model.GroupBy;
import cn.onewindow.sdk.model.StatsReport;

import java.time.YearMonth;

/** A supervisor (电子监察) reading a center's figures for a month, per item. */
public class SupervisorFigures {

    public static void main(String[] args) {
        OneWindowClient client = OneWindowClient.builder()
                .baseUrl(args.length > 0 ? args[0] : "http://localhost:8080")
                .token("demo-supervisor")
                .build();
        print(monthByItem(client, "330110-ZX", YearMonth.of(2025, 4)));
    }

    public static StatsReport monthByItem(OneWindowClient client, String centerId, YearMonth month) {
        return client.stats().figures(StatsQuery.month(centerId, month, GroupBy.ITEM));
    }

    public static void print(StatsReport report) {
        System.out.printf("%s %s..%s: received %d, on time %s, early %s, overdue %d%n", report.centerId(),
                report.from(), report.to(), report.total().received(), report.total().onTimeRate(),
                report.total().earlyRate(), report.total().overdue());
        for (Figures f : report.groups()) {
            System.out.printf("  %-20s received %3d  immediate %s  avg %s of %s promised days%n", f.group(),
                    f.received(), f.immediateShare(), f.averageActualDays(), f.averagePromisedDays());
        }
    }
}
