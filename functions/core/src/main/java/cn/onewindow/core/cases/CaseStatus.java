package cn.onewindow.core.cases;

import java.util.EnumSet;
import java.util.Set;

/** The life cycle of a case (办件), SPEC §2.2. */
public enum CaseStatus {
    SUBMITTED("已提交"),
    NOT_ACCEPTED("不予受理"),
    AWAITING_MATERIALS("待补齐材料"),
    ACCEPTED("已受理"),
    ACCEPTED_WITH_DEFICIENCY("容缺受理"),
    IN_REVIEW("审查中"),
    SUSPENDED("暂停计时"),
    APPROVED("准予许可"),
    DENIED("不予许可"),
    RESULT_READY("已出件"),
    DELIVERED("已送达"),
    WITHDRAWN("已撤回");

    private final String chinese;

    CaseStatus(String chinese) { this.chinese = chinese; }

    public String chinese() { return chinese; }

    /** States from which the applicant may still withdraw. */
    public static final Set<CaseStatus> OPEN = EnumSet.of(SUBMITTED, AWAITING_MATERIALS, ACCEPTED,
            ACCEPTED_WITH_DEFICIENCY, IN_REVIEW, SUSPENDED, APPROVED);

    /** States in which the deadline clock runs. */
    public static final Set<CaseStatus> CLOCK_RUNNING = EnumSet.of(ACCEPTED, ACCEPTED_WITH_DEFICIENCY, IN_REVIEW);

    public boolean isOpen() { return OPEN.contains(this); }

    public boolean isFinal() { return this == NOT_ACCEPTED || this == DELIVERED || this == WITHDRAWN; }
}
