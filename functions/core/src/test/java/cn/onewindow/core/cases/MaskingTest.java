package cn.onewindow.core.cases;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One example per ID type and length class; the properties over every length are in {@link MaskingPropertiesTest}. */
class MaskingTest {

    @Test
    void residentIdKeepsRegionAndLastFour() {
        assertEquals("330106********1234", Masking.idNumber(IdType.RESIDENT_ID, "330106199001011234"));
        assertEquals("110105********002X", Masking.idNumber(IdType.RESIDENT_ID, "11010519491231002X"));
        // the old 15-digit number is too short for region + 8 hidden + 4: the last 4 only
        assertEquals("***********1123", Masking.idNumber(IdType.RESIDENT_ID, "330106900101123"));
        assertEquals("********", Masking.idNumber(IdType.RESIDENT_ID, "12345678"));
        assertNull(Masking.idNumber(IdType.RESIDENT_ID, null));
    }

    @Test
    void creditCodeKeepsAuthorityRegionAndLastFour() {
        assertEquals("913301********FK3R", Masking.idNumber(IdType.UNIFIED_SOCIAL_CREDIT_CODE, "91330110MA27Y5FK3R"));
    }

    @Test
    void passportsAndPermitsKeepTheSeriesLetterAndLastThree() {
        assertEquals("E*****678", Masking.idNumber(IdType.PASSPORT, "E12345678"));          // 9: was a 500
        assertEquals("E******789", Masking.idNumber(IdType.PASSPORT, "E123456789"));        // 10: was in clear
        assertEquals("*****678", Masking.idNumber(IdType.PASSPORT, "12345678"));            // 8: tail only
        assertEquals("*******", Masking.idNumber(IdType.PASSPORT, "1234567"));              // 7: all hidden
        assertEquals("H********901", Masking.idNumber(IdType.HK_MACAO_PERMIT, "H12345678901"));
        assertEquals("C*****678", Masking.idNumber(IdType.HK_MACAO_PERMIT, "C12345678"));
        assertEquals("*****678", Masking.idNumber(IdType.TAIWAN_PERMIT, "12345678"));
        assertEquals("L*****678", Masking.idNumber(IdType.TAIWAN_PERMIT, "L12345678"));
    }

    @Test
    void foreignerPermanentResidentIdKeepsFirstAndLastFour() {
        assertEquals("U**********0101", Masking.idNumber(IdType.FOREIGNER_PERMANENT_RESIDENT, "USA330106900101"));
        assertEquals("9*************0017", Masking.idNumber(IdType.FOREIGNER_PERMANENT_RESIDENT,
                "933106840101100017"));
    }

    @Test
    void otherDocumentsKeepAtMostTheLastTwoAndShortOnesNothing() {
        assertEquals("******78", Masking.idNumber(IdType.OTHER, "AB345678"));
        assertEquals("*******", Masking.idNumber(IdType.OTHER, "AB34567"));
        assertEquals("*", Masking.idNumber(IdType.OTHER, "7"));
        assertEquals("", Masking.idNumber(IdType.OTHER, ""));
        assertEquals("******78", Masking.idNumber(null, "AB345678"), "no type: the strictest rule");
    }

    @Test
    void unicodeCountsCodePoints() {
        assertEquals("*****", Masking.idNumber(IdType.OTHER, "𠀀𠀁号码Ａ"));
        assertEquals("********𠀈𠀉", Masking.idNumber(IdType.OTHER, "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉"));
        assertEquals("E*****೦೧೨", Masking.idNumber(IdType.PASSPORT, "E12345೦೧೨"));
    }

    @Test
    void phoneKeepsThreeAndFour() {
        assertEquals("138****5678", Masking.phone("13812345678"));
        assertEquals("057*****4321", Masking.phone("057187654321"));
        assertEquals("057******4321", Masking.phone("0571-87654321"));
        assertEquals("****4321", Masking.phone("87654321"));
        assertEquals("******", Masking.phone("123456"));
        assertNull(Masking.phone(null));
    }

    @Test
    void nameKeepsTheSurnameAndTheLastCharacterOfLongerNames() {
        assertEquals("张*丰", Masking.name("张三丰"));
        assertEquals("李*", Masking.name("李四"));
        assertEquals("欧**娜", Masking.name("欧阳娜娜"));
        assertEquals("*", Masking.name("王"), "a one-character name is not shown in clear");
        assertEquals("", Masking.name(""));
        assertNull(Masking.name(null));
        // supplementary characters (Extension B) count as one
        assertEquals("𠀀*", Masking.name("𠀀明"));
        assertEquals("张*𠀀", Masking.name("张三𠀀"));
        assertEquals("杭********司", Masking.name("杭州某某科技有限公司"));
    }
}
