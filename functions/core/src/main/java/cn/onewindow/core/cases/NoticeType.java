package cn.onewindow.core.cases;

/** The written notices a case produces. */
public enum NoticeType {
    /** 一次性告知单: every missing or defective material, listed once. */
    ONE_TIME_NOTICE("一次性告知单"),
    /** 受理通知书. */
    ACCEPTANCE("受理通知书"),
    /** 承诺件通知书: acceptance of a promised item with its due date. */
    PROMISE("承诺件通知书"),
    /** 容缺受理通知书: accepted while tolerable materials are still outstanding. */
    DEFICIENCY_ACCEPTANCE("容缺受理通知书"),
    /** 不予受理通知书: reason and legal basis. */
    NOT_ACCEPTED("不予受理通知书"),
    /** 退办通知书: the reasons for denial. */
    DENIAL("退办通知书"),
    /** 准予许可/办结通知: the result is ready to be collected. */
    RESULT_READY("办结通知书"),
    /** 暂停计时告知书 (特别程序). */
    SUSPENSION("特别程序告知书"),
    /** 延期通知书. */
    EXTENSION("延期办理通知书");

    private final String chinese;

    NoticeType(String chinese) { this.chinese = chinese; }

    public String chinese() { return chinese; }
}
