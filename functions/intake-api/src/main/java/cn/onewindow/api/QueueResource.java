package cn.onewindow.api;

import cn.onewindow.api.dto.QueueViews;
import cn.onewindow.core.queue.QueueBoard;
import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Queue ticketing (排队叫号): the kiosk takes tickets, the hall board and window screens poll the center's queue
 * (with {@code ETag} / {@code If-None-Match}: {@code 304} while nothing changed), windows call and act on tickets,
 * administrators configure the center's categories and windows.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueResource {
    private final QueueService queueService;
    private final QueueBoard queueBoard;
    private final CurrentCaller current;
    private final ObjectMapper json;

    @Inject
    public QueueResource(QueueService queueService, QueueBoard queueBoard, CurrentCaller current, ObjectMapper json) {
        this.queueService = queueService;
        this.queueBoard = queueBoard;
        this.current = current;
        this.json = json;
    }

    @POST
    @Path("/centers/{centerId}/tickets")
    public Response take(@PathParam("centerId") String centerId, QueueViews.TakeTicket body) {
        CaseResource.requireBody(body);
        QueueService.Taken t = queueService.take(current.get(), centerId, new QueueService.Take(
                body.category(), body.idType(), body.idNumber(), body.phone(), body.greenLane()));
        return Response.created(URI.create("/v1/tickets/" + t.ticket().id())).entity(new QueueViews.Taken(
                QueueViews.TicketView.of(t.ticket()), t.waitingAhead(), t.estimatedWaitMinutes())).build();
    }

    /**
     * The board: current call per window, the last calls with their announcements, waiting and estimated wait per
     * category. Its {@code ETag} is a digest of the answer; a poll with {@code If-None-Match} is {@code 304} until it
     * changes.
     */
    @GET
    @Path("/centers/{centerId}/queue")
    public Response queue(@PathParam("centerId") String centerId,
                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) throws JsonProcessingException {
        QueueBoard.Board board = queueBoard.board(current.get(), centerId);
        return ConditionalGet.answer(board, json.writeValueAsBytes(board), ifNoneMatch);
    }

    @GET
    @Path("/centers/{centerId}/queue-config")
    public QueueConfig config(@PathParam("centerId") String centerId) {
        return queueBoard.config(current.get(), centerId);
    }

    @PUT
    @Path("/centers/{centerId}/queue-config")
    public QueueConfig replaceConfig(@PathParam("centerId") String centerId, QueueConfig body) {
        CaseResource.requireBody(body);
        return queueBoard.replaceConfig(current.get(), centerId, body);
    }

    /** The next ticket of the window's categories ({@code 200}), or {@code 204} when nobody waits. */
    @POST
    @Path("/windows/{windowId}/call-next")
    public Response callNext(@PathParam("windowId") String windowId) {
        return queueService.callNext(current.get(), windowId)
                .map(t -> Response.ok(QueueViews.TicketView.of(t)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/tickets/{ticketId}/recall")
    public QueueViews.TicketView recall(@PathParam("ticketId") String ticketId) {
        return QueueViews.TicketView.of(queueService.recall(current.get(), ticketId));
    }

    @POST
    @Path("/tickets/{ticketId}/no-show")
    public QueueViews.TicketView noShow(@PathParam("ticketId") String ticketId) {
        return QueueViews.TicketView.of(queueService.noShow(current.get(), ticketId));
    }

    @POST
    @Path("/tickets/{ticketId}/transfer")
    public QueueViews.TicketView transfer(@PathParam("ticketId") String ticketId, QueueViews.Transfer body) {
        CaseResource.requireBody(body);
        return QueueViews.TicketView.of(queueService.transfer(current.get(), ticketId, body.category()));
    }

    @POST
    @Path("/tickets/{ticketId}/start")
    public QueueViews.TicketView start(@PathParam("ticketId") String ticketId) {
        return QueueViews.TicketView.of(queueService.start(current.get(), ticketId));
    }

    @POST
    @Path("/tickets/{ticketId}/finish")
    public QueueViews.TicketView finish(@PathParam("ticketId") String ticketId) {
        return QueueViews.TicketView.of(queueService.finish(current.get(), ticketId));
    }

    @GET
    @Path("/tickets/{ticketId}")
    public QueueViews.TicketView ticket(@PathParam("ticketId") String ticketId) {
        return QueueViews.TicketView.of(queueService.get(current.get(), ticketId));
    }
}
