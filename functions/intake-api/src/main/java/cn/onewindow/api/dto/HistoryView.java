package cn.onewindow.api.dto;

import cn.onewindow.core.cases.CaseStatus;

import java.time.Instant;

/** One line of a case's audit trail. */
public record HistoryView(int seq, String event, CaseStatus from, CaseStatus to, Instant at, String actorRole,
                          String actorId, String servicePointId, String departmentCode, String reason) {
}
