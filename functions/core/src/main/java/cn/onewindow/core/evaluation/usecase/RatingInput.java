package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.evaluation.EvaluationChannel;
import cn.onewindow.core.evaluation.Level;
import cn.onewindow.core.evaluation.RatingRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A rating request (single, or one record of a batch) with its fields checked and converted. */
final class RatingInput {
    /** How far ahead of the platform clock a device's {@code ratedAt} may be, and how far back. */
    static final Duration RATED_AT_SKEW = Duration.ofMinutes(10);
    static final Duration RATED_AT_PAST = Duration.ofDays(366);

    String caseId;
    Level level;
    EvaluationChannel channel;
    String confirmation;
    String windowId;
    String staffId;
    String comment;
    Instant ratedAt;
    final List<FieldError> errors = new ArrayList<>();

    static RatingInput parse(RatingRequest r, Instant now) {
        RatingInput p = new RatingInput();
        Validator v = new Validator();
        if (r == null) {
            p.errors.add(FieldError.of("body", "REQUIRED", "请求体不能为空", "a JSON body is required"));
            return p;
        }
        v.notBlank(r.caseId(), "caseId").maxLength(r.caseId(), 64, "caseId");
        v.notBlank(r.level(), "level").notBlank(r.channel(), "channel");
        v.notBlank(r.applicantConfirmation(), "applicantConfirmation")
                .maxLength(r.applicantConfirmation(), 32, "applicantConfirmation");
        v.maxLength(r.windowId(), 64, "windowId").maxLength(r.staffId(), 64, "staffId")
                .maxLength(r.comment(), 500, "comment");
        p.level = enumOf(Level.class, r.level(), "level", v);
        p.channel = enumOf(EvaluationChannel.class, r.channel(), "channel", v);
        if (r.ratedAt() != null && !r.ratedAt().isBlank()) {
            try {
                p.ratedAt = Instant.parse(r.ratedAt());
                // a device's clock may run a little ahead; a rating is given after the case, within a year
                if (p.ratedAt.isAfter(now.plus(RATED_AT_SKEW)) || p.ratedAt.isBefore(now.minus(RATED_AT_PAST))) {
                    v.require(false, "ratedAt", "OUT_OF_RANGE", "评价时间应在近一年内且不晚于当前时间",
                            "ratedAt lies within the last year and not in the future");
                    p.ratedAt = null;
                }
            } catch (DateTimeParseException e) {
                v.require(false, "ratedAt", "INVALID_INSTANT", "时间格式应为 ISO-8601，如 2025-05-06T02:00:00Z",
                        "use an ISO-8601 instant like 2025-05-06T02:00:00Z");
            }
        }
        p.caseId = r.caseId();
        p.confirmation = r.applicantConfirmation();
        p.windowId = blankToNull(r.windowId());
        p.staffId = blankToNull(r.staffId());
        p.comment = blankToNull(r.comment());
        p.errors.addAll(v.errors());
        return p;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, Validator v) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) allowed.append(allowed.isEmpty() ? "" : ", ").append(c.name());
            v.require(false, field, "INVALID_VALUE", "取值应为 " + allowed, "must be one of " + allowed);
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
