package cn.onewindow.core.approval;

/** Which kind of task: one of the parallel departments of a joint case, or a level of an escalated case. */
public enum TaskLevel {
    /** 并联审批: one of several departments deciding at the same time. */
    JOINT,
    /** 上报件: the local level's own review. */
    LOCAL,
    /** 上报件: the higher authority, after the local review passed. */
    HIGHER
}
