package cn.onewindow.core.service;

import cn.onewindow.core.cases.ServiceCase;

/**
 * The result of a write: the case as stored, and whether this is the replay of an earlier request.
 *
 * @param queryPassword the case's query password (查询密码) in clear, only in the answer of the intake that drew it
 *                      (never stored, never in a replay); null otherwise
 */
public record Written(ServiceCase.Snapshot snapshot, boolean replayed, String queryPassword) {
    public Written(ServiceCase.Snapshot snapshot, boolean replayed) {
        this(snapshot, replayed, null);
    }
}
