package cn.onewindow.core.cases;

/** How an application reached us. */
public enum Channel {
    /** At a service center's comprehensive window. */
    WINDOW,
    /** 代办: an agent of a village or township service point applies on behalf of a villager. */
    VILLAGE_AGENT,
    ONLINE,
    SELF_SERVICE
}
