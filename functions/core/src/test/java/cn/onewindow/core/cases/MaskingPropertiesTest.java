package cn.onewindow.core.cases;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Masking is total: for every ID type (and none), every length from 0 and any Unicode text (CJK, full-width,
 * supplementary characters, lone surrogates), the masked value
 * <ul>
 *     <li>is produced without an exception,</li>
 *     <li>has as many code points as the input (one {@code *} per hidden code point),</li>
 *     <li>shows at most the rule's head + tail clear code points, each the input's own at the same position,</li>
 *     <li>never equals an input longer than what the rule keeps (inputs without {@code *}).</li>
 * </ul>
 */
class MaskingPropertiesTest {

    /** The most clear characters each type may show (the README's table says the same). */
    static final Map<IdType, Integer> MAX_CLEAR = Map.of(IdType.RESIDENT_ID, 10, IdType.UNIFIED_SOCIAL_CREDIT_CODE, 10,
            IdType.PASSPORT, 4, IdType.HK_MACAO_PERMIT, 4, IdType.TAIWAN_PERMIT, 4,
            IdType.FOREIGNER_PERMANENT_RESIDENT, 5, IdType.OTHER, 2);

    @Property(tries = 3000)
    void idNumbersOfEveryTypeAndLength(@ForAll("types") IdType type, @ForAll("values") String id) {
        int max = type == null ? 2 : MAX_CLEAR.get(type);
        assertEquals(max, Masking.ruleFor(type).maxClear());
        check(id, Masking.idNumber(type, id), max);
    }

    @Property(tries = 1000)
    void phones(@ForAll("values") String phone) {
        check(phone, Masking.phone(phone), 7);
    }

    @Property(tries = 1000)
    void names(@ForAll("values") String name) {
        check(name, Masking.name(name), 2);
    }

    /** Every length 0–40 of plain digits, for every type: the short ones are where the old rule failed. */
    @Property(tries = 500)
    void everyLengthOfDigits(@ForAll("types") IdType type, @ForAll @IntRange(max = 40) int length) {
        String id = "1234567890".repeat(5).substring(0, length);
        check(id, Masking.idNumber(type, id), type == null ? 2 : MAX_CLEAR.get(type));
    }

    @Property(tries = 500)
    void maskingTwiceChangesNothingMore(@ForAll("types") IdType type, @ForAll("values") String id) {
        String once = Masking.idNumber(type, id);
        assertEquals(once, Masking.idNumber(type, once));
    }

    static void check(String input, String masked, int maxClear) {
        if (input == null) {
            assertEquals(null, masked);
            return;
        }
        int[] in = input.codePoints().toArray();
        int[] out = masked.codePoints().toArray();
        assertEquals(in.length, out.length, "one code point out per code point in");
        int clear = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '*') continue;
            assertEquals(in[i], out[i], "a shown character is the input's own at " + i);
            clear++;
        }
        assertTrue(clear <= maxClear, clear + " clear characters of " + input.length());
        if (in.length > maxClear && input.indexOf('*') < 0) {
            assertNotEquals(input, masked, "an input longer than the rule keeps is never returned as it was");
        }
    }

    @Provide
    Arbitrary<IdType> types() {
        return Arbitraries.of(IdType.values()).injectNull(0.1);
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(30);
        Arbitrary<String> alnum = Arbitraries.strings().alpha().numeric().ofMinLength(0).ofMaxLength(30);
        Arbitrary<String> cjk = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').withCharRange('０', '９')
                .ofMinLength(0).ofMaxLength(12);
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x10FFFF)
                .map(Character::toString).list().ofMaxSize(12).map(l -> String.join("", l));
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(25);
        Arbitrary<String> mixed = Combinators.combine(alnum, supplementary, cjk).as((a, b, c) -> a + b + c);
        return Arbitraries.oneOf(digits, alnum, cjk, supplementary, any, mixed).injectNull(0.02)
                .edgeCases(e -> e.add(""));
    }
}
