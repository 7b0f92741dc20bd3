package cn.onewindow.core.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data inside free text (notice texts, reasons, history lines) for a role that sees masked data:
 * every occurrence of the case's known personal values (applicant name, identity number and phone, the name of
 * whoever took the result) is replaced by its masked form ({@link Masking}), and then any digit run that looks like
 * an identity or phone number (18 characters ending in a digit or X, 10 or more digits, a landline with its area
 * code) is masked too. Identity numbers and phones shorter than 4 characters are not searched for (they identify
 * nobody inside a text, and would mask every such digit of a date).
 */
public final class Redactor {
    /** 18-character identity numbers, runs of 10 or more digits, landlines such as 0571-87654321. */
    private static final Pattern NUMBERS = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\d{17}[0-9Xx]|\\d{10,}|0\\d{2,3}-\\d{7,8})(?![0-9A-Za-z])");
    private static final Redactor PATTERNS_ONLY = new Redactor(Map.of());

    private final Pattern known;
    private final Map<String, String> masked;

    private Redactor(Map<String, String> masked) {
        this.masked = masked;
        if (masked.isEmpty()) {
            this.known = null;
        } else {
            List<String> values = new ArrayList<>(masked.keySet());
            values.sort(Comparator.comparingInt(String::length).reversed());
            StringBuilder p = new StringBuilder();
            for (String v : values) {
                if (!p.isEmpty()) p.append('|');
                p.append(Pattern.quote(v));
            }
            this.known = Pattern.compile(p.toString());
        }
    }

    /** Digit patterns only: for text whose case is not at hand. */
    public static Redactor patternsOnly() {
        return PATTERNS_ONLY;
    }

    /** The known personal values of a case: its applicant and who the result was delivered to. */
    public static Redactor forCase(ServiceCase.Snapshot s) {
        return s == null ? PATTERNS_ONLY : of(s.applicant(), s.deliveredTo());
    }

    /** @param otherNames further names (people who took a result, agents' villagers, …) */
    public static Redactor of(Applicant a, String... otherNames) {
        Map<String, String> m = new LinkedHashMap<>();
        if (a != null) {
            name(m, a.name());
            number(m, a.idNumber(), Masking.ruleFor(a.idType()));
            number(m, a.phone(), Masking.PHONE);
        }
        for (String n : otherNames) name(m, n);
        return m.isEmpty() ? PATTERNS_ONLY : new Redactor(Map.copyOf(m));
    }

    private static void name(Map<String, String> m, String name) {
        if (name == null || name.isBlank()) return;
        String v = name.strip();
        m.putIfAbsent(v, Masking.name(v));
    }

    private static void number(Map<String, String> m, String value, Masking.Rule rule) {
        if (value == null || value.isBlank()) return;
        String v = value.strip();
        if (v.codePointCount(0, v.length()) < 4) return;
        for (String form : List.of(v, v.toUpperCase(Locale.ROOT), v.toLowerCase(Locale.ROOT))) {
            m.putIfAbsent(form, rule.apply(form));
        }
    }

    public String text(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        if (known != null) {
            Matcher k = known.matcher(out);
            StringBuilder b = new StringBuilder(out.length());
            while (k.find()) k.appendReplacement(b, Matcher.quoteReplacement(masked.get(k.group())));
            k.appendTail(b);
            out = b.toString();
        }
        Matcher d = NUMBERS.matcher(out);
        StringBuilder b = new StringBuilder(out.length());
        while (d.find()) {
            String g = d.group();
            d.appendReplacement(b, Matcher.quoteReplacement(g.length() == 18 || g.length() == 15
                    ? Masking.RESIDENT_ID.apply(g)
                    : Masking.PHONE.apply(g)));
        }
        d.appendTail(b);
        return b.toString();
    }

    public List<String> texts(List<String> texts) {
        return texts == null ? null : texts.stream().map(this::text).toList();
    }
}
