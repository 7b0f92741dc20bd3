package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.ModelCodec;
import cn.onewindow.sdk.model.AccountabilityRecord;
import cn.onewindow.sdk.model.StatsReport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Supervision figures (电子监察) for supervisors, administrators, and window staff of their own center. Get it from
 * {@link OneWindowClient#stats()}. Thread-safe.
 */
public final class StatsApi extends ApiPart {
    StatsApi(HttpEngine http) {
        super(http);
    }

    /**
     * @param query center, period (at most a year) and grouping
     * @return the figures: received, immediate share, on-time and early rates, overdue, average days
     */
    public StatsReport figures(StatsQuery query) {
        return ModelCodec.statsReport(http.get("/v1/stats", query.params()).object());
    }

    /**
     * Accountability records (问责记录) of a center, latest found first: supervisors and administrators.
     *
     * @param centerId the center
     * @param pageSize records per page (1..100), or {@code null} for the server's default (20)
     * @param cursor {@code null} for the first page, else {@link Page#nextCursor()} of the previous one
     * @return one page
     */
    public Page<AccountabilityRecord> accountability(String centerId, Integer pageSize, String cursor) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("centerId", centerId);
        params.put("limit", pageSize);
        params.put("cursor", cursor);
        return getPage("/v1/accountability", params, ModelCodec::accountabilityRecord);
    }
}
