package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.cases.ServiceCase;

/**
 * The outcome of a case action: the case as stored, and whether this answer repeats an earlier request's.
 *
 * @param queryPassword the case's query password (查询密码) in clear, only in the answer of the intake that drew it
 *                      (never stored, never in a replay); null otherwise
 */
public record CaseWritten(ServiceCase.Snapshot snapshot, boolean replayed, String queryPassword) {
    public CaseWritten(ServiceCase.Snapshot snapshot, boolean replayed) {
        this(snapshot, replayed, null);
    }
}
