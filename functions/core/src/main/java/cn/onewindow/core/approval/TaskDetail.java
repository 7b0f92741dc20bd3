package cn.onewindow.core.approval;

import cn.onewindow.core.cases.ServiceCase;

/** A task with the case it belongs to (materials, applicant, deadlines) for the deciding department. */
public record TaskDetail(DepartmentTask task, ServiceCase.Snapshot caseSnapshot) {
}
