package cn.onewindow.core.service;

import cn.onewindow.core.timers.Deadlines;
import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.Level;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.QueueFiguresSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Ratings (好差评) are those given in the period (by the time the applicant rated), from the center's rating index:
 * <ul>
 *   <li>rated: ratings counted, one per case; satisfied: VERY_SATISFIED + SATISFIED + BASIC; dissatisfied:
 *       DISSATISFIED + VERY_DISSATISFIED; satisfactionRate (满意率) = satisfied ÷ rated, badRate (差评率) =
 *       dissatisfied ÷ rated.</li>
 *   <li>A re-rating (round 2, after a fixed rectification) replaces the original: the case counts once, with its
 *       latest level, in the period of the re-rating; its original rating no longer counts in any period.</li>
 *   <li>Grouping: ratings carry their own item, department, center and service point; WINDOW groups them by the
 *       window rated (else the center), STAFF by the staff member rated ("null" when none was named), CHANNEL by
 *       where they were given (PAD, EVALUATOR, …). Cases carry no window or staff, so WINDOW and STAFF groups hold
 *       rating figures only (case counts 0; the case figures are in the total).</li>
 *   <li>openRectifications: rectifications (整改) of the center open now (not a period figure), in the total and in
 *       ITEM, DEPARTMENT, SERVICE_POINT and CENTER groups; null in WINDOW, STAFF, CHANNEL and MONTH groups.</li>
 *   <li>MONTH groups ("2025-04") hold the cases submitted and the ratings given in that month (Shanghai): one call
 *       gives a trend over the period.</li>
 * </ul>
 * The queue figures (排队, {@code queue}): the center's tickets taken in the period (whatever the grouping), see
 * {@link QueueFiguresSource.QueueSummary}: average wait and service minutes, abandonment rate, served per window;
 * for periods of up to {@link #QUEUE_MAX_DAYS} days (one read per working day), null for longer ones (a trend).
 * Rates are ratios with four decimals; null where the denominator is 0.
 */
public final class StatsService {
    private static final ZoneId ZONE = DeadlineCalculator.ZONE;
    /** The longest period (a quarter) the queue figures are given for. */
    public static final int QUEUE_MAX_DAYS = 92;
    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final EvaluationRepository evaluations;
    private final QueueFiguresSource queue;

    public StatsService(CaseRepository cases, Deadlines deadlines, EvaluationRepository evaluations,
                        QueueFiguresSource queue) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.evaluations = evaluations;
        this.queue = queue;
    }

    /** MONTH: per calendar month (Shanghai) of submission, ratings by the month they were given ("2025-04"). */
    public enum GroupBy { ITEM, DEPARTMENT, SERVICE_POINT, CHANNEL, CENTER, WINDOW, STAFF, MONTH }

    public record Figures(String group, long received, long accepted, long immediate, BigDecimal immediateShare,
                          long finished, long onTime, BigDecimal onTimeRate, long early, BigDecimal earlyRate,
                          long overdue, BigDecimal averageActualDays, BigDecimal averagePromisedDays,
                          BigDecimal averageLegalDays, BigDecimal satisfactionRate, long rated, long satisfied,
                          long dissatisfied, BigDecimal badRate, Long openRectifications) {
    }

    public record Report(String centerId, LocalDate from, LocalDate to, GroupBy groupBy, Figures total,
                         List<Figures> groups, QueueFiguresSource.QueueSummary queue) {
    }

    public Report figures(Caller caller, String centerId, LocalDate from, LocalDate to, GroupBy groupBy) {
        AccessPolicy.requireFiguresReader(caller, centerId);
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
            case MONTH -> s -> month(s.submittedAt());
            case WINDOW, STAFF -> null;
        };
        Map<String, Acc> groups = new TreeMap<>();
        Acc total = new Acc();
        for (ServiceCase.Snapshot s : all) {
            total.add(s, calc);
            if (key != null) groups.computeIfAbsent(key.apply(s), k -> new Acc()).add(s, calc);
        }
        Function<Evaluation, String> ratingKey = switch (groupBy) {
            case ITEM -> Evaluation::itemCode;
            case DEPARTMENT -> Evaluation::departmentCode;
            case SERVICE_POINT -> e -> String.valueOf(e.servicePointId());
            case CHANNEL -> e -> e.channel().name();
            case CENTER -> e -> String.valueOf(e.centerId());
            case WINDOW -> e -> e.windowId() != null ? e.windowId() : String.valueOf(e.centerId());
            case STAFF -> e -> String.valueOf(e.staffId());
            case MONTH -> e -> month(e.ratedAt());
        };
        for (Evaluation e : counted(evaluations.ratedBetween(centerId, start, end))) {
            total.rate(e.level());
            groups.computeIfAbsent(ratingKey.apply(e), k -> new Acc()).rate(e.level());
        }
        Function<Rectification, String> rectKey = switch (groupBy) {
            case ITEM -> Rectification::itemCode;
            case DEPARTMENT -> Rectification::departmentCode;
            case SERVICE_POINT -> r -> String.valueOf(r.servicePointId());
            case CENTER -> r -> String.valueOf(r.centerId());
            case WINDOW, STAFF, CHANNEL, MONTH -> null;
        };
        total.openRectifications = 0L;
        for (Rectification r : evaluations.openRectificationsOf(centerId)) {
            total.openRectifications++;
            if (rectKey != null) groups.computeIfAbsent(rectKey.apply(r), k -> new Acc()).openRectification();
        }
        if (rectKey != null) groups.values().forEach(a -> {
            if (a.openRectifications == null) a.openRectifications = 0L;
        });
        return new Report(centerId, from, to, groupBy, total.figures("ALL"),
                groups.entrySet().stream().map(e -> e.getValue().figures(e.getKey())).toList(),
                to.toEpochDay() - from.toEpochDay() < QUEUE_MAX_DAYS ? queue.figures(centerId, from, to) : null);
    }

    private static String month(Instant at) {
        return java.time.YearMonth.from(at.atZone(ZONE)).toString();
    }

    /**
     * The accountability records (问责记录) of a center, latest first: supervisors and administrators.
     *
     * @param limit 1..100
     */
    public cn.onewindow.core.ports.Page<cn.onewindow.core.deadline.Accountability> accountability(
            Caller caller, String centerId, int limit, String cursor) {
        AccessPolicy.requireAccountabilityReader(caller);
        if (limit < 1 || limit > 100) {
            throw DomainException.validation(List.of(FieldError.of("limit", "OUT_OF_RANGE", "取值应在1至100之间",
                    "must be between 1 and 100")));
        }
        return cases.accountability(centerId, limit, cursor);
    }

    /**
     * The ratings that count: one per case, the latest. A round-1 rating is dropped when the case's re-rating is in
     * the same period, or stored at all (then it counts in its own period); only bad ratings open a rectification,
     * so only their cases are looked up (by key, in batches).
     */
    private List<Evaluation> counted(List<Evaluation> ratings) {
        Map<String, Evaluation> latest = new LinkedHashMap<>();
        for (Evaluation e : ratings) {
            latest.merge(e.caseId(), e, (a, b) -> a.round() >= b.round() ? a : b);
        }
        List<String> mayBeReRated = latest.values().stream().filter(e -> e.round() == 1 && e.level().bad())
                .map(Evaluation::caseId).toList();
        Set<String> reRated = mayBeReRated.isEmpty() ? Set.of() : evaluations.reRated(mayBeReRated);
        List<Evaluation> out = new ArrayList<>();
        for (Evaluation e : latest.values()) {
            if (e.round() == 1 && reRated.contains(e.caseId())) continue;
            out.add(e);
        }
        return out;
    }

    private static final class Acc {
        long received, accepted, immediate, finished, onTime, early, overdue;
        long actualDays, promisedDays, legalDays;
        long rated, satisfied, dissatisfied;
        Long openRectifications;

        void rate(Level level) {
            rated++;
            if (level.bad()) dissatisfied++;
            else satisfied++;
        }

        void openRectification() {
            openRectifications = openRectifications == null ? 1 : openRectifications + 1;
        }

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
                    avg(promisedDays, accepted), avg(legalDays, accepted), ratio(satisfied, rated), rated, satisfied,
                    dissatisfied, ratio(dissatisfied, rated), openRectifications);
        }

        static BigDecimal ratio(long n, long d) {
            return d == 0 ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 4, RoundingMode.HALF_UP);
        }

        static BigDecimal avg(long sum, long n) {
            return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        }
    }
}
