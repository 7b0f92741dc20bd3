package cn.onewindow.core.service;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.Caller;
import cn.onewindow.core.access.Role;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.ports.CaseRepository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Supervision figures (电子监察) for a center and period, grouped by item, department, service point or channel.
 *
 * <ul>
 *   <li>received: cases submitted in the period; accepted: of those, accepted (受理).</li>
 *   <li>immediateShare (即办件率): accepted IMMEDIATE cases ÷ accepted.</li>
 *   <li>finished: accepted cases decided (approved or denied); onTimeRate (按时办结率): finished no later than their
 *       due time ÷ finished; earlyRate (提前办结率): finished in fewer working days than promised ÷ finished.</li>
 *   <li>overdue: accepted cases the deadline checker found overdue, or decided after their due time.</li>
 *   <li>averages in working days: actual (acceptance day to decision day, the acceptance day not counted),
 *       promised and legal (over accepted cases).</li>
 * </ul>
 * Rates are ratios with four decimals; null where the denominator is 0.
 */
public final class StatsService {
    private static final ZoneId ZONE = DeadlineCalculator.ZONE;
    private final CaseRepository cases;
    private final Deadlines deadlines;

    public StatsService(CaseRepository cases, Deadlines deadlines) {
        this.cases = cases;
        this.deadlines = deadlines;
    }

    public enum GroupBy { ITEM, DEPARTMENT, SERVICE_POINT, CHANNEL, CENTER }

    public record Figures(String group, long received, long accepted, long immediate, BigDecimal immediateShare,
                          long finished, long onTime, BigDecimal onTimeRate, long early, BigDecimal earlyRate,
                          long overdue, BigDecimal averageActualDays, BigDecimal averagePromisedDays,
                          BigDecimal averageLegalDays, BigDecimal satisfactionRate) {
    }

    public record Report(String centerId, LocalDate from, LocalDate to, GroupBy groupBy, Figures total,
                         List<Figures> groups) {
    }

    public Report figures(Caller caller, String centerId, LocalDate from, LocalDate to, GroupBy groupBy) {
        AccessPolicy.requireRole(caller, Role.SUPERVISOR, Role.ADMIN, Role.WINDOW);
        if (caller.role() == Role.WINDOW && !centerId.equals(caller.centerId())) {
            throw DomainException.forbidden("FORBIDDEN", "窗口只能查看本中心的统计", "window staff see their own center only");
        }
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw DomainException.validation(List.of(FieldError.of("to", "INVALID_PERIOD",
                    "统计期间应为一年以内且起止有序", "the period must be ordered and at most one year long")));
        }
        Instant start = from.atStartOfDay(ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        List<ServiceCase.Snapshot> all = cases.submittedBetween(centerId, start, end);
        DeadlineCalculator calc = deadlines.calculatorFor(centerId);
        Function<ServiceCase.Snapshot, String> key = switch (groupBy) {
            case ITEM -> s -> s.itemCode();
            case DEPARTMENT -> s -> s.departmentCode();
            case SERVICE_POINT -> s -> String.valueOf(s.servicePointId());
            case CHANNEL -> s -> s.channel().name();
            case CENTER -> s -> String.valueOf(s.centerId());
        };
        Map<String, Acc> groups = new TreeMap<>();
        Acc total = new Acc();
        for (ServiceCase.Snapshot s : all) {
            total.add(s, calc);
            groups.computeIfAbsent(key.apply(s), k -> new Acc()).add(s, calc);
        }
        return new Report(centerId, from, to, groupBy, total.figures("ALL"),
                groups.entrySet().stream().map(e -> e.getValue().figures(e.getKey())).toList());
    }

    private static final class Acc {
        long received, accepted, immediate, finished, onTime, early, overdue;
        long actualDays, promisedDays, legalDays;

        void add(ServiceCase.Snapshot s, DeadlineCalculator calc) {
            received++;
            if (s.acceptedAt() == null) return;
            accepted++;
            promisedDays += s.promisedDays();
            legalDays += s.legalDays();
            if (s.mode() == HandlingMode.IMMEDIATE) immediate++;
            Instant decided = s.decision() != null ? s.decision().decidedAt() : null;
            boolean late = s.overdueAt() != null || (decided != null && s.dueAt() != null && decided.isAfter(s.dueAt()));
            if (late) overdue++;
            if (decided == null || s.status() == CaseStatus.WITHDRAWN) return;
            finished++;
            int actual = calc.workingDaysBetween(s.acceptedAt().atZone(ZONE).toLocalDate(),
                    decided.atZone(ZONE).toLocalDate());
            actualDays += actual;
            if (s.dueAt() != null && !decided.isAfter(s.dueAt())) onTime++;
            if (actual < s.promisedDays()) early++;
        }

        Figures figures(String group) {
            return new Figures(group, received, accepted, immediate, ratio(immediate, accepted), finished, onTime,
                    ratio(onTime, finished), early, ratio(early, finished), overdue, avg(actualDays, finished),
                    avg(promisedDays, accepted), avg(legalDays, accepted), null);
        }

        static BigDecimal ratio(long n, long d) {
            return d == 0 ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 4, RoundingMode.HALF_UP);
        }

        static BigDecimal avg(long sum, long n) {
            return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        }
    }
}
