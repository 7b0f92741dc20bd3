package cn.onewindow.core.intake;

import java.util.List;

/**
 * What the intake rules say about an application.
 *
 * @param missing              every mandatory material that is absent or has too few copies (tolerable ones included)
 * @param missingBlocking      those of {@code missing} that are not tolerable: acceptance must wait for them
 * @param outstandingTolerable tolerable materials that may follow acceptance (容缺)
 * @param refusalReason        set when the application cannot be accepted at all
 */
public record IntakeAssessment(Outcome outcome, List<String> missing, List<String> missingBlocking,
                               List<String> outstandingTolerable, String refusalReason, String refusalBasis) {

    public enum Outcome { NOT_ACCEPTED, AWAITING_MATERIALS, ACCEPTED_WITH_DEFICIENCY, ACCEPTED }

    public IntakeAssessment {
        missing = List.copyOf(missing);
        missingBlocking = List.copyOf(missingBlocking);
        outstandingTolerable = List.copyOf(outstandingTolerable);
    }
}
