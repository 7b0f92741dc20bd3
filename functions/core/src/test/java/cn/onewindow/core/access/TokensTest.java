package cn.onewindow.core.access;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {

    @Test
    void hashIsLowerCaseHexSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Tokens.hash(""));
        assertEquals("dc0b81a9449141b317c9fdaca82b5a4c87d320e8b3041acd4e9002e34df389e7", Tokens.hash("demo-window"));
    }

    @Test
    void hashIsStableAndNeverTheTokenItself() {
        String h = Tokens.hash("demo-agent");
        assertEquals(h, Tokens.hash("demo-agent"));
        assertTrue(h.matches("[0-9a-f]{64}"), h);
        assertNotEquals(h, Tokens.hash("demo-agent "));
        // UTF-8: a non-ASCII token hashes its UTF-8 bytes
        assertEquals(64, Tokens.hash("窗口令牌").length());
    }
}
