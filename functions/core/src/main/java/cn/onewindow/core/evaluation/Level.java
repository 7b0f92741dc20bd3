package cn.onewindow.core.evaluation;

/** The five levels of a 好差评 rating (SPEC §2.5). */
public enum Level {
    VERY_SATISFIED("非常满意"),
    SATISFIED("满意"),
    BASIC("基本满意"),
    DISSATISFIED("不满意"),
    VERY_DISSATISFIED("非常不满意");

    private final String chinese;

    Level(String chinese) { this.chinese = chinese; }

    public String chinese() { return chinese; }

    /** 差评: opens a rectification. */
    public boolean bad() { return this == DISSATISFIED || this == VERY_DISSATISFIED; }
}
