package cn.onewindow.api;

import cn.onewindow.core.approval.usecase.DecideTask;
import cn.onewindow.api.dto.TaskRequests;
import cn.onewindow.api.dto.TaskView;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.approval.TaskDetail;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.Redactor;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.ports.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The department side of parallel approval: the inbox, a task with its case, and the decision. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final ApprovalService approvalService;
    private final CaseRepository caseRecords;
    private final CurrentCaller current;
    private final ApiMapper mapper;
    private final CaseResource cases;

    @Inject
    public TaskResource(ApprovalService approvalService, CaseRepository caseRecords, CurrentCaller current,
            ApiMapper mapper, CaseResource cases) {
        this.approvalService = approvalService;
        this.caseRecords = caseRecords;
        this.current = current;
        this.mapper = mapper;
        this.cases = cases;
    }

    @GET
    @Path("/departments/{dept}/tasks")
    public TaskRequests.TaskPage inbox(@PathParam("dept") String dept, @QueryParam("status") String status,
                                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int l = limit == null ? 20 : limit;
        if (l < 1 || l > 100) {
            throw DomainException.validation(List.of(FieldError.of("limit", "OUT_OF_RANGE", "取值应在1至100之间",
                    "must be between 1 and 100")));
        }
        Page<DepartmentTask> page = approvalService.inbox(current.get(), dept,
                CaseResource.parse(TaskStatus.class, status, "status"), l, cursor);
        // departments, supervisors and administrators see masked data: reasons may quote the applicant, so a task
        // with reasons is redacted with its case's known values (read only for those tasks)
        return new TaskRequests.TaskPage(page.items().stream().map(t -> task(mapper.toView(t),
                t.reasons() == null || t.reasons().isEmpty() ? Redactor.patternsOnly()
                        : Redactor.forCase(caseRecords.find(t.caseId()).orElse(null)))).toList(),
                page.nextCursor());
    }

    @GET
    @Path("/tasks/{taskId}")
    public TaskRequests.TaskDetailView detail(@PathParam("taskId") String taskId) {
        TaskDetail d = approvalService.detail(current.get(), taskId);
        return new TaskRequests.TaskDetailView(task(mapper.toView(d.task()), Redactor.forCase(d.caseSnapshot())),
                cases.view(current.get(), d.caseSnapshot()));
    }

    /** A task as its readers see it (none of them sees clear personal data): reasons through the redactor. */
    private TaskView task(TaskView t, Redactor r) {
        return AccessPolicy.seesClearIdentity(current.get()) ? t : MaskedViews.task(t, r);
    }

    /**
     * Decides a task. Repeating the same decision is answered with the original (200, header
     * {@code Idempotent-Replayed}); a different second decision is refused with 409 TASK_ALREADY_DECIDED.
     */
    @POST
    @Path("/tasks/{taskId}/decision")
    public Response decide(@PathParam("taskId") String taskId, TaskRequests.Decide body) {
        CaseResource.requireBody(body);
        DecideTask.Decided d = approvalService.decide(current.get(), taskId,
                new TaskCommand(body.decision(), body.reasons(), body.missing()));
        Response.ResponseBuilder r = Response.ok(new TaskRequests.DecisionView(
                task(mapper.toView(d.task()), Redactor.forCase(d.caseSnapshot())),
                cases.view(current.get(), d.caseSnapshot())));
        if (d.replayed()) r.header("Idempotent-Replayed", "true");
        return r.build();
    }
}
