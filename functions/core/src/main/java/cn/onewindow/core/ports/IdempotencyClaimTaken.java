package cn.onewindow.core.ports;

/** Thrown by a store when the idempotency key of a write was recorded by another request meanwhile. */
public class IdempotencyClaimTaken extends RuntimeException {
    public IdempotencyClaimTaken(String scopeKey) {
        super("idempotency key already used: " + scopeKey);
    }
}
