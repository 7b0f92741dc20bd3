package cn.onewindow.core.calendar;

import java.util.Objects;

/**
 * A refused extension (延期) request: a business refusal, not a programming error. {@link #code()}
 * is a stable machine code; {@link #messageZh()} and {@link #messageEn()} are for people.
 */
public final class ExtensionRefusedException extends RuntimeException {

    /** The reasons an extension can be refused; {@code name()} is the machine code. */
    public enum Reason {
        /** The case has already been extended once. */
        EXTENSION_ALREADY_USED,
        /** No reason (or a blank one) was given. */
        EXTENSION_REASON_REQUIRED,
        /** Zero or negative days requested. */
        EXTENSION_DAYS_INVALID,
        /** More days than one extension may add (10, or 15 for joint approval). */
        EXTENSION_TOO_LONG,
        /** Promised days + extension would exceed the legal limit + the maximum extension. */
        EXTENSION_BEYOND_LEGAL_LIMIT
    }

    private final Reason reason;
    private final String messageZh;

    public ExtensionRefusedException(Reason reason, String messageZh, String messageEn) {
        super(Objects.requireNonNull(messageEn, "messageEn"));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.messageZh = Objects.requireNonNull(messageZh, "messageZh");
    }

    public Reason reason() {
        return reason;
    }

    /** Stable machine code, e.g. {@code EXTENSION_ALREADY_USED}. */
    public String code() {
        return reason.name();
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return getMessage();
    }
}
