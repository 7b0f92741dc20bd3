package cn.onewindow.core.cases;

import java.time.Instant;

/**
 * A period during which the clock stops (特别程序, Administrative Licensing Law art. 45).
 *
 * @param resumedAt null while still suspended
 */
public record Suspension(Kind kind, String reason, Instant suspendedAt, Instant resumedAt) {
    public enum Kind {
        HEARING("听证"), SITE_INSPECTION("现场勘查"), TESTING("检验检测"), QUARANTINE("检疫"), APPRAISAL("鉴定"),
        EXPERT_REVIEW("专家评审"), SUPPLEMENT("补正材料");

        private final String chinese;

        Kind(String chinese) { this.chinese = chinese; }

        public String chinese() { return chinese; }
    }
}
