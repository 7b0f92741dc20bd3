package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.ModelCodec;
import cn.onewindow.sdk.model.Task;
import cn.onewindow.sdk.model.TaskDecision;
import cn.onewindow.sdk.model.TaskDecisionResult;
import cn.onewindow.sdk.model.TaskDetail;
import cn.onewindow.sdk.model.TaskStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The department side of joint (并联) and escalated (上报) approval: the inbox, a task with its case, the decision.
 * Get it from {@link OneWindowClient#tasks()}. Thread-safe. A department sees and decides only its own tasks.
 */
public final class TasksApi extends ApiPart {
    TasksApi(HttpEngine http) {
        super(http);
    }

    /**
     * @param department the department code, e.g. {@code fgw}
     * @return the tasks waiting for the department's decision, earliest due first, fetched page by page
     */
    public Paged<Task> pending(String department) {
        return list(department, TaskStatus.PENDING);
    }

    /**
     * @param department the department code
     * @param status the status to list; {@code null} for {@code PENDING}
     * @return the department's tasks in that status, fetched page by page
     */
    public Paged<Task> list(String department, TaskStatus status) {
        return list(department, status, 0);
    }

    /**
     * @param department the department code
     * @param status the status to list; {@code null} for {@code PENDING}
     * @param pageSize tasks per page (1..100), 0 for the server's default (20)
     * @return the department's tasks in that status, fetched page by page
     */
    public Paged<Task> list(String department, TaskStatus status, int pageSize) {
        return new Paged<>(cursor -> page(department, status, pageSize, cursor));
    }

    /**
     * @param department the department code
     * @param status the status; {@code null} for {@code PENDING}
     * @param pageSize tasks per page (1..100), 0 for the server's default
     * @param cursor {@code null} for the first page, else {@link Page#nextCursor()} of the previous one
     * @return one page
     */
    public Page<Task> page(String department, TaskStatus status, int pageSize, String cursor) {
        if (pageSize < 0 || pageSize > 100) throw new IllegalArgumentException("pageSize must be within 1..100");
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("status", status == null ? null : CaseQuery.send(status));
        q.put("limit", pageSize == 0 ? null : pageSize);
        q.put("cursor", cursor);
        return getPage("/v1/departments/" + HttpEngine.segment(department) + "/tasks", q, ModelCodec::task);
    }

    /**
     * @param taskId the task
     * @return the task with its case (materials, deadlines; the applicant's identity masked)
     */
    public TaskDetail get(String taskId) {
        return ModelCodec.taskDetail(http.get("/v1/tasks/" + HttpEngine.segment(taskId), null).object());
    }

    /**
     * Decides a task. Repeating the same decision is answered with the original
     * ({@link TaskDecisionResult#replayed()}); a different second decision is refused with {@link ConflictException}
     * {@code TASK_ALREADY_DECIDED}.
     *
     * @param taskId the task
     * @param decision {@link TaskDecision#approve()}, {@link TaskDecision#deny(String...)} or
     *                 {@link TaskDecision#requestSupplement(List, String...)}
     * @return the task and the case after it
     */
    public TaskDecisionResult decide(String taskId, TaskDecision decision) {
        return decide(taskId, decision, RequestOptions.none());
    }

    /**
     * @param taskId the task
     * @param decision the decision
     * @param options the idempotency key to send
     * @return the task and the case after it
     */
    public TaskDecisionResult decide(String taskId, TaskDecision decision, RequestOptions options) {
        WriteRequest w = WriteRequest.decideTask(taskId, decision);
        return WriteRequest.taskAnswer(write(w, options));
    }
}
