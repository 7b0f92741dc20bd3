package cn.onewindow.api;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The documented maxima of every request field, in one table keyed by the JSON property name, enforced on every
 * request body after it is read ({@link LimitsInterceptor}) and written into the OpenAPI document (by the test
 * application's {@code OpenApiLimits} filter: {@code maxLength}, {@code maxItems}). A property without an entry gets the defaults. The
 * walk also refuses what no field may hold: {@code null} inside a list, control characters and unpaired surrogates
 * in text, dates outside 2000–2099, and numbers with more than {@link #MAX_DIGITS} digits.
 */
public final class Limits {
    private Limits() {
    }

    public static final int DEFAULT_MAX_LENGTH = 500;
    public static final int DEFAULT_MAX_ITEMS = 100;
    public static final int MAX_DIGITS = 18;
    /** Query parameters and path segments. */
    public static final int MAX_PARAM_LENGTH = 200;
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** Longest text per property name (a list's entry: the list's name). */
    static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(
            Map.entry("itemCode", 40), Map.entry("code", 40), Map.entry("caseId", 64), Map.entry("id", 64),
            Map.entry("region", 16), Map.entry("regionCode", 16), Map.entry("cityCode", 16),
            Map.entry("departmentCode", 32), Map.entry("centerId", 64), Map.entry("servicePointId", 64),
            Map.entry("parentId", 64), Map.entry("agentId", 64), Map.entry("windowId", 64),
            Map.entry("staffId", 64), Map.entry("applicantConfirmation", 32), Map.entry("level", 32),
            Map.entry("channel", 32), Map.entry("ratedAt", 64), Map.entry("resultNumber", 64),
            Map.entry("confirmationCode", 16), Map.entry("idNumber", 32), Map.entry("phone", 20),
            Map.entry("reference", 100), Map.entry("name", 100), Map.entry("deliveredTo", 100),
            Map.entry("departmentName", 100), Map.entry("confirmation", 100), Map.entry("signature", 200),
            Map.entry("reason", 500), Map.entry("reasons", 500), Map.entry("note", 1000),
            Map.entry("comment", 500), Map.entry("missing", 40), Map.entry("unmetConditions", 40),
            Map.entry("description", 2000), Map.entry("legalBasis", 2000), Map.entry("controlBasis", 2000),
            Map.entry("feeBasis", 2000), Map.entry("username", 64), Map.entry("password", 128),
            Map.entry("currentPassword", 128), Map.entry("newPassword", 128), Map.entry("ticketId", 64),
            Map.entry("category", 40), Map.entry("prefix", 40), Map.entry("greenLane", 32),
            Map.entry("categories", 40), Map.entry("idType", 40));

    /** Most entries per list property name. */
    static final Map<String, Integer> MAX_ITEMS = Map.ofEntries(
            Map.entry("materials", 100), Map.entry("unmetConditions", 50), Map.entry("reasons", 20),
            Map.entry("missing", 100), Map.entry("records", cn.onewindow.core.service.EvaluationService.MAX_BATCH_RECORDS),
            Map.entry("holidays", 60), Map.entry("makeupWorkdays", 30), Map.entry("conditions", 50),
            Map.entry("departments", cn.onewindow.core.catalog.ItemValidator.MAX_DEPARTMENTS),
            Map.entry("categories", cn.onewindow.core.queue.QueueConfig.MAX_CATEGORIES),
            Map.entry("windows", cn.onewindow.core.queue.QueueConfig.MAX_WINDOWS),
            Map.entry("greenLane", cn.onewindow.core.queue.QueueConfig.MAX_GREEN_LANE),
            Map.entry("slots", cn.onewindow.core.queue.QueueConfig.MAX_CATEGORIES));

    /**
     * Lists whose entries are checked one by one by the service instead (a batch's records: a bad record is
     * reported in the batch status and the good ones are kept).
     */
    static final java.util.Set<String> CHECKED_PER_ENTRY = java.util.Set.of("records");

    public static int maxLength(String property) {
        return MAX_LENGTH.getOrDefault(property, DEFAULT_MAX_LENGTH);
    }

    public static int maxItems(String property) {
        return MAX_ITEMS.getOrDefault(property, DEFAULT_MAX_ITEMS);
    }

    /** Throws VALIDATION_FAILED listing every field of the body over its limit. */
    public static void check(Object body) {
        List<FieldError> errors = new ArrayList<>();
        walk(body, "", "", errors, 0);
        if (!errors.isEmpty()) throw DomainException.validation(errors.size() > 50 ? errors.subList(0, 50) : errors);
    }

    /** A query parameter or path segment longer than {@link #MAX_PARAM_LENGTH}, or with control characters. */
    public static FieldError checkParam(String name, String value) {
        if (value == null) return null;
        if (value.length() > MAX_PARAM_LENGTH) return tooLong(name, MAX_PARAM_LENGTH);
        if (!clean(value)) return invalidCharacters(name);
        return null;
    }

    private static void walk(Object value, String path, String property, List<FieldError> errors, int depth) {
        if (value == null || depth > 20) return;
        if (value instanceof String s) {
            int max = maxLength(property);
            if (s.length() > max) errors.add(tooLong(path, max));
            else if (!clean(s)) errors.add(invalidCharacters(path));
        } else if (value instanceof Collection<?> list) {
            int max = maxItems(property);
            if (list.size() > max) {
                errors.add(FieldError.of(path, "TOO_MANY", "最多" + max + "项", "at most " + max + " entries"));
                return;
            }
            if (CHECKED_PER_ENTRY.contains(property)) return;
            int i = 0;
            for (Object e : list) {
                String at = path + "[" + i++ + "]";
                if (e == null) {
                    errors.add(FieldError.of(at, "REQUIRED", "列表中不能有空值", "a list entry may not be null"));
                } else {
                    walk(e, at, property, errors, depth + 1);
                }
            }
        } else if (value instanceof Instant t) {
            if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) errors.add(outOfRange(path));
        } else if (value instanceof OffsetDateTime t) {
            walk(t.toInstant(), path, property, errors, depth);
        } else if (value instanceof LocalDate d) {
            if (d.getYear() < 2000 || d.getYear() > 2099) errors.add(outOfRange(path));
        } else if (value instanceof BigDecimal n) {
            if (n.precision() - n.scale() > MAX_DIGITS || n.scale() > 6) {
                errors.add(FieldError.of(path, "OUT_OF_RANGE", "数值过大或小数位过多",
                        "at most " + MAX_DIGITS + " integer digits and 6 decimals"));
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                walk(k, path + "{}", "", errors, depth + 1);
                walk(e.getValue(), path.isEmpty() ? k : path + "." + k, k, errors, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                walk(v, path.isEmpty() ? c.getName() : path + "." + c.getName(), c.getName(), errors, depth + 1);
            }
        }
    }

    /** No control characters (tab and line breaks excepted), no unpaired surrogates, no non-characters. */
    public static boolean clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') return false;
            if (ch == 0x7F || ch == 0xFFFE || ch == 0xFFFF) return false;
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }

    static FieldError tooLong(String field, int max) {
        return FieldError.of(field, "TOO_LONG", "长度不能超过" + max, "must be at most " + max + " characters");
    }

    static FieldError invalidCharacters(String field) {
        return FieldError.of(field, "INVALID_CHARACTERS", "含有不允许的控制字符或无效字符",
                "contains control characters or invalid Unicode");
    }

    static FieldError outOfRange(String field) {
        return FieldError.of(field, "OUT_OF_RANGE", "日期应在2000年至2099年之间", "dates lie in the years 2000–2099");
    }
}
