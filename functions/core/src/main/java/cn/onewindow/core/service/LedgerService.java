package cn.onewindow.core.service;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.access.PointTree;
import cn.onewindow.core.cases.Masking;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.ports.LedgerQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;

/**
 * The ledger (台帐) of a service point: every errand of a month, with the villager masked. Read from the
 * by-service-point index for that month only.
 */
public final class LedgerService {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One errand: when, for whom (masked), what, where it stands, its result, and the hand-over. */
    public record Row(String caseId, Instant submittedAt, String agentId, String villagerName, String villagerIdNumber,
                      String villagerPhone, String itemCode, String itemName, String status, String statusName,
                      String result, String resultNumber, Instant resultIssuedAt, Instant deliveredAt,
                      String deliveredTo, String deliveryMethod, String consentMethod) {
    }

    public record Ledger(String servicePointId, String month, int count, List<Row> rows) {
    }

    private final LedgerQuery query;
    private final PointTree tree;

    public LedgerService(LedgerQuery query, PointTree tree) {
        this.query = query;
        this.tree = tree;
    }

    public Ledger ledger(Caller caller, String pointId, YearMonth month) {
        if (!AccessPolicy.canReadLedger(caller, pointId, tree)) {
            throw DomainException.notFound("SERVICE_POINT_NOT_FOUND", "服务点不存在", "no service point " + pointId);
        }
        Instant from = month.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        List<Row> rows = query.submittedAtPoint(pointId, from, to).stream().map(LedgerService::row).toList();
        return new Ledger(pointId, month.toString(), rows.size(), rows);
    }

    /** {@code YYYY-MM} between 2000-01 and 2100-12. */
    public static YearMonth parseMonth(String value) {
        try {
            YearMonth m = YearMonth.parse(value == null ? "" : value);
            if (m.isBefore(YearMonth.of(2000, 1)) || m.isAfter(YearMonth.of(2100, 12))) throw new IllegalArgumentException();
            return m;
        } catch (RuntimeException e) {
            throw DomainException.validation(List.of(cn.onewindow.core.common.FieldError.of("month", "INVALID_MONTH",
                    "月份格式应为 YYYY-MM", "use a month like 2025-04")));
        }
    }

    private static Row row(ServiceCase.Snapshot s) {
        var a = s.applicant();
        String result = s.decision() != null ? s.decision().outcome().name()
                : s.status().name().equals("NOT_ACCEPTED") ? "NOT_ACCEPTED" : null;
        return new Row(s.id(), s.submittedAt(), s.agentId(), a == null ? null : Masking.name(a.name()),
                a == null ? null : Masking.idNumber(a.idType(), a.idNumber()),
                a == null ? null : Masking.phone(a.phone()),
                s.itemCode(), s.itemName(), s.status().name(), s.status().chinese(), result, s.resultNumber(),
                s.resultIssuedAt(), s.deliveredAt(), s.deliveredTo() == null ? null : Masking.name(s.deliveredTo()),
                s.deliveryMethod(), s.consent() == null ? null : s.consent().method().name());
    }

    /** Local date for printing. */
    public static LocalDate localDate(Instant t) {
        return t == null ? null : t.atZone(ZONE).toLocalDate();
    }
}
