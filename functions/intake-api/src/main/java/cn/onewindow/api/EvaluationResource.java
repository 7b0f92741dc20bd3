package cn.onewindow.api;

import cn.onewindow.core.evaluation.usecase.RateCase;
import cn.onewindow.core.service.EvaluationService;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.evaluation.Rectification;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * 好差评: {@code POST /v1/evaluations} (one rating, evaluation devices), {@code POST /v1/evaluation-batches} (a day's
 * ratings, 202 + batch id, ingested from the queue), {@code GET /v1/evaluation-batches/{id}} (counts and per-record
 * errors), and the rectifications (整改) that bad ratings open.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final EvaluationService evaluationService;
    private final CurrentCaller current;

    @Inject
    public EvaluationResource(EvaluationService evaluationService, CurrentCaller current) {
        this.evaluationService = evaluationService;
        this.current = current;
    }

    /** A batch upload. */
    public record BatchRequest(List<RatingRequest> records) {
    }

    public record RectificationPage(List<Rectification> items, String nextCursor) {
    }

    public record Judgement(Boolean valid, String reason) {
    }

    public record Note(String note) {
    }

    public record Extension(Integer days, String reason) {
    }

    @POST
    @Path("/evaluations")
    public Response rate(@HeaderParam(CaseResource.IDEMPOTENCY_KEY) String key, RatingRequest body) {
        CaseResource.requireBody(body);
        RateCase.Rated r = evaluationService.rate(current.get(), body, key);
        Response.ResponseBuilder b = Response.status(r.replayed() ? 200 : 201).entity(r.evaluation())
                .location(URI.create("/v1/evaluations/" + r.evaluation().id()));
        if (r.replayed()) b.header("Idempotent-Replayed", "true");
        return b.build();
    }

    @GET
    @Path("/evaluations/{id}")
    public Evaluation evaluation(@PathParam("id") String id) {
        int i = id.lastIndexOf("-E");
        int round = -1;
        try {
            round = i > 0 ? Integer.parseInt(id.substring(i + 2)) : -1;
        } catch (NumberFormatException ignored) {
            // not found below
        }
        if (round < 1 || round > 2) {
            throw DomainException.notFound("EVALUATION_NOT_FOUND", "评价不存在", "no such evaluation");
        }
        return evaluationService.get(current.get(), id.substring(0, i), round);
    }

    @POST
    @Path("/evaluation-batches")
    public Response batch(@HeaderParam(CaseResource.IDEMPOTENCY_KEY) String key, BatchRequest body) {
        CaseResource.requireBody(body);
        EvaluationBatch b = evaluationService.acceptBatch(current.get(), body.records(), key);
        return Response.status(202).entity(b).location(URI.create("/v1/evaluation-batches/" + b.id())).build();
    }

    @GET
    @Path("/evaluation-batches/{id}")
    public EvaluationBatch.Status batchStatus(@PathParam("id") String id, @QueryParam("limit") Integer limit,
                                              @QueryParam("cursor") String cursor) {
        int l = limit == null ? 100 : limit;
        if (l < 1 || l > 1000) {
            throw DomainException.validation(List.of(FieldError.of("limit", "OUT_OF_RANGE", "取值应在1至1000之间",
                    "must be between 1 and 1000")));
        }
        return evaluationService.batchStatus(current.get(), id, l, cursor);
    }

    @GET
    @Path("/rectifications")
    public RectificationPage rectifications(@QueryParam("department") String department,
                                            @QueryParam("servicePoint") String servicePoint,
                                            @QueryParam("center") String center, @QueryParam("status") String status,
                                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int scopes = (department != null ? 1 : 0) + (servicePoint != null ? 1 : 0) + (center != null ? 1 : 0);
        if (scopes != 1) {
            throw DomainException.validation(List.of(FieldError.of("department", "ONE_SCOPE_REQUIRED",
                    "请指定且仅指定 department、servicePoint 或 center 之一",
                    "give exactly one of department, servicePoint or center")));
        }
        if (status != null && !status.equals("OPEN") && !status.equals("CLOSED")) {
            throw DomainException.validation(List.of(FieldError.of("status", "INVALID_VALUE",
                    "取值应为 OPEN 或 CLOSED", "must be OPEN or CLOSED")));
        }
        int l = limit == null ? 20 : limit;
        if (l < 1 || l > 100) {
            throw DomainException.validation(List.of(FieldError.of("limit", "OUT_OF_RANGE", "取值应在1至100之间",
                    "must be between 1 and 100")));
        }
        String scope = department != null ? "department" : servicePoint != null ? "servicePoint" : "center";
        String id = department != null ? department : servicePoint != null ? servicePoint : center;
        Page<Rectification> p = evaluationService.rectifications(current.get(), scope, id,
                status == null || status.equals("OPEN"), l, cursor);
        return new RectificationPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("/rectifications/{id}")
    public Rectification rectification(@PathParam("id") String id) {
        return evaluationService.rectification(current.get(), id);
    }

    @POST
    @Path("/rectifications/{id}/judgement")
    public Rectification judge(@PathParam("id") String id, Judgement body) {
        CaseResource.requireBody(body);
        return evaluationService.judge(current.get(), id, body.valid(), body.reason());
    }

    @POST
    @Path("/rectifications/{id}/callback")
    public Rectification callback(@PathParam("id") String id, Note body) {
        CaseResource.requireBody(body);
        return evaluationService.callback(current.get(), id, body.note());
    }

    @POST
    @Path("/rectifications/{id}/extension")
    public Rectification extend(@PathParam("id") String id, Extension body) {
        CaseResource.requireBody(body);
        if (body.days() == null) {
            throw DomainException.validation(List.of(FieldError.of("days", "REQUIRED", "必填", "is required")));
        }
        return evaluationService.extend(current.get(), id, body.days(), body.reason());
    }

    @POST
    @Path("/rectifications/{id}/fix")
    public Rectification fix(@PathParam("id") String id, Note body) {
        CaseResource.requireBody(body);
        return evaluationService.fix(current.get(), id, body.note());
    }
}
