package cn.onewindow.api;

import cn.onewindow.core.points.ServicePoint;
import cn.onewindow.core.service.LedgerService;
import cn.onewindow.core.service.ServicePointService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The service point tree (county center → township center → village point), managed by administrators and
 * supervisors and read by every caller; and each point's ledger (台帐) for its agents, the staff above it and
 * supervisors.
 */
@Path("/v1/service-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServicePointResource {
    public static final String CSV = "text/csv";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(LedgerService.ZONE);

    /** Body of a new point: {@code level} COUNTY (no parent), TOWNSHIP or VILLAGE (under a point one level up). */
    public record NewPoint(String id, String name, ServicePoint.Level level, String parentId, String cityCode) {
    }

    /** Body of a change: the new name. */
    public record PointChange(String name) {
    }

    /** Body of a closure: why it closes. */
    public record Closure(String reason) {
    }

    private final ServicePointService servicePointService;
    private final LedgerService ledgerService;
    private final CurrentCaller current;

    @Inject
    public ServicePointResource(ServicePointService servicePointService, LedgerService ledgerService,
            CurrentCaller current) {
        this.servicePointService = servicePointService;
        this.ledgerService = ledgerService;
        this.current = current;
    }

    @POST
    public Response create(NewPoint body) {
        CaseResource.requireBody(body);
        ServicePoint p = servicePointService.create(current.get(),
                new ServicePointService.Spec(body.id(), body.name(), body.level(), body.parentId(), body.cityCode()));
        return Response.created(URI.create("/v1/service-points/" + p.id())).entity(p).build();
    }

    @GET
    public List<ServicePoint> list(@QueryParam("parentId") String parentId) {
        return servicePointService.list(current.get(), parentId);
    }

    @GET
    @Path("/{id}")
    public ServicePoint get(@PathParam("id") String id) {
        return servicePointService.get(current.get(), id);
    }

    @PATCH
    @Path("/{id}")
    public ServicePoint rename(@PathParam("id") String id, PointChange body) {
        CaseResource.requireBody(body);
        return servicePointService.rename(current.get(), id, body.name());
    }

    @POST
    @Path("/{id}/closure")
    public ServicePoint close(@PathParam("id") String id, Closure body) {
        CaseResource.requireBody(body);
        return servicePointService.close(current.get(), id, body.reason());
    }

    /** The month's errands of the point, oldest first: JSON, or CSV for printing with {@code Accept: text/csv}. */
    @GET
    @Path("/{id}/ledger")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response ledger(@PathParam("id") String id, @QueryParam("month") String month,
                           @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        LedgerService.Ledger l = ledgerService.ledger(current.get(), id, LedgerService.parseMonth(month));
        if (accept != null && accept.toLowerCase().contains(CSV)
                && !accept.toLowerCase().contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(csv(l), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"ledger-" + id + "-" + l.month() + ".csv\"")
                    .build();
        }
        return Response.ok(l, MediaType.APPLICATION_JSON).build();
    }

    /** UTF-8 with a byte order mark, so that Excel opens the Chinese text correctly; CRLF line ends (RFC 4180). */
    static byte[] csv(LedgerService.Ledger l) {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append("办件编号,受理时间,代办员,申请人,证件号码,事项编码,事项名称,状态,办理结果,结果文号,出件时间,送达时间,签收人,签收方式\r\n");
        for (LedgerService.Row r : l.rows()) {
            b.append(String.join(",", cell(r.caseId()), cell(time(r.submittedAt())), cell(r.agentId()),
                    cell(r.villagerName()), cell(r.villagerIdNumber()), cell(r.itemCode()), cell(r.itemName()),
                    cell(r.statusName()), cell(r.result()), cell(r.resultNumber()), cell(time(r.resultIssuedAt())),
                    cell(time(r.deliveredAt())), cell(r.deliveredTo()), cell(r.deliveryMethod()))).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String time(java.time.Instant t) {
        return t == null ? "" : LOCAL.format(t);
    }

    /** Quotes every cell and neutralises spreadsheet formulas (a cell starting with = + - @). */
    private static String cell(String v) {
        if (v == null) return "";
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
