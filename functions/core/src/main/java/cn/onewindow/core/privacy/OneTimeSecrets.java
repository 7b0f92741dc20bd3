package cn.onewindow.core.privacy;

import java.util.regex.Pattern;

/** One-time secrets (pick-up code 取件码, query password 查询密码) in texts: how they are masked where stored or logged. */
public final class OneTimeSecrets {
    private static final Pattern IN_TEXT = Pattern.compile("(取件码|查询密码)(\\s*[:：]?\\s*)[0-9A-Za-z]{4,12}");
    public static final String MASK = "******";

    private OneTimeSecrets() {
    }

    /** The text with every pick-up code and query password replaced by {@value #MASK}. */
    public static String mask(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll("$1$2" + MASK);
    }
}
