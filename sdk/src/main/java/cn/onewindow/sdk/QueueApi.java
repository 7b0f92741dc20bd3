package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.Json;
import cn.onewindow.sdk.internal.JsonObject;
import cn.onewindow.sdk.model.IdType;
import cn.onewindow.sdk.model.QueueBoard;
import cn.onewindow.sdk.model.Ticket;
import cn.onewindow.sdk.model.TicketTaken;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queue ticketing (排队叫号) for service-point software: a kiosk takes tickets, a window calls and acts on them, a
 * hall board polls the center's queue. Get it from {@link OneWindowClient#queue()}. Thread-safe. Every write carries
 * an idempotency key (the same on each retry).
 */
public final class QueueApi extends ApiPart {
    QueueApi(HttpEngine http) {
        super(http);
    }

    /** Takes a ticket of a category (its prefix, e.g. {@code A}) at the center (kiosks and window staff). */
    public TicketTaken take(String centerId, String category) {
        return take(centerId, category, null, null, null, null);
    }

    /**
     * Takes a ticket, optionally with the applicant's ID or phone (kept by the platform only as keyed pseudonyms)
     * and a green lane ({@code ELDERLY}, {@code DISABLED}, {@code MILITARY} … as the center configured) for priority.
     *
     * @throws ConflictException {@code QUEUE_CLOSED} outside the center's ticket hours or on a non-working day
     */
    public TicketTaken take(String centerId, String category, IdType idType, String idNumber, String phone,
                            String greenLane) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        if (idType != null) body.put("idType", idType.name());
        if (idNumber != null) body.put("idNumber", idNumber);
        if (phone != null) body.put("phone", phone);
        if (greenLane != null) body.put("greenLane", greenLane);
        JsonObject o = http.write("POST", "/v1/centers/" + HttpEngine.segment(centerId) + "/tickets",
                Json.write(body), null).object();
        return new TicketTaken(ticket(o.object("ticket")), o.intValue("waitingAhead", 0),
                o.intValue("estimatedWaitMinutes", 0));
    }

    /**
     * The window calls the next ticket of its categories (priority first, then first come).
     *
     * @param windowId e.g. {@code 330110-ZX-W03}
     * @return the ticket called, or null when nobody waits
     */
    public Ticket callNext(String windowId) {
        HttpEngine.Response r = http.write("POST", "/v1/windows/" + HttpEngine.segment(windowId) + "/call-next",
                null, null);
        return r.raw().status() == 204 ? null : ticket(r.object());
    }

    /** Calls the ticket again (重呼). */
    public Ticket recall(String ticketId) {
        return action(ticketId, "recall", null);
    }

    /** Nobody came (过号): back to the end of the queue, or dropped after the center's call limit. */
    public Ticket noShow(String ticketId) {
        return action(ticketId, "no-show", null);
    }

    /** To another category's queue, keeping its number and take time. */
    public Ticket transfer(String ticketId, String category) {
        return action(ticketId, "transfer", Json.write(Collections.singletonMap("category", category)));
    }

    public Ticket start(String ticketId) {
        return action(ticketId, "start", null);
    }

    public Ticket finish(String ticketId) {
        return action(ticketId, "finish", null);
    }

    public Ticket ticket(String ticketId) {
        return ticket(http.get("/v1/tickets/" + HttpEngine.segment(ticketId), null).object());
    }

    /** The center's board now. */
    public QueueBoard board(String centerId) {
        return poll(centerId, null);
    }

    /**
     * Polls the board: with the {@link QueueBoard#etag()} of the last answer, {@code null} while nothing changed (the
     * server answers {@code 304}), else the new board. Poll every second for a board that follows within 2 s.
     */
    public QueueBoard poll(String centerId, String etag) {
        Map<String, String> headers = etag == null ? Collections.<String, String>emptyMap()
                : Collections.singletonMap("If-None-Match", etag);
        HttpEngine.Response r = http.get("/v1/centers/" + HttpEngine.segment(centerId) + "/queue", null, headers);
        if (r.raw().status() == 304) return null;
        JsonObject o = r.object();
        List<QueueBoard.CategoryState> categories = new ArrayList<>();
        for (JsonObject c : o.objects("categories")) {
            categories.add(new QueueBoard.CategoryState(c.string("prefix"), c.string("name"),
                    c.intValue("waiting", 0), c.intValue("estimatedWaitMinutes", 0)));
        }
        return new QueueBoard(o.string("centerId"), o.date("date"), calls(o.objects("current")),
                calls(o.objects("recent")), categories, r.raw().header("ETag"));
    }

    private Ticket action(String ticketId, String action, String body) {
        return ticket(http.write("POST", "/v1/tickets/" + HttpEngine.segment(ticketId) + "/" + action, body, null)
                .object());
    }

    private static List<QueueBoard.Call> calls(List<JsonObject> in) {
        List<QueueBoard.Call> out = new ArrayList<>();
        for (JsonObject c : in) {
            out.add(new QueueBoard.Call(c.string("ticketId"), c.string("number"), c.intValue("window", 0),
                    c.string("windowId"), c.string("status"), c.instant("calledAt"), c.intValue("calls", 0),
                    c.string("announcement")));
        }
        return out;
    }

    static Ticket ticket(JsonObject o) {
        return new Ticket(o.string("id"), o.string("centerId"), o.date("date"), o.string("number"),
                o.string("category"), o.booleanValue("priority", false), o.string("priorityReason"),
                o.string("status"), o.instant("takenAt"), o.instant("calledAt"), o.intValue("calls", 0),
                o.integer("window"), o.string("windowId"), o.string("announcement"), o.instant("servingSince"),
                o.instant("finishedAt"), o.has("caseIds") ? o.strings("caseIds") : null, o.longObject("waitSeconds"),
                o.longObject("serviceSeconds"));
    }
}
