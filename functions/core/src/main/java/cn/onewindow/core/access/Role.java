package cn.onewindow.core.access;

/** What kind of caller a credential belongs to. */
public enum Role {
    /** 综合受理窗口 staff at a service center. */
    WINDOW,
    /** A back-office department's system (后台审批部门). */
    DEPARTMENT,
    /** 代办员 at a village or township service point. */
    AGENT,
    /** 电子监察 / 督查. */
    SUPERVISOR,
    /** An evaluation device (PAD, evaluator, terminal): ratings only. */
    TERMINAL,
    /** Catalog, calendar, service points and callers. */
    ADMIN,
    /** The platform itself (workers, scheduler). */
    SYSTEM
}
