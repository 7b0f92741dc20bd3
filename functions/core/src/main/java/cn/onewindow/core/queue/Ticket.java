package cn.onewindow.core.queue;

import cn.onewindow.core.common.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue ticket (排队号). Immutable: each legal transition returns the next state; an illegal one is refused with a
 * typed code (409). The store writes a new state conditioned on the version it was made from.
 *
 * @param id             {@code <centerId>~<yyyymmdd>~<number>}, e.g. {@code 330110-ZX~20261207~A001}
 * @param number         the number shown and announced ({@code A001}); kept through a transfer
 * @param category       the category it waits in now (a transfer changes it)
 * @param priority       checked-in appointment or green lane: called before the others of its category
 * @param priorityReason {@code APPOINTMENT} or the green-lane category ({@code ELDERLY} …); null without priority
 * @param takenAt        when it was taken (waiting figures count from here, also after a transfer)
 * @param queuedAt       its place in the queue: the take time, or the time of a no-show or transfer
 * @param calls          calls since it last entered the queue (a recall counts)
 * @param windowNumber   the window that called it (0 while waiting)
 * @param applicantKey   keyed pseudonym of the ID given at the kiosk (never the number); null without one
 * @param phoneKey       keyed pseudonym of the phone given at the kiosk; null without one
 * @param firstCalledAt  its first call (the end of its wait)
 * @param caseIds        the cases accepted while it was served
 */
