package cn.onewindow.aws.faults;

/** What {@link FaultInjectingHttpClient} does to one attempt of one SDK call. */
public enum Fault {
    /** Passed through unchanged. */
    NONE,
    /** Not applied: TransactWriteItems cancelled with a {@code TransactionConflict} reason (the SDK does not retry). */
    TRANSACTION_CONFLICT,
    /** Not applied: throttled ({@code ProvisionedThroughputExceededException} / {@code RequestThrottled}); SDK-retried. */
    THROTTLED,
    /** Not applied: 500 internal server error; SDK-retried. */
    INTERNAL_ERROR,
    /** Not applied: 503; SDK-retried. */
    UNAVAILABLE,
    /** Applied, then the answer is lost (read time-out); the SDK retries what already took effect. */
    TIMEOUT_AFTER_APPLY
}
