package cn.onewindow.core.privacy;

/**
 * Encrypts a secret-bearing payload for storage (the outbox) and decrypts it for the one part that must send it in
 * clear. The context (e.g. the outbox item's id) is bound to the ciphertext: a sealed payload moved to another item
 * does not open.
 */
public interface Sealer {
    String seal(String plaintext, String context);

    /** @throws SecurityException if the payload was altered, belongs to another context, or no key opens it */
    String open(String sealed, String context);
}
