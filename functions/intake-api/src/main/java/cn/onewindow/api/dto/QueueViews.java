package cn.onewindow.api.dto;

import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.Ticket;
import cn.onewindow.core.queue.TicketStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queue (排队叫号) request bodies and answers. */
public final class QueueViews {
    private QueueViews() {
    }

    /**
     * Body of {@code POST /v1/centers/{centerId}/tickets}: the category (its prefix, e.g. {@code A}); optionally the
     * applicant's ID ({@code idType} + {@code idNumber}) or phone, kept only as keyed pseudonyms; a green lane
     * ({@code ELDERLY}, {@code DISABLED}, {@code MILITARY} … as configured) for priority.
     */
    public record TakeTicket(String category, IdType idType, String idNumber, String phone, String greenLane) {
    }

    /** Body of {@code POST /v1/tickets/{ticketId}/transfer}: the category it moves to. */
    public record Transfer(String category) {
    }

    /**
     * A ticket: never who holds it. {@code windowId} / {@code window} once called; {@code announcement} is what the
     * voice says for the current call; {@code waitSeconds} taken to first call (null until called),
     * {@code serviceSeconds} service start to finish (null until finished).
     */
    public record TicketView(String id, String centerId, LocalDate date, String number, String category,
                             boolean priority, String priorityReason, TicketStatus status, Instant takenAt,
                             Instant calledAt, int calls, Integer window, String windowId, String announcement,
                             Instant servingSince, Instant finishedAt, List<String> caseIds, Long waitSeconds,
                             Long serviceSeconds) {
        public static TicketView of(Ticket t) {
            boolean atWindow = t.windowNumber() > 0;
            return new TicketView(t.id(), t.centerId(), t.day(), t.number(), t.category(), t.priority(),
                    t.priorityReason(), t.status(), t.takenAt(), t.calledAt(), t.calls(),
                    atWindow ? t.windowNumber() : null,
                    atWindow ? QueueConfig.windowId(t.centerId(), t.windowNumber()) : null,
                    t.status() == TicketStatus.CALLED ? t.announcement() : null, t.servingSince(), t.finishedAt(),
                    t.caseIds(), t.waitSeconds(), t.serviceSeconds());
        }
    }

    /** The answer to taking a ticket: the ticket, how many wait before it in its category, the estimated wait. */
    public record Taken(TicketView ticket, int waitingAhead, int estimatedWaitMinutes) {
    }
}
