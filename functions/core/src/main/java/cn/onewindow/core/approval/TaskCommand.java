package cn.onewindow.core.approval;

import java.util.List;

/**
 * A department's decision on its task.
 *
 * @param missing for REQUEST_SUPPLEMENT: the material codes the applicant must bring
 */
public record TaskCommand(Outcome outcome, List<String> reasons, List<String> missing) {
    public enum Outcome { APPROVE, DENY, REQUEST_SUPPLEMENT }

    public TaskCommand {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }
}
