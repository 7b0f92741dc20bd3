package cn.onewindow.core.cases;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RedactorTest {
    static final Applicant APPLICANT = new Applicant("张三丰", null, IdType.RESIDENT_ID, "330106199001011234",
            "13812345678");

    @Test
    void knownValuesOfTheCaseAreReplacedByTheirMaskedForms() {
        Redactor r = Redactor.of(APPLICANT, "李四");
        assertEquals("to 李* (CONFIRMATION_CODE)", r.text("to 李四 (CONFIRMATION_CODE)"));
        assertEquals("张*丰：您申请的事项已受理，证件号330106********1234，联系电话138****5678。",
                r.text("张三丰：您申请的事项已受理，证件号330106199001011234，联系电话13812345678。"));
        assertEquals("张*丰、张*丰", r.text("张三丰、张三丰"));
        assertNull(r.text(null));
        assertEquals("", r.text(""));
    }

    @Test
    void aPassportAnywhereInTheTextIsMaskedByItsOwnRuleAndInAnyCase() {
        Redactor r = Redactor.of(new Applicant("John Smith", null, IdType.PASSPORT, "E12345678", null));
        assertEquals("J********h 护照 E*****678 / e*****678", r.text("John Smith 护照 E12345678 / e12345678"));
    }

    @Test
    void numberShapedDigitRunsAreMaskedEvenWhenNotTheCasesOwn() {
        Redactor r = Redactor.patternsOnly();
        assertEquals("代领人电话139****0000，身份证110105********002X", r.text("代领人电话13900000000，身份证11010519491231002X"));
        assertEquals("座机057******4321", r.text("座机0571-87654321"));
        // case numbers, dates, result numbers and material codes stay as they are
        String plain = "办件20250425-7K3M9Q2PXA于2025年5月15日 18:00前办结，余林采〔2025〕18号，缺M01";
        assertEquals(plain, r.text(plain));
    }

    @Test
    void veryShortNumbersAreNotSearchedForInText() {
        Redactor r = Redactor.of(new Applicant("王", null, IdType.OTHER, "7", "12"));
        assertEquals("*先生于2025年5月17日来电", r.text("王先生于2025年5月17日来电"));
    }
}
