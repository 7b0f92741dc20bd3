package cn.onewindow.api;

import cn.onewindow.api.dto.CasePage;
import cn.onewindow.api.dto.CaseRequests;
import cn.onewindow.api.dto.CaseView;
import cn.onewindow.api.dto.HistoryView;
import cn.onewindow.api.dto.IntakeRequest;
import cn.onewindow.core.service.CaseService;
import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Redactor;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.timers.Deadlines;
import cn.onewindow.core.service.Written;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

/** Cases: intake at the window or by an agent, reading, and every later step of the life cycle. */
@Path("/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CaseService caseService;
    private final Deadlines deadlines;
    private final CurrentCaller current;
    private final ApiMapper mapper;

    @Inject
    public CaseResource(CaseService caseService, Deadlines deadlines, CurrentCaller current, ApiMapper mapper) {
        this.caseService = caseService;
        this.deadlines = deadlines;
        this.current = current;
        this.mapper = mapper;
    }

    @POST
    public Response intake(@HeaderParam(IDEMPOTENCY_KEY) String key, IntakeRequest body) {
        requireBody(body);
        Written w = caseService.intake(current.get(), mapper.toCommand(body), key);
        caseService.recordIdentityRead(current.get(), w.snapshot(), "POST /v1/cases");
        return written(w, 201).location(URI.create("/v1/cases/" + w.snapshot().id())).build();
    }

    @GET
    public CasePage list(@QueryParam("status") String status, @QueryParam("itemCode") String itemCode,
                         @QueryParam("channel") String channel, @QueryParam("dueBefore") String dueBefore,
                         @QueryParam("centerId") String centerId, @QueryParam("servicePointId") String servicePointId,
                         @QueryParam("dueState") String dueState,
                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        // dueState: WARNING (黄牌预警) or OVERDUE (红牌超期), among cases not decided yet
        CaseQuery q = new CaseQuery(centerId, servicePointId, parse(CaseStatus.class, status, "status"), itemCode,
                parse(Channel.class, channel, "channel"), instant(dueBefore),
                parse(CaseQuery.DueState.class, dueState, "dueState"), limit == null ? 20 : limit, cursor);
        if (q.limit() < 1 || q.limit() > 100) {
            throw DomainException.validation(List.of(FieldError.of("limit", "OUT_OF_RANGE", "取值应在1至100之间",
                    "must be between 1 and 100")));
        }
        Caller caller = current.get();
        Page<ServiceCase.Snapshot> page = caseService.list(caller, q);
        // listings never show an identity number or phone in clear: open the case to see them (and be recorded in
        // its access log); window staff and agents keep the applicant's name to find their case
        boolean clear = AccessPolicy.seesClearIdentity(caller);
        return new CasePage(page.items().stream().map(s -> clear ? MaskedViews.listed(withWarning(mapper.toView(s), s))
                : MaskedViews.full(withWarning(mapper.toView(s), s), Redactor.forCase(s))).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    public CaseView get(@PathParam("id") String id) {
        ServiceCase.Snapshot s = caseService.get(current.get(), id);
        caseService.recordIdentityRead(current.get(), s, "GET /v1/cases/{id}");
        return view(current.get(), s);
    }

    /** Who was shown the applicant's identity in clear, when (身份信息查阅记录): supervisors. */
    @GET
    @Path("/{id}/identity-reads")
    public List<cn.onewindow.core.ports.AccessLog.Entry> identityReads(@PathParam("id") String id) {
        return caseService.identityReads(current.get(), id);
    }

    @GET
    @Path("/{id}/history")
    public List<HistoryView> history(@PathParam("id") String id) {
        Caller caller = current.get();
        List<HistoryView> h = mapper.toHistoryViews(caseService.history(caller, id));
        if (AccessPolicy.seesClearIdentity(caller)) return h;
        // free text in the trail (reasons, "to <name>") may hold the applicant's or recipient's name or numbers
        return MaskedViews.history(h, Redactor.forCase(caseService.get(caller, id)));
    }

    @POST
    @Path("/{id}/materials")
    public Response materials(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                              CaseRequests.Materials body) {
        requireBody(body);
        return ok(() -> caseService.supplement(current.get(), id, mapper.toCommand(body), key));
    }

    @POST
    @Path("/{id}/decision")
    public Response decide(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                           CaseRequests.Decide body) {
        requireBody(body);
        return ok(() -> caseService.decide(current.get(), id, mapper.toCommand(body), key));
    }

    @POST
    @Path("/{id}/suspensions")
    public Response suspend(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                            CaseRequests.Suspend body) {
        requireBody(body);
        return ok(() -> caseService.suspend(current.get(), id, mapper.toCommand(body), key));
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                           CaseRequests.Resume body) {
        return ok(() -> caseService.resume(current.get(), id,
                mapper.toCommand(body == null ? new CaseRequests.Resume(null) : body), key));
    }

    @POST
    @Path("/{id}/extension")
    public Response extend(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                           CaseRequests.Extend body) {
        requireBody(body);
        return ok(() -> caseService.extend(current.get(), id, mapper.toCommand(body), key));
    }

    @POST
    @Path("/{id}/result")
    public Response result(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                           CaseRequests.Result body) {
        return ok(() -> caseService.issueResult(current.get(), id,
                mapper.toCommand(body == null ? new CaseRequests.Result(null) : body), key));
    }

    @POST
    @Path("/{id}/delivery")
    public Response deliver(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                            CaseRequests.Delivery body) {
        requireBody(body);
        return ok(() -> caseService.deliver(current.get(), id, mapper.toCommand(body), key));
    }

    /**
     * A new pick-up code (取件码) for a 代办 case whose result waits for hand-over (supervisors): the villager gets it by
     * SMS, the old code stops working, a lock after wrong tries is lifted. No body.
     */
    @POST
    @Path("/{id}/pickup-code")
    public Response reissuePickupCode(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key) {
        return ok(() -> caseService.reissuePickupCode(current.get(), id, key));
    }

    @POST
    @Path("/{id}/withdrawal")
    public Response withdraw(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                             CaseRequests.Withdrawal body) {
        requireBody(body);
        return ok(() -> caseService.withdraw(current.get(), id, mapper.toCommand(body), key));
    }

    private Response ok(Supplier<Written> action) {
        Written w = action.get();
        caseService.recordIdentityRead(current.get(), w.snapshot(), "POST /v1/cases/{id}/…");
        return written(w, 200).build();
    }

    private Response.ResponseBuilder written(Written w, int status) {
        CaseView v = view(current.get(), w.snapshot());
        Response.ResponseBuilder r = Response.status(status).entity(w.queryPassword() == null ? v
                : v.withQueryPassword(w.queryPassword()));
        if (w.replayed()) r.header("Idempotent-Replayed", "true");
        return r;
    }

    /**
     * Window staff and agents deal with the applicant and see the clear identity; every other role sees every
     * personal field and free text masked ({@link MaskedViews}).
     */
    CaseView view(Caller caller, ServiceCase.Snapshot s) {
        CaseView v = withWarning(mapper.toView(s), s);
        if (AccessPolicy.seesClearIdentity(caller)) return v;
        return MaskedViews.full(v, Redactor.forCase(s));
    }

    /** Adds the warning point of a case that has a due time, on its center's calendar and office hours. */
    private CaseView withWarning(CaseView v, ServiceCase.Snapshot s) {
        if (s.dueAt() == null) return v;
        return v.withWarningAt(Deadlines.warningPoint(s, deadlines.calculatorFor(s.centerId())));
    }

    static void requireBody(Object body) {
        if (body == null) {
            throw DomainException.validation(List.of(FieldError.of("body", "REQUIRED", "请求体不能为空",
                    "a JSON body is required")));
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw DomainException.validation(List.of(FieldError.of(field, "INVALID_VALUE", "取值无效：" + value,
                    "invalid value " + value)));
        }
    }

    static Instant instant(String value) {
        Instant t = parseInstant(value);
        if (t != null && (t.isBefore(Limits.EARLIEST) || !t.isBefore(Limits.LATEST))) {
            throw DomainException.validation(List.of(Limits.outOfRange("dueBefore")));
        }
        return t;
    }

    private static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw DomainException.validation(List.of(FieldError.of("dueBefore", "INVALID_INSTANT",
                        "时间格式应为 ISO-8601，如 2025-05-15T18:00:00+08:00",
                        "use ISO-8601, e.g. 2025-05-15T18:00:00+08:00")));
            }
        }
    }
}
