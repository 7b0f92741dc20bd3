package cn.onewindow.core.common;

import cn.onewindow.core.access.Tokens;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DigestsTest {

    @Test
    void sha256HexOfUtf8Bytes() {
        // FIPS 180-2 test vectors and a Chinese string (UTF-8, not the platform charset)
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digests.sha256Hex("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Digests.sha256Hex(""));
        assertEquals("9efe01f647d67d91145ed0a8e0ca1fafbf7a7e8126423922b8754e5b604d659d", Digests.sha256Hex("窗口"));
    }

    @Test
    void storedTokenHashesAreTheSameDigest() {
        // the demo token hash stored in every deployed caller table must not change with the refactoring
        assertEquals("dc0b81a9449141b317c9fdaca82b5a4c87d320e8b3041acd4e9002e34df389e7", Tokens.hash("demo-window"));
        assertEquals(Digests.sha256Hex("demo-window"), Tokens.hash("demo-window"));
    }
}
