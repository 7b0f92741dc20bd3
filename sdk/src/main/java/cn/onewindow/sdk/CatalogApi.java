package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.ModelCodec;
import cn.onewindow.sdk.model.CalendarYear;
import cn.onewindow.sdk.model.Item;

import java.util.Collections;
import java.util.List;

/**
 * The service item catalog (事项目录) and the working-day calendars, read by every caller. Get it from
 * {@link OneWindowClient#catalog()}. Thread-safe.
 */
public final class CatalogApi extends ApiPart {
    CatalogApi(HttpEngine http) {
        super(http);
    }

    /** @return the current version of every item */
    public List<Item> items() {
        return getList("/v1/items", ModelCodec::item);
    }

    /**
     * @param code the item code
     * @return its current version
     * @throws NotFoundException when there is no such item
     */
    public Item item(String code) {
        return ModelCodec.item(http.get("/v1/items/" + HttpEngine.segment(code), null).object());
    }

    /**
     * @param code the item code
     * @param version a catalog version (a case keeps the version it was accepted under)
     * @return that version
     */
    public Item item(String code, int version) {
        return ModelCodec.item(http.get("/v1/items/" + HttpEngine.segment(code),
                Collections.singletonMap("version", version)).object());
    }

    /**
     * @param region region code, e.g. {@code CN}
     * @return the loaded calendar years of the region (holidays and make-up working days)
     */
    public List<CalendarYear> calendars(String region) {
        return getList("/v1/calendars/" + HttpEngine.segment(region), ModelCodec::calendarYear);
    }
}
