package cn.onewindow.core.service;

import cn.onewindow.core.cases.ServiceCase;

/** The result of a write: the case as stored, and whether this is the replay of an earlier request. */
public record Written(ServiceCase.Snapshot snapshot, boolean replayed) {
}
