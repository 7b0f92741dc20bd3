package cn.onewindow.core.evaluation;

import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The rating token of a window's rating request: a keyed HMAC of the request, given only to the PAD bound to that
 * window. The staff saw the applicant, so a rating sent with the token in place of the last four ID characters
 * confirms the applicant. Nothing is stored; a token is not guessable without the pseudonym secret.
 */
public final class RatingTokens {
    static final String PREFIX = "RT";
    private static final int CHARS = 24;

    private RatingTokens() {
    }

    public static String token(PrivacyKeys keys, WindowRatingRequest r) {
        return tokenOf(keys.pseudonyms().key(Pseudonyms.REQUEST, input(r)));
    }

    /** Whether a rating's confirmation is the token of this request (under any key still accepted), in constant time. */
    public static boolean matches(PrivacyKeys keys, WindowRatingRequest r, String confirmation) {
        if (r == null || confirmation == null || !confirmation.startsWith(PREFIX)) return false;
        boolean match = false;
        for (String k : keys.pseudonyms().candidates(Pseudonyms.REQUEST, input(r))) {
            match |= MessageDigest.isEqual(tokenOf(k).getBytes(StandardCharsets.US_ASCII),
                    confirmation.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    private static String input(WindowRatingRequest r) {
        return "rating-request\0" + r.caseId() + "\0" + r.windowId() + "\0" + r.staffId() + "\0" + r.requestedAt();
    }

    private static String tokenOf(String key) {
        String mac = key.substring(key.indexOf(':') + 1).replace('-', 'x').replace('_', 'y');
        return PREFIX + mac.substring(0, CHARS);
    }
}
