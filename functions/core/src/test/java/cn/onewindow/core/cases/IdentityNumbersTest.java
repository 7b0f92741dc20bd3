package cn.onewindow.core.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityNumbersTest {

    /** A valid number: the 17 digits given plus the check character they need. */
    private static String withCheck(String first17) {
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    @Test
    void checkCharacterFollowsGb11643() {
        // the worked examples of GB 11643-1999
        assertEquals('X', IdentityNumbers.checkCharacter("11010519491231002"));
        assertEquals('4', IdentityNumbers.checkCharacter("44052418800101001"));
        assertTrue(IdentityNumbers.validResidentId("11010519491231002X"));
        assertFalse(IdentityNumbers.validResidentId("440524188001010014"), "born 1880: before 1900, refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"33010619900101123", "33010620000229123", "33010619001231001", "65010220101231999",
            "33010619851015000"})
    void numbersBuiltWithTheCheckCharacterAreValid(String first17) {
        String id = withCheck(first17);
        assertTrue(IdentityNumbers.validResidentId(id), id);
        assertTrue(IdentityNumbers.valid(IdType.RESIDENT_ID, id), id);
    }

    @Test
    void everyWrongCheckCharacterIsRejected() {
        String first17 = "33010619900101123";
        char right = IdentityNumbers.checkCharacter(first17);
        for (char c : "0123456789X".toCharArray()) {
            assertEquals(c == right, IdentityNumbers.validResidentId(first17 + c), first17 + c);
        }
    }

    @Test
    void aSingleMistypedDigitIsCaught() {
        String id = withCheck("33010619900101123");
        String typo = id.substring(0, 9) + (char) ('0' + (id.charAt(9) - '0' + 1) % 10) + id.substring(10);
        assertFalse(IdentityNumbers.validResidentId(typo), typo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"33010619900230123", "33010619901301123", "33010619900100123", "33010620010229123",
            "33010618991231123", "33010621010101123"})
    void impossibleBirthDatesAreRejectedEvenWithTheRightCheckCharacter(String first17) {
        assertFalse(IdentityNumbers.validResidentId(withCheck(first17)), withCheck(first17));
    }

    @Test
    void wrongLengthOrCharactersAreRejected() {
        String id = withCheck("33010619900101123");
        assertFalse(IdentityNumbers.validResidentId(id.substring(0, 17)));
        assertFalse(IdentityNumbers.validResidentId(id + "1"));
        assertFalse(IdentityNumbers.validResidentId("330106900101123"), "old 15-digit numbers are not accepted");
        assertFalse(IdentityNumbers.validResidentId("3301061990010112A" + "X"));
        assertFalse(IdentityNumbers.validResidentId(" " + id));
        assertFalse(IdentityNumbers.validResidentId(""));
        assertFalse(IdentityNumbers.validResidentId(null));
        assertFalse(IdentityNumbers.validResidentId("11010519491231002x"), "the check character X is upper case");
    }

    @Test
    void otherDocumentTypes() {
        assertTrue(IdentityNumbers.valid(IdType.UNIFIED_SOCIAL_CREDIT_CODE, "91330110MA27Y5FK3R"));
        assertFalse(IdentityNumbers.valid(IdType.UNIFIED_SOCIAL_CREDIT_CODE, "91330110MA27Y5FK3"), "17 characters");
        assertFalse(IdentityNumbers.valid(IdType.UNIFIED_SOCIAL_CREDIT_CODE, "91330110MA27Y5FKIO"), "I and O unused");
        assertTrue(IdentityNumbers.valid(IdType.PASSPORT, "E12345678"));
        assertFalse(IdentityNumbers.valid(IdType.PASSPORT, "E1"));
        assertFalse(IdentityNumbers.valid(IdType.RESIDENT_ID, "E12345678"));
        assertFalse(IdentityNumbers.valid(null, "E12345678"));
        assertFalse(IdentityNumbers.valid(IdType.PASSPORT, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "19912345678", "0571-87654321", "057187654321", "010-12345678",
            "0571-8765432"})
    void validPhones(String phone) {
        assertTrue(IdentityNumbers.validPhone(phone), phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "87654321", "+8613812345678",
            "138 1234 5678", "0571-876543210", ""})
    void invalidPhones(String phone) {
        assertFalse(IdentityNumbers.validPhone(phone), phone);
    }

    @Test
    void nullPhoneIsInvalid() {
        assertFalse(IdentityNumbers.validPhone(null));
    }
}
