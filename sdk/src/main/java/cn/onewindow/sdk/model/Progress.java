package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** A case's progress as the citizen sees it (办件进度): no personal data beyond the masked applicant name. */
public final class Progress {
    private final String caseNumber;
    private final String itemName;
    private final String status;
    private final String applicantName;
    private final Instant submittedAt;
    private final Instant acceptedAt;
    private final Instant dueAt;
    private final Instant closedAt;
    private final List<Step> steps;

    public Progress(String caseNumber, String itemName, String status, String applicantName, Instant submittedAt,
                    Instant acceptedAt, Instant dueAt, Instant closedAt, List<Step> steps) {
        this.caseNumber = caseNumber;
        this.itemName = itemName;
        this.status = status;
        this.applicantName = applicantName;
        this.submittedAt = submittedAt;
        this.acceptedAt = acceptedAt;
        this.dueAt = dueAt;
        this.closedAt = closedAt;
        this.steps = Collections.unmodifiableList(steps);
    }

    public String caseNumber() { return caseNumber; }
    public String itemName() { return itemName; }
    /** @return the case status, e.g. ACCEPTED */
    public String status() { return status; }
    /** @return masked, e.g. 张*丰 */
    public String applicantName() { return applicantName; }
    public Instant submittedAt() { return submittedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant dueAt() { return dueAt; }
    public Instant closedAt() { return closedAt; }
    /** @return the steps so far, oldest first: what and when, never who or why */
    public List<Step> steps() { return steps; }

    /** One step of the case. */
    public static final class Step {
        private final Instant at;
        private final String event;
        private final String status;

        public Step(Instant at, String event, String status) {
            this.at = at;
            this.event = event;
            this.status = status;
        }

        public Instant at() { return at; }
        public String event() { return event; }
        public String status() { return status; }
    }
}
