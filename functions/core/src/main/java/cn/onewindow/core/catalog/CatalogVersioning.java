package cn.onewindow.core.catalog;

import cn.onewindow.core.common.DomainException;

import java.time.Instant;

/** Decides the version a PUT of an item creates: a new version only when the content changed. */
public final class CatalogVersioning {

    private CatalogVersioning() {
    }

    /**
     * @param current  the current version, or null for a new item
     * @param proposed the content proposed (its version number is ignored)
     * @param why      the reason of change; null means ADDED for a new item and CHANGED otherwise
     * @return the version to store, or {@code current} itself when nothing changed
     */
    public static ServiceItem nextVersion(ServiceItem current, ServiceItem proposed, ChangeType why, Instant now) {
        if (current == null) {
            if (why == ChangeType.CANCELLED) {
                throw DomainException.notFound("ITEM_NOT_FOUND", "事项不存在，无法取消", "no such item to cancel");
            }
            return proposed.asVersion(1, ChangeType.ADDED, now);
        }
        if (current.sameContentAs(proposed) && why != ChangeType.DELEGATED) {
            return current;
        }
        if (current.status() == ItemStatus.CANCELLED && proposed.status() == ItemStatus.CANCELLED) {
            return current;
        }
        ChangeType reason = why != null ? why
                : proposed.status() == ItemStatus.CANCELLED ? ChangeType.CANCELLED : ChangeType.CHANGED;
        return proposed.asVersion(current.version() + 1, reason, now);
    }
}
