package cn.onewindow.core.ports;

import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;

import java.time.Instant;

/**
 * A listing of cases. Exactly one scope is set: a center, a service point, or all (supervisors).
 *
 * @param cursor opaque position returned by the previous page, or null
 */
public record CaseQuery(String centerId, String servicePointId, CaseStatus status, String itemCode,
                        Channel channel, Instant dueBefore, int limit, String cursor) {
}
