package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.ModelCodec;
import cn.onewindow.sdk.model.StatsReport;

/**
 * Supervision figures (电子监察) for supervisors, administrators, and window staff of their own center. Get it from
 * {@link OneWindowClient#stats()}. Thread-safe.
 */
public final class StatsApi {
    private final HttpEngine http;

    StatsApi(HttpEngine http) {
        this.http = http;
    }

    /**
     * @param query center, period (at most a year) and grouping
     * @return the figures: received, immediate share, on-time and early rates, overdue, average days
     */
    public StatsReport figures(StatsQuery query) {
        return ModelCodec.statsReport(http.get("/v1/stats", query.params()).object());
    }
}
