package cn.onewindow.memory.usecase;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.ports.TaskQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Passes every call to the real repository (in memory or DynamoDB); tests override one method to inject a fault. */
public class DelegatingCaseRepository implements CaseRepository {
    private final CaseRepository real;

    public DelegatingCaseRepository(CaseRepository real) {
        this.real = real;
    }

    @Override
    public Optional<ServiceCase.Snapshot> find(String caseId) { return real.find(caseId); }

    @Override
    public ServiceCase.Snapshot save(CaseWrite write) { return real.save(write); }

    @Override
    public List<HistoryEntry> history(String caseId) { return real.history(caseId); }

    @Override
    public Page<ServiceCase.Snapshot> list(CaseQuery query) { return real.list(query); }

    @Override
    public Page<cn.onewindow.core.deadline.Accountability> accountability(String centerId, int limit, String cursor) {
        return real.accountability(centerId, limit, cursor);
    }

    @Override
    public List<String> provisionalCases(int year) {
        return real.provisionalCases(year);
    }

    @Override
    public void clearProvisional(int year, String caseId) {
        real.clearProvisional(year, caseId);
    }

    @Override
    public List<ServiceCase.Snapshot> submittedBetween(String centerId, Instant from, Instant to) {
        return real.submittedBetween(centerId, from, to);
    }

    @Override
    public Optional<DepartmentTask> findTask(String taskId) { return real.findTask(taskId); }

    @Override
    public List<DepartmentTask> tasksOf(String caseId) { return real.tasksOf(caseId); }

    @Override
    public Page<DepartmentTask> tasks(TaskQuery query) { return real.tasks(query); }

    @Override
    public List<DepartmentTask> undispatched(Instant since, Instant before, int limit) {
        return real.undispatched(since, before, limit);
    }

    @Override
    public List<cn.onewindow.core.notify.Notification> unsentNotifications(Instant since, Instant before, int limit) {
        return real.unsentNotifications(since, before, limit);
    }

    @Override
    public void markSent(cn.onewindow.core.notify.Notification n, Instant at) {
        real.markSent(n, at);
    }

    @Override
    public int notificationRefused(cn.onewindow.core.notify.Notification n, int maxAttempts, Instant at) {
        return real.notificationRefused(n, maxAttempts, at);
    }

    @Override
    public int dispatchResent(DepartmentTask task, int maxAttempts, Instant at) {
        return real.dispatchResent(task, maxAttempts, at);
    }

    @Override
    public List<cn.onewindow.core.cases.Suspension> suspensions(String caseId) {
        return real.suspensions(caseId);
    }

    @Override
    public List<cn.onewindow.core.cases.Notice> notices(String caseId) {
        return real.notices(caseId);
    }
}
