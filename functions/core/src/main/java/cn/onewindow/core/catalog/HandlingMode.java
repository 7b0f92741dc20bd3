package cn.onewindow.core.catalog;

/** 办件类型: how an item is handled after acceptance. */
public enum HandlingMode {
    /** 即办件: decided at the window the same working day. */
    IMMEDIATE("即办件"),
    /** 承诺件: decided within the promised working days. */
    PROMISED("承诺件"),
    /** 并联审批/联办件: every participating department decides in parallel. */
    JOINT("联办件"),
    /** 上报件: local review, then a higher authority decides. */
    ESCALATED("上报件");

    private final String chinese;

    HandlingMode(String chinese) { this.chinese = chinese; }

    public String chinese() { return chinese; }
}
