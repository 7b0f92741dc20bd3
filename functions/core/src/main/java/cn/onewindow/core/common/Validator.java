package cn.onewindow.core.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects every field error of a request so that the caller is told all of them at once. */
public final class Validator {
    private final List<FieldError> errors = new ArrayList<>();

    public Validator require(boolean ok, String field, String code, String zh, String en) {
        if (!ok) errors.add(FieldError.of(field, code, zh, en));
        return this;
    }

    public Validator notBlank(String value, String field) {
        return require(value != null && !value.isBlank(), field, "REQUIRED", "必填", "is required");
    }

    public Validator notNull(Object value, String field) {
        return require(value != null, field, "REQUIRED", "必填", "is required");
    }

    public Validator maxLength(String value, int max, String field) {
        return require(value == null || value.length() <= max, field, "TOO_LONG",
                "长度不能超过" + max, "must be at most " + max + " characters");
    }

    public Validator range(long value, long min, long max, String field) {
        return require(value >= min && value <= max, field, "OUT_OF_RANGE",
                "取值应在" + min + "至" + max + "之间", "must be between " + min + " and " + max);
    }

    public Validator addAll(Collection<FieldError> more) {
        errors.addAll(more);
        return this;
    }

    public List<FieldError> errors() { return List.copyOf(errors); }

    public boolean ok() { return errors.isEmpty(); }

    /** Throws a VALIDATION_FAILED exception listing every error, if there is any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) throw DomainException.validation(errors);
    }
}
