package cn.onewindow.core.common;

/**
 * The one typed outcome of a lost race: another writer changed the record between our read and our conditional
 * write, and {@link RetryPolicy} ran out of attempts (or the caller does not retry). Always a 409 with the stable
 * code {@value #CODE}; the client reloads and tries again.
 */
public final class ConcurrentUpdateException extends DomainException {
    public static final String CODE = "CONCURRENT_UPDATE";

    public ConcurrentUpdateException(String messageZh, String messageEn) {
        super(Kind.CONFLICT, CODE, messageZh, messageEn);
    }

    /** True for a lost race, typed or (from an older adapter) by its code. */
    public static boolean is(Throwable e) {
        return e instanceof ConcurrentUpdateException
                || e instanceof DomainException d && CODE.equals(d.code()) && d.kind() == Kind.CONFLICT;
    }
}
