package cn.onewindow.core.ports;

import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;

import java.time.Instant;

/**
 * A listing of cases. Exactly one scope is set: a center, a service point, or all (supervisors).
 *
 * @param dueState WARNING (黄牌: warned, not overdue) or OVERDUE (红牌) among cases still open; null for any
 * @param cursor   opaque position returned by the previous page, or null
 */
public record CaseQuery(String centerId, String servicePointId, CaseStatus status, String itemCode,
                        Channel channel, Instant dueBefore, DueState dueState, int limit, String cursor) {

    /** Where an open case stands against its deadline: 黄牌 (warned) or 红牌 (overdue). */
    public enum DueState { WARNING, OVERDUE }

    public CaseQuery(String centerId, String servicePointId, CaseStatus status, String itemCode, Channel channel,
                     Instant dueBefore, int limit, String cursor) {
        this(centerId, servicePointId, status, itemCode, channel, dueBefore, null, limit, cursor);
    }
}
