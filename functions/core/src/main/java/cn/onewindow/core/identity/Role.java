package cn.onewindow.core.identity;

/** What kind of caller a credential belongs to. */
public enum Role {
    /** 综合受理窗口 staff at a service center. */
    WINDOW,
    /** A back-office department's system (后台审批部门). */
    DEPARTMENT,
    /** 代办员 at a village or township service point. */
    AGENT,
    /**
     * Staff of a township or county center (街道/乡镇便民服务中心, 县级中心) attached to a service point: read the cases
     * and ledgers of every point in that point's subtree. Read-only.
     */
    STAFF,
    /** 电子监察 / 督查. */
    SUPERVISOR,
    /** An evaluation device (PAD, evaluator, terminal): ratings only. */
    TERMINAL,
    /** A ticket kiosk (取号机) of one service center ({@code centerId}): takes queue tickets, reads its center's queue. */
    KIOSK,
    /** A hall board (叫号大屏) of one service center ({@code centerId}): reads its center's queue, nothing else. */
    BOARD,
    /** Catalog, calendar, service points and callers. */
    ADMIN,
    /** The platform itself (workers, scheduler). */
    SYSTEM
}
