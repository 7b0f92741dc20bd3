package cn.onewindow.core.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * Case numbers: acceptance date in Shanghai plus 10 random Crockford base-32 characters, e.g.
 * {@code 20250425-7K3M9Q2PXA}. Random from {@link SecureRandom} on every call (nothing is drawn at start-up, so a
 * restored snapshot of a function does not repeat numbers).
 */
public final class CaseIds implements Supplier<String> {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private final Clock clock;

    public CaseIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String get() {
        byte[] bytes = new byte[10];
        new SecureRandom().nextBytes(bytes);
        StringBuilder b = new StringBuilder(DAY.format(clock.instant())).append('-');
        for (byte x : bytes) b.append(ALPHABET[(x & 0xff) % 32]);
        return b.toString();
    }
}
