package cn.onewindow.core.cases;

/**
 * How identity numbers, phone numbers and names are shown where the clear value is not needed: one {@link Rule} per
 * kind of value, keeping only what a clerk needs to tell two people apart, total over every input (any length, any
 * characters, {@code null}).
 *
 * <p>Characters are Unicode code points (a surrogate pair counts as one; an unpaired surrogate as one). Each hidden
 * code point becomes one {@code *}, so the output has exactly as many code points as the input and the kept
 * characters are the input's own first / last ones. A value too short to keep its head and tail with at least
 * {@link Rule#minHidden} hidden loses one of them (identity numbers and phones their head, names their tail); too
 * short for that, it is masked whole. So a masked value never shows more than {@code head + tail} clear characters,
 * and never equals an input longer than that (unless the input's hidden part was already all {@code *}).
 */
public final class Masking {
    private Masking() {
    }

    /**
     * @param head          code points kept at the start
     * @param tail          code points kept at the end
     * @param minHidden     at least this many are hidden, else a part is dropped
     * @param dropHeadFirst when too short: drop the head first (numbers: the tail tells people apart) or the tail
     *                      first (names: the surname is what is kept)
     */
    public record Rule(int head, int tail, int minHidden, boolean dropHeadFirst) {
        public Rule {
            if (head < 0 || tail < 0 || minHidden < 1) throw new IllegalArgumentException("bad masking rule");
        }

        /** At most this many clear code points in any output. */
        public int maxClear() {
            return head + tail;
        }

        public String apply(String value) {
            if (value == null) return null;
            int[] cp = value.codePoints().toArray();
            int n = cp.length;
            int h = head;
            int t = tail;
            if (n - h - t < minHidden) {
                if (dropHeadFirst) h = 0; else t = 0;
            }
            if (n - h - t < minHidden) {
                if (dropHeadFirst) t = 0; else h = 0;
            }
            StringBuilder b = new StringBuilder(value.length());
            for (int i = 0; i < n; i++) {
                if (i < h || i >= n - t) b.appendCodePoint(cp[i]);
                else b.append('*');
            }
            return b.toString();
        }
    }

    /** 居民身份证 (18: region 6 + birth date 8 + sequence 3 + check): region and last 4, {@code 330106********1234}. */
    public static final Rule RESIDENT_ID = new Rule(6, 4, 8, true);
    /** 统一社会信用代码 (18): registration authority / region and last 4, {@code 913301********FK3R}. */
    public static final Rule CREDIT_CODE = new Rule(6, 4, 8, true);
    /** Passports and 港澳 / 台湾 permits (typically 8–11): the series letter and last 3, {@code E*****678}. */
    public static final Rule TRAVEL_DOCUMENT = new Rule(1, 3, 5, true);
    /** 外国人永久居留身份证 (15 or 18): first character and last 4. */
    public static final Rule FOREIGNER_ID = new Rule(1, 4, 8, true);
    /** Any other document, or no type given: the last 2 of at least 8. */
    public static final Rule OTHER_DOCUMENT = new Rule(0, 2, 6, true);
    /** Phones: {@code 138****5678}; landlines {@code 057*****4321}; 8–10 characters keep the last 4 only. */
    public static final Rule PHONE = new Rule(3, 4, 4, true);
    /** Names (people, and the company name of a company applicant): 张三丰 → 张*丰, 李四 → 李*, 王 → *. */
    public static final Rule NAME = new Rule(1, 1, 1, false);

    public static Rule ruleFor(IdType type) {
        if (type == null) return OTHER_DOCUMENT;
        return switch (type) {
            case RESIDENT_ID -> RESIDENT_ID;
            case UNIFIED_SOCIAL_CREDIT_CODE -> CREDIT_CODE;
            case PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT -> TRAVEL_DOCUMENT;
            case FOREIGNER_PERMANENT_RESIDENT -> FOREIGNER_ID;
            case OTHER -> OTHER_DOCUMENT;
        };
    }

    /** An identity number by the rule of its type (an unknown type: {@link #OTHER_DOCUMENT}). */
    public static String idNumber(IdType type, String id) {
        return ruleFor(type).apply(id);
    }

    public static String phone(String phone) {
        return PHONE.apply(phone);
    }

    public static String name(String name) {
        return NAME.apply(name);
    }
}
