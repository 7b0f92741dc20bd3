package cn.onewindow.sdk.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/** A queue ticket (排队号): never who holds it. */
public final class Ticket {
    private final String id;
    private final String centerId;
    private final LocalDate date;
    private final String number;
    private final String category;
    private final boolean priority;
    private final String priorityReason;
    private final String status;
    private final Instant takenAt;
    private final Instant calledAt;
    private final int calls;
    private final Integer window;
    private final String windowId;
    private final String announcement;
    private final Instant servingSince;
    private final Instant finishedAt;
    private final List<String> caseIds;
    private final Long waitSeconds;
    private final Long serviceSeconds;

    public Ticket(String id, String centerId, LocalDate date, String number, String category, boolean priority,
                  String priorityReason, String status, Instant takenAt, Instant calledAt, int calls, Integer window,
                  String windowId, String announcement, Instant servingSince, Instant finishedAt,
                  List<String> caseIds) {
        this(id, centerId, date, number, category, priority, priorityReason, status, takenAt, calledAt, calls, window,
                windowId, announcement, servingSince, finishedAt, caseIds, null, null);
    }

    public Ticket(String id, String centerId, LocalDate date, String number, String category, boolean priority,
                  String priorityReason, String status, Instant takenAt, Instant calledAt, int calls, Integer window,
                  String windowId, String announcement, Instant servingSince, Instant finishedAt,
                  List<String> caseIds, Long waitSeconds, Long serviceSeconds) {
        this.id = id;
        this.centerId = centerId;
        this.date = date;
        this.number = number;
        this.category = category;
        this.priority = priority;
        this.priorityReason = priorityReason;
        this.status = status;
        this.takenAt = takenAt;
        this.calledAt = calledAt;
        this.calls = calls;
        this.window = window;
        this.windowId = windowId;
        this.announcement = announcement;
        this.servingSince = servingSince;
        this.finishedAt = finishedAt;
        this.caseIds = caseIds == null ? Collections.<String>emptyList() : Collections.unmodifiableList(caseIds);
        this.waitSeconds = waitSeconds;
        this.serviceSeconds = serviceSeconds;
    }

    /** @return e.g. {@code 330110-ZX~20250425~A001}: the id for the window actions */
    public String id() { return id; }
    public String centerId() { return centerId; }
    /** @return the working day it belongs to (Asia/Shanghai) */
    public LocalDate date() { return date; }
    /** @return the number shown and announced, e.g. {@code A001} */
    public String number() { return number; }
    /** @return the category (prefix) it waits in now */
    public String category() { return category; }
    public boolean priority() { return priority; }
    /** @return {@code APPOINTMENT} or the green lane ({@code ELDERLY} …); null without priority */
    public String priorityReason() { return priorityReason; }
    /** @return WAITING, CALLED, SERVING, DONE or DROPPED */
    public String status() { return status; }
    public Instant takenAt() { return takenAt; }
    public Instant calledAt() { return calledAt; }
    /** @return calls since it last entered the queue (recalls included) */
    public int calls() { return calls; }
    /** @return the window number that called it; null while waiting */
    public Integer window() { return window; }
    public String windowId() { return windowId; }
    /** @return what the voice says for the current call (请 A001 号到 3 号窗口办理); null unless CALLED */
    public String announcement() { return announcement; }
    public Instant servingSince() { return servingSince; }
    public Instant finishedAt() { return finishedAt; }
    /** @return the cases accepted while it was served */
    public List<String> caseIds() { return caseIds; }
    /** @return seconds from taking it to its first call; null until it is called */
    public Long waitSeconds() { return waitSeconds; }
    /** @return seconds from service start to finish; null until it is finished */
    public Long serviceSeconds() { return serviceSeconds; }

    @Override
    public String toString() {
        return "Ticket[" + id + " " + status + "]";
    }
}
