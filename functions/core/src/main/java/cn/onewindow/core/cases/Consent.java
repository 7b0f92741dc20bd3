package cn.onewindow.core.cases;

import java.time.Instant;

/**
 * The villager's consent to an agent acting for them (代办委托): how it was given and a reference to the record
 * (e.g. the number of the signed authorization form, or the terminal's signature capture id).
 */
public record Consent(Method method, String reference, Instant givenAt) {

    public enum Method {
        /** 书面委托书: a signed authorization form kept at the service point. */
        WRITTEN_AUTHORIZATION,
        /** 终端签名: signed on the agent's terminal. */
        SIGNED_ON_TERMINAL,
        /** 指纹/人脸确认 on the terminal. */
        BIOMETRIC_ON_TERMINAL
    }
}