public record Ticket(String id, String centerId, LocalDate day, String number, String category, boolean priority,
                     String priorityReason, TicketStatus status, Instant takenAt, Instant queuedAt, int calls,
                     int totalCalls, int windowNumber, Instant calledAt, Instant firstCalledAt, Instant servingSince, Instant finishedAt,
                     String applicantKey, String phoneKey, String appointmentId, List<String> caseIds,
                     long version) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    public static final int MAX_CASES = 50;

    public Ticket {
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
    }

    public static String idOf(String centerId, LocalDate day, String number) {
        return centerId + "~" + DAY.format(day) + "~" + number;
    }

    /** The center, day and number of a ticket id (null if it is not one). */
    public static Ref parse(String ticketId) {
        if (ticketId == null || ticketId.length() > 64) return null;
        String[] p = ticketId.split("~");
        if (p.length != 3 || !p[1].matches("\\d{8}") || !p[2].matches("[A-Z]\\d{3,5}")) return null;
        try {
            return new Ref(p[0], LocalDate.parse(p[1], DAY), p[2]);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public record Ref(String centerId, LocalDate day, String number) {
    }

    /** The number of a category's n-th ticket of the day: {@code A001}. */
    public static String number(String prefix, long seq) {
        return prefix + String.format("%03d", seq);
    }

    public static Ticket take(String centerId, LocalDate day, String number, String category, String priorityReason,
                              Instant now, String applicantKey, String phoneKey, String appointmentId) {
        return new Ticket(idOf(centerId, day, number), centerId, day, number, category, priorityReason != null,
                priorityReason, TicketStatus.WAITING, now, now, 0, 0, 0, null, null, null, null, applicantKey,
                phoneKey, appointmentId, List.of(), 0);
    }

    /** A window calls it (叫号). */
    public Ticket call(int window, Instant now) {
        require(status == TicketStatus.WAITING, "TICKET_NOT_WAITING", "该号不在等候中", "the ticket is not waiting");
        return with(TicketStatus.CALLED, category, queuedAt, calls + 1, totalCalls + 1, window, now, null, null);
    }

    /** The window calls it again (重呼). */
    public Ticket recall(Instant now) {
        require(status == TicketStatus.CALLED, "TICKET_NOT_CALLED", "该号未在呼叫中", "the ticket is not being called");
        return with(status, category, queuedAt, calls + 1, totalCalls + 1, windowNumber, now, null, null);
    }

    /**
     * Nobody came (过号): back to the end of its queue, or dropped once it has been called {@code callLimit} times.
     */
    public Ticket noShow(int callLimit, Instant now) {
        require(status == TicketStatus.CALLED, "TICKET_NOT_CALLED", "该号未在呼叫中", "the ticket is not being called");
        if (calls >= callLimit) {
            return with(TicketStatus.DROPPED, category, queuedAt, calls, totalCalls, windowNumber, calledAt, null, now);
        }
        return with(TicketStatus.WAITING, category, now, calls, totalCalls, 0, calledAt, null, null);
    }

    /** Service starts at the window that called it. */
    public Ticket start(Instant now) {
        require(status == TicketStatus.CALLED, "TICKET_NOT_CALLED", "该号未在呼叫中", "the ticket is not being called");
        return with(TicketStatus.SERVING, category, queuedAt, calls, totalCalls, windowNumber, calledAt, now, null);
    }

    public Ticket finish(Instant now) {
        require(status == TicketStatus.SERVING, "TICKET_NOT_SERVING", "该号未在办理中", "the ticket is not being served");
        return with(TicketStatus.DONE, category, queuedAt, calls, totalCalls, windowNumber, calledAt, servingSince,
                now);
    }

    /**
     * To another category's queue (转移): waiting again, in its turn there by the time of the transfer, keeping its
     * number, priority and take time.
     */
    public Ticket transfer(String toCategory, Instant now) {
        require(status == TicketStatus.CALLED || status == TicketStatus.SERVING, "TICKET_NOT_AT_WINDOW",
                "只有呼叫中或办理中的号可以转移", "only a called or served ticket is transferred");
        require(!toCategory.equals(category), "SAME_CATEGORY", "已在该业务类别", "the ticket is in that category");
        return with(TicketStatus.WAITING, toCategory, now, 0, totalCalls, 0, calledAt, null, null);
    }

    /** With a case accepted during its service. */
    public Ticket withCase(String caseId) {
        require(status == TicketStatus.SERVING, "TICKET_NOT_SERVING", "该号未在办理中", "the ticket is not being served");
        if (caseIds.contains(caseId)) return this;
        require(caseIds.size() < MAX_CASES, "TICKET_CASES_FULL", "该号关联办件过多", "too many cases on one ticket");
        List<String> ids = new ArrayList<>(caseIds);
        ids.add(caseId);
        return new Ticket(id, centerId, day, number, category, priority, priorityReason, status, takenAt, queuedAt,
                calls, totalCalls, windowNumber, calledAt, firstCalledAt, servingSince, finishedAt, applicantKey,
                phoneKey, appointmentId, ids, version);
    }

    public Ticket withVersion(long v) {
        return new Ticket(id, centerId, day, number, category, priority, priorityReason, status, takenAt, queuedAt,
                calls, totalCalls, windowNumber, calledAt, firstCalledAt, servingSince, finishedAt, applicantKey,
                phoneKey, appointmentId, caseIds, v);
    }

    /** Seconds (rounded) from taking it to its first call (its wait); null until it is called. */
    public Long waitSeconds() {
        return firstCalledAt == null ? null : seconds(takenAt, firstCalledAt);
    }

    /** Seconds (rounded) from service start to finish; null unless it is finished. */
    public Long serviceSeconds() {
        return servingSince == null || finishedAt == null || status != TicketStatus.DONE ? null
                : seconds(servingSince, finishedAt);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.round(java.time.Duration.between(from, to).toMillis() / 1000.0);
    }

    /** Its place in its category's queue: priority first, then the time it entered the queue, then its number. */
    public String queueKey() {
        return (priority ? "0" : "1") + "#" + String.format("%013d", queuedAt.toEpochMilli()) + "#" + number;
    }

    /** The announcement (语音叫号) of its current call. */
    public String announcement() {
        return "请 " + number + " 号到 " + windowNumber + " 号窗口办理";
    }

    private Ticket with(TicketStatus st, String cat, Instant queued, int c, int total, int window, Instant called,
                        Instant serving, Instant finished) {
        return new Ticket(id, centerId, day, number, cat, priority, priorityReason, st, takenAt, queued, c, total,
                window, called, firstCalledAt != null ? firstCalledAt : called, serving, finished, applicantKey,
                phoneKey, appointmentId, caseIds, version);
    }

    private static void require(boolean ok, String code, String zh, String en) {
        if (!ok) throw DomainException.illegalState(code, zh, en);
    }
}
