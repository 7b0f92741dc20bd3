package cn.onewindow.core.cases;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MaskingTest {

    @Test
    void idNumberShowsRegionAndLastFourOnly() {
        assertEquals("330106********1234", Masking.idNumber("330106199001011234"));
        assertEquals("110105********002X", Masking.idNumber("11010519491231002X"));
        assertEquals("913301********FK3R", Masking.idNumber("91330110MA27Y5FK3R"));
        assertEquals("********", Masking.idNumber("E1234567"));
        assertNull(Masking.idNumber(null));
    }

    @Test
    void phoneShowsFirstThreeAndLastFour() {
        assertEquals("138****5678", Masking.phone("13812345678"));
        assertEquals("057*****4321", Masking.phone("057187654321"));
        assertEquals("******", Masking.phone("123456"));
        assertNull(Masking.phone(null));
    }

    @Test
    void nameKeepsTheSurnameAndForTheLongerNamesTheLastCharacter() {
        assertEquals("张*丰", Masking.name("张三丰"));
        assertEquals("李*", Masking.name("李四"));
        assertEquals("欧**娜", Masking.name("欧阳娜娜"));
        assertEquals("王", Masking.name("王"));
        assertEquals("", Masking.name(""));
        assertNull(Masking.name(null));
        // a character outside the BMP counts as one character
        assertEquals("𠀀*", Masking.name("𠀀明"));
        assertEquals("张*𠀀", Masking.name("张三𠀀"));
    }
}
