package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A case (办件) as the platform shows it. Immutable; {@link #toBuilder()} copies it.
 */
public final class ServiceCase {
    private final String id;
    private final String itemCode;
    private final int itemVersion;
    private final String itemName;
    private final String mode;
    private final String status;
    private final String statusName;
    private final String channel;
    private final Applicant applicant;
    private final String centerId;
    private final String servicePointId;
    private final String agentId;
    private final Consent consent;
    private final List<Material> materials;
    private final List<String> missing;
    private final List<String> outstandingTolerable;
    private final Instant submittedAt;
    private final Instant acceptedAt;
    private final Instant dueAt;
    private final String dueAtLocal;
    private final boolean dueProvisional;
    private final int promisedDays;
    private final int legalDays;
    private final List<Suspension> suspensions;
    private final Integer extensionDays;
    private final String extensionReason;
    private final Decision decision;
    private final String resultNumber;
    private final Instant resultIssuedAt;
    private final Instant deliveredAt;
    private final String deliveredTo;
    private final String deliveryMethod;
    private final Notice notice;
    private final List<Notice> notices;
    private final List<String> taskDepartments;
    private final Instant distributionDueAt;
    private final Instant distributedAt;
    private final Instant warnedAt;
    private final Instant warningAt;
    private final Instant overdueAt;
    private final Long overdueWorkingMinutes;
    private final long version;
    private final String queueNumber;
    private final String ticketId;
    private final String queryPassword;
    private final boolean replayed;

    private ServiceCase(Builder b) {
        this.id = b.id;
        this.itemCode = b.itemCode;
        this.itemVersion = b.itemVersion;
        this.itemName = b.itemName;
        this.mode = b.mode;
        this.status = b.status;
        this.statusName = b.statusName;
        this.channel = b.channel;
        this.applicant = b.applicant;
        this.centerId = b.centerId;
        this.servicePointId = b.servicePointId;
        this.agentId = b.agentId;
        this.consent = b.consent;
        this.materials = Lists.copy(b.materials);
        this.missing = Lists.copy(b.missing);
        this.outstandingTolerable = Lists.copy(b.outstandingTolerable);
        this.submittedAt = b.submittedAt;
        this.acceptedAt = b.acceptedAt;
        this.dueAt = b.dueAt;
        this.dueAtLocal = b.dueAtLocal;
        this.dueProvisional = b.dueProvisional;
        this.promisedDays = b.promisedDays;
        this.legalDays = b.legalDays;
        this.suspensions = Lists.copy(b.suspensions);
        this.extensionDays = b.extensionDays;
        this.extensionReason = b.extensionReason;
        this.decision = b.decision;
        this.resultNumber = b.resultNumber;
        this.resultIssuedAt = b.resultIssuedAt;
        this.deliveredAt = b.deliveredAt;
        this.deliveredTo = b.deliveredTo;
        this.deliveryMethod = b.deliveryMethod;
        this.notice = b.notice;
        this.notices = Lists.copy(b.notices);
        this.taskDepartments = Lists.copy(b.taskDepartments);
        this.distributionDueAt = b.distributionDueAt;
        this.distributedAt = b.distributedAt;
        this.warnedAt = b.warnedAt;
        this.warningAt = b.warningAt;
        this.overdueAt = b.overdueAt;
        this.overdueWorkingMinutes = b.overdueWorkingMinutes;
        this.version = b.version;
        this.queueNumber = b.queueNumber;
        this.ticketId = b.ticketId;
        this.queryPassword = b.queryPassword;
        this.replayed = b.replayed;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.itemCode = itemCode;
        b.itemVersion = itemVersion;
        b.itemName = itemName;
        b.mode = mode;
        b.status = status;
        b.statusName = statusName;
        b.channel = channel;
        b.applicant = applicant;
        b.centerId = centerId;
        b.servicePointId = servicePointId;
        b.agentId = agentId;
        b.consent = consent;
        b.materials = materials;
        b.missing = missing;
        b.outstandingTolerable = outstandingTolerable;
        b.submittedAt = submittedAt;
        b.acceptedAt = acceptedAt;
        b.dueAt = dueAt;
        b.dueAtLocal = dueAtLocal;
        b.dueProvisional = dueProvisional;
        b.promisedDays = promisedDays;
        b.legalDays = legalDays;
        b.suspensions = suspensions;
        b.extensionDays = extensionDays;
        b.extensionReason = extensionReason;
        b.decision = decision;
        b.resultNumber = resultNumber;
        b.resultIssuedAt = resultIssuedAt;
        b.deliveredAt = deliveredAt;
        b.deliveredTo = deliveredTo;
        b.deliveryMethod = deliveryMethod;
        b.notice = notice;
        b.notices = notices;
        b.taskDepartments = taskDepartments;
        b.distributionDueAt = distributionDueAt;
        b.distributedAt = distributedAt;
        b.warnedAt = warnedAt;
        b.warningAt = warningAt;
        b.overdueAt = overdueAt;
        b.overdueWorkingMinutes = overdueWorkingMinutes;
        b.version = version;
        b.queueNumber = queueNumber;
        b.ticketId = ticketId;
        b.queryPassword = queryPassword;
        b.replayed = replayed;
        return b;
    }

    /** @return case number */
    public String id() {
        return id;
    }

    /** @return the catalog item */
    public String itemCode() {
        return itemCode;
    }

    /** @return the catalog version the case was accepted under */
    public int itemVersion() {
        return itemVersion;
    }

    /** @return the item's Chinese name */
    public String itemName() {
        return itemName;
    }

    /** @return handling mode of the item; {@link HandlingMode#UNKNOWN} for a value this SDK version does not know yet (see {@link #modeValue()}) */
    public HandlingMode mode() {
        return HandlingMode.of(mode);
    }

    /** @return handling mode of the item, exactly as the server sent it */
    public String modeValue() {
        return mode;
    }

    /** @return where the case is in its life cycle; {@link CaseStatus#UNKNOWN} for a value this SDK version does not know yet (see {@link #statusValue()}) */
    public CaseStatus status() {
        return CaseStatus.of(status);
    }

    /** @return where the case is in its life cycle, exactly as the server sent it */
    public String statusValue() {
        return status;
    }

    /** @return the status in Chinese */
    public String statusName() {
        return statusName;
    }

    /** @return how the application came in; {@link Channel#UNKNOWN} for a value this SDK version does not know yet (see {@link #channelValue()}) */
    public Channel channel() {
        return Channel.of(channel);
    }

    /** @return how the application came in, exactly as the server sent it */
    public String channelValue() {
        return channel;
    }

    /** @return the applicant (masked for departments and supervisors) */
    public Applicant applicant() {
        return applicant;
    }

    /** @return service center that owns the case */
    public String centerId() {
        return centerId;
    }

    /** @return service point where it was submitted */
    public String servicePointId() {
        return servicePointId;
    }

    /** @return the village agent who submitted it, if any */
    public String agentId() {
        return agentId;
    }

    /** @return the villager's consent kept with a {@code VILLAGE_AGENT} case */
    public Consent consent() {
        return consent;
    }

    /** @return materials handed in so far (never {@code null}; empty when absent) */
    public List<Material> materials() {
        return materials;
    }

    /** @return mandatory materials still missing (one-time notice) (never {@code null}; empty when absent) */
    public List<String> missing() {
        return missing;
    }

    /** @return tolerable (容缺) materials still to be supplied before the result (never {@code null}; empty when absent) */
    public List<String> outstandingTolerable() {
        return outstandingTolerable;
    }

    /** @return when submitted */
    public Instant submittedAt() {
        return submittedAt;
    }

    /** @return when accepted */
    public Instant acceptedAt() {
        return acceptedAt;
    }

    /** @return when it is due */
    public Instant dueAt() {
        return dueAt;
    }

    /** @return due time in Asia/Shanghai, ISO-8601 with offset */
    public String dueAtLocal() {
        return dueAtLocal;
    }

    /** @return the due time was computed without a loaded calendar for that year */
    public boolean dueProvisional() {
        return dueProvisional;
    }

    /** @return promised limit in working days */
    public int promisedDays() {
        return promisedDays;
    }

    /** @return legal limit in working days */
    public int legalDays() {
        return legalDays;
    }

    /** @return clock suspensions (never {@code null}; empty when absent) */
    public List<Suspension> suspensions() {
        return suspensions;
    }

    /** @return working days of the extension, if any */
    public Integer extensionDays() {
        return extensionDays;
    }

    /** @return why it was extended */
    public String extensionReason() {
        return extensionReason;
    }

    /** @return the decision, once made */
    public Decision decision() {
        return decision;
    }

    /** @return number of the result document */
    public String resultNumber() {
        return resultNumber;
    }

    /** @return when the result was issued (出件) */
    public Instant resultIssuedAt() {
        return resultIssuedAt;
    }

    /** @return when the result was handed over */
    public Instant deliveredAt() {
        return deliveredAt;
    }

    /** @return to whom */
    public String deliveredTo() {
        return deliveredTo;
    }

    /** @return how the result was handed over: {@code CONFIRMATION_CODE} or {@code SIGNATURE} (absent for the older free-text confirmation) */
    public String deliveryMethod() {
        return deliveryMethod;
    }

    /** @return the latest notice */
    public Notice notice() {
        return notice;
    }

    /** @return every notice issued, oldest first (never {@code null}; empty when absent) */
    public List<Notice> notices() {
        return notices;
    }

    /** @return departments with a task (joint and escalated cases) (never {@code null}; empty when absent) */
    public List<String> taskDepartments() {
        return taskDepartments;
    }

    /** @return materials must reach the departments by then (joint cases) */
    public Instant distributionDueAt() {
        return distributionDueAt;
    }

    /** @return when every department had its task */
    public Instant distributedAt() {
        return distributedAt;
    }

    /** @return when the deadline warning was raised */
    public Instant warnedAt() {
        return warnedAt;
    }

    /** @return the warning point (预警时点) from which the case counts as due soon; null without a due time */
    public Instant warningAt() {
        return warningAt;
    }

    /** @return when the case was found overdue */
    public Instant overdueAt() {
        return overdueAt;
    }

    /** @return how late, in working minutes */
    public Long overdueWorkingMinutes() {
        return overdueWorkingMinutes;
    }

    /** @return optimistic-locking version of the case */
    public long version() {
        return version;
    }

    /** @return the queue number (排队号, e.g. {@code A001}) the case was taken in under; null without one */
    public String queueNumber() {
        return queueNumber;
    }

    /** @return the queue ticket the case was taken in under; null without one */
    public String ticketId() {
        return ticketId;
    }

    /**
     * @return the query password (查询密码) for the citizen's progress query: only in the answer of the intake that
     *         created the case (print it on the notice); null everywhere else, also in a replay
     */
    public String queryPassword() {
        return queryPassword;
    }

    /** @return {@code true} when this answer to a write is the server's replay of an earlier identical request (header {@code Idempotent-Replayed}); not part of the case itself */
    public boolean replayed() {
        return replayed;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof ServiceCase)) return false;
        ServiceCase that = (ServiceCase) o;
        return Objects.equals(id, that.id)
                && Objects.equals(itemCode, that.itemCode)
                && itemVersion == that.itemVersion
                && Objects.equals(itemName, that.itemName)
                && Objects.equals(mode, that.mode)
                && Objects.equals(status, that.status)
                && Objects.equals(statusName, that.statusName)
                && Objects.equals(channel, that.channel)
                && Objects.equals(applicant, that.applicant)
                && Objects.equals(centerId, that.centerId)
                && Objects.equals(servicePointId, that.servicePointId)
                && Objects.equals(agentId, that.agentId)
                && Objects.equals(consent, that.consent)
                && Objects.equals(materials, that.materials)
                && Objects.equals(missing, that.missing)
                && Objects.equals(outstandingTolerable, that.outstandingTolerable)
                && Objects.equals(submittedAt, that.submittedAt)
                && Objects.equals(acceptedAt, that.acceptedAt)
                && Objects.equals(dueAt, that.dueAt)
                && Objects.equals(dueAtLocal, that.dueAtLocal)
                && dueProvisional == that.dueProvisional
                && promisedDays == that.promisedDays
                && legalDays == that.legalDays
                && Objects.equals(suspensions, that.suspensions)
                && Objects.equals(extensionDays, that.extensionDays)
                && Objects.equals(extensionReason, that.extensionReason)
                && Objects.equals(decision, that.decision)
                && Objects.equals(resultNumber, that.resultNumber)
                && Objects.equals(resultIssuedAt, that.resultIssuedAt)
                && Objects.equals(deliveredAt, that.deliveredAt)
                && Objects.equals(deliveredTo, that.deliveredTo)
                && Objects.equals(deliveryMethod, that.deliveryMethod)
                && Objects.equals(notice, that.notice)
                && Objects.equals(notices, that.notices)
                && Objects.equals(taskDepartments, that.taskDepartments)
                && Objects.equals(distributionDueAt, that.distributionDueAt)
                && Objects.equals(distributedAt, that.distributedAt)
                && Objects.equals(warnedAt, that.warnedAt)
                && Objects.equals(warningAt, that.warningAt)
                && Objects.equals(overdueAt, that.overdueAt)
                && Objects.equals(overdueWorkingMinutes, that.overdueWorkingMinutes)
                && version == that.version
                && Objects.equals(queueNumber, that.queueNumber)
                && Objects.equals(ticketId, that.ticketId)
                && Objects.equals(queryPassword, that.queryPassword)
                && replayed == that.replayed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, itemCode, itemVersion, itemName, mode, status, statusName, channel, applicant, centerId, servicePointId, agentId, consent, materials, missing, outstandingTolerable, submittedAt, acceptedAt, dueAt, dueAtLocal, dueProvisional, promisedDays, legalDays, suspensions, extensionDays, extensionReason, decision, resultNumber, resultIssuedAt, deliveredAt, deliveredTo, deliveryMethod, notice, notices, taskDepartments, distributionDueAt, distributedAt, warnedAt, warningAt, overdueAt, overdueWorkingMinutes, version, queueNumber, ticketId, queryPassword, replayed);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ServiceCase{");
        s.append("id=").append(id);
        s.append(", itemCode=").append(itemCode);
        s.append(", itemVersion=").append(itemVersion);
        s.append(", itemName=").append(itemName);
        s.append(", mode=").append(mode);
        s.append(", status=").append(status);
        s.append(", statusName=").append(statusName);
        s.append(", channel=").append(channel);
        s.append(", applicant=").append(applicant);
        s.append(", centerId=").append(centerId);
        s.append(", servicePointId=").append(servicePointId);
        s.append(", agentId=").append(agentId);
        s.append(", consent=").append(consent);
        s.append(", materials=").append(materials.size()).append(" item(s)");
        s.append(", missing=").append(missing);
        s.append(", outstandingTolerable=").append(outstandingTolerable);
        s.append(", submittedAt=").append(submittedAt);
        s.append(", acceptedAt=").append(acceptedAt);
        s.append(", dueAt=").append(dueAt);
        s.append(", dueAtLocal=").append(dueAtLocal);
        s.append(", dueProvisional=").append(dueProvisional);
        s.append(", promisedDays=").append(promisedDays);
        s.append(", legalDays=").append(legalDays);
        s.append(", suspensions=").append(suspensions.size()).append(" item(s)");
        s.append(", extensionDays=").append(extensionDays);
        s.append(", extensionReason=").append(extensionReason);
        s.append(", decision=").append(decision);
        s.append(", resultNumber=").append(resultNumber);
        s.append(", resultIssuedAt=").append(resultIssuedAt);
        s.append(", deliveredAt=").append(deliveredAt);
        s.append(", deliveredTo=").append(deliveredTo);
        s.append(", deliveryMethod=").append(deliveryMethod);
        s.append(", notice=").append(notice);
        s.append(", notices=").append(notices.size()).append(" item(s)");
        s.append(", taskDepartments=").append(taskDepartments);
        s.append(", distributionDueAt=").append(distributionDueAt);
        s.append(", distributedAt=").append(distributedAt);
        s.append(", warnedAt=").append(warnedAt);
        s.append(", warningAt=").append(warningAt);
        s.append(", overdueAt=").append(overdueAt);
        s.append(", overdueWorkingMinutes=").append(overdueWorkingMinutes);
        s.append(", version=").append(version);
        s.append(", queueNumber=").append(queueNumber);
        s.append(", ticketId=").append(ticketId);
        s.append(", replayed=").append(replayed);
        return s.append('}').toString();
    }

    /** @return whether the case is still open (not ended, delivered or withdrawn); unknown statuses count as open */
    public boolean isOpen() {
        CaseStatus s = status();
        return s == null || s.isOpen();
    }

    /** @return whether the result can be fetched (出件): status {@code RESULT_READY} */
    public boolean isResultReady() {
        return status() == CaseStatus.RESULT_READY;
    }

    /**
     * @param type a notice type
     * @return the latest notice of that type, or {@code null}
     */
    public Notice latestNotice(NoticeType type) {
        for (int i = notices.size() - 1; i >= 0; i--) {
            if (notices.get(i).type() == type) return notices.get(i);
        }
        return notice != null && notice.type() == type ? notice : null;
    }

    /** Builds a {@link ServiceCase}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String id;
        private String itemCode;
        private int itemVersion;
        private String itemName;
        private String mode;
        private String status;
        private String statusName;
        private String channel;
        private Applicant applicant;
        private String centerId;
        private String servicePointId;
        private String agentId;
        private Consent consent;
        private List<Material> materials;
        private List<String> missing;
        private List<String> outstandingTolerable;
        private Instant submittedAt;
        private Instant acceptedAt;
        private Instant dueAt;
        private String dueAtLocal;
        private boolean dueProvisional;
        private int promisedDays;
        private int legalDays;
        private List<Suspension> suspensions;
        private Integer extensionDays;
        private String extensionReason;
        private Decision decision;
        private String resultNumber;
        private Instant resultIssuedAt;
        private Instant deliveredAt;
        private String deliveredTo;
        private String deliveryMethod;
        private Notice notice;
        private List<Notice> notices;
        private List<String> taskDepartments;
        private Instant distributionDueAt;
        private Instant distributedAt;
        private Instant warnedAt;
        private Instant warningAt;
        private Instant overdueAt;
        private Long overdueWorkingMinutes;
        private long version;
        private String queueNumber;
        private String ticketId;
        private String queryPassword;
        private boolean replayed;

        private Builder() {
        }

        /** @param value case number @return this builder */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** @param value the catalog item @return this builder */
        public Builder itemCode(String value) {
            this.itemCode = value;
            return this;
        }

        /** @param value the catalog version the case was accepted under @return this builder */
        public Builder itemVersion(int value) {
            this.itemVersion = value;
            return this;
        }

        /** @param value the item's Chinese name @return this builder */
        public Builder itemName(String value) {
            this.itemName = value;
            return this;
        }

        /** @param value handling mode of the item @return this builder */
        public Builder mode(HandlingMode value) {
            this.mode = OpenEnums.send(value);
            return this;
        }

        /** @param value handling mode of the item, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder modeValue(String value) {
            this.mode = value;
            return this;
        }

        /** @param value where the case is in its life cycle @return this builder */
        public Builder status(CaseStatus value) {
            this.status = OpenEnums.send(value);
            return this;
        }

        /** @param value where the case is in its life cycle, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder statusValue(String value) {
            this.status = value;
            return this;
        }

        /** @param value the status in Chinese @return this builder */
        public Builder statusName(String value) {
            this.statusName = value;
            return this;
        }

        /** @param value how the application came in @return this builder */
        public Builder channel(Channel value) {
            this.channel = OpenEnums.send(value);
            return this;
        }

        /** @param value how the application came in, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder channelValue(String value) {
            this.channel = value;
            return this;
        }

        /** @param value the applicant (masked for departments and supervisors) @return this builder */
        public Builder applicant(Applicant value) {
            this.applicant = value;
            return this;
        }

        /** @param value service center that owns the case @return this builder */
        public Builder centerId(String value) {
            this.centerId = value;
            return this;
        }

        /** @param value service point where it was submitted @return this builder */
        public Builder servicePointId(String value) {
            this.servicePointId = value;
            return this;
        }

        /** @param value the village agent who submitted it, if any @return this builder */
        public Builder agentId(String value) {
            this.agentId = value;
            return this;
        }

        /** @param value the villager's consent kept with a {@code VILLAGE_AGENT} case @return this builder */
        public Builder consent(Consent value) {
            this.consent = value;
            return this;
        }

        /** @param values materials handed in so far @return this builder */
        public Builder materials(List<Material> values) {
            this.materials = values;
            return this;
        }

        /** @param values materials handed in so far @return this builder */
        public Builder materials(Material... values) {
            this.materials = Lists.of(values);
            return this;
        }

        /** @param values mandatory materials still missing (one-time notice) @return this builder */
        public Builder missing(List<String> values) {
            this.missing = values;
            return this;
        }

        /** @param values mandatory materials still missing (one-time notice) @return this builder */
        public Builder missing(String... values) {
            this.missing = Lists.of(values);
            return this;
        }

        /** @param values tolerable (容缺) materials still to be supplied before the result @return this builder */
        public Builder outstandingTolerable(List<String> values) {
            this.outstandingTolerable = values;
            return this;
        }

        /** @param values tolerable (容缺) materials still to be supplied before the result @return this builder */
        public Builder outstandingTolerable(String... values) {
            this.outstandingTolerable = Lists.of(values);
            return this;
        }

        /** @param value when submitted @return this builder */
        public Builder submittedAt(Instant value) {
            this.submittedAt = value;
            return this;
        }

        /** @param value when accepted @return this builder */
        public Builder acceptedAt(Instant value) {
            this.acceptedAt = value;
            return this;
        }

        /** @param value when it is due @return this builder */
        public Builder dueAt(Instant value) {
            this.dueAt = value;
            return this;
        }

        /** @param value due time in Asia/Shanghai, ISO-8601 with offset @return this builder */
        public Builder dueAtLocal(String value) {
            this.dueAtLocal = value;
            return this;
        }

        /** @param value the due time was computed without a loaded calendar for that year @return this builder */
        public Builder dueProvisional(boolean value) {
            this.dueProvisional = value;
            return this;
        }

        /** @param value promised limit in working days @return this builder */
        public Builder promisedDays(int value) {
            this.promisedDays = value;
            return this;
        }

        /** @param value legal limit in working days @return this builder */
        public Builder legalDays(int value) {
            this.legalDays = value;
            return this;
        }

        /** @param values clock suspensions @return this builder */
        public Builder suspensions(List<Suspension> values) {
            this.suspensions = values;
            return this;
        }

        /** @param values clock suspensions @return this builder */
        public Builder suspensions(Suspension... values) {
            this.suspensions = Lists.of(values);
            return this;
        }

        /** @param value working days of the extension, if any @return this builder */
        public Builder extensionDays(Integer value) {
            this.extensionDays = value;
            return this;
        }

        /** @param value why it was extended @return this builder */
        public Builder extensionReason(String value) {
            this.extensionReason = value;
            return this;
        }

        /** @param value the decision, once made @return this builder */
        public Builder decision(Decision value) {
            this.decision = value;
            return this;
        }

        /** @param value number of the result document @return this builder */
        public Builder resultNumber(String value) {
            this.resultNumber = value;
            return this;
        }

        /** @param value when the result was issued (出件) @return this builder */
        public Builder resultIssuedAt(Instant value) {
            this.resultIssuedAt = value;
            return this;
        }

        /** @param value when the result was handed over @return this builder */
        public Builder deliveredAt(Instant value) {
            this.deliveredAt = value;
            return this;
        }

        /** @param value to whom @return this builder */
        public Builder deliveredTo(String value) {
            this.deliveredTo = value;
            return this;
        }

        /** @param value how the result was handed over: {@code CONFIRMATION_CODE} or {@code SIGNATURE} (absent for the older free-text confirmation) @return this builder */
        public Builder deliveryMethod(String value) {
            this.deliveryMethod = value;
            return this;
        }

        /** @param value the latest notice @return this builder */
        public Builder notice(Notice value) {
            this.notice = value;
            return this;
        }

        /** @param values every notice issued, oldest first @return this builder */
        public Builder notices(List<Notice> values) {
            this.notices = values;
            return this;
        }

        /** @param values every notice issued, oldest first @return this builder */
        public Builder notices(Notice... values) {
            this.notices = Lists.of(values);
            return this;
        }

        /** @param values departments with a task (joint and escalated cases) @return this builder */
        public Builder taskDepartments(List<String> values) {
            this.taskDepartments = values;
            return this;
        }

        /** @param values departments with a task (joint and escalated cases) @return this builder */
        public Builder taskDepartments(String... values) {
            this.taskDepartments = Lists.of(values);
            return this;
        }

        /** @param value materials must reach the departments by then (joint cases) @return this builder */
        public Builder distributionDueAt(Instant value) {
            this.distributionDueAt = value;
            return this;
        }

        /** @param value when every department had its task @return this builder */
        public Builder distributedAt(Instant value) {
            this.distributedAt = value;
            return this;
        }

        /** @param value when the deadline warning was raised @return this builder */
        public Builder warnedAt(Instant value) {
            this.warnedAt = value;
            return this;
        }

        /** @param value the warning point (预警时点) @return this builder */
        public Builder warningAt(Instant value) {
            this.warningAt = value;
            return this;
        }

        /** @param value when the case was found overdue @return this builder */
        public Builder overdueAt(Instant value) {
            this.overdueAt = value;
            return this;
        }

        /** @param value how late, in working minutes @return this builder */
        public Builder overdueWorkingMinutes(Long value) {
            this.overdueWorkingMinutes = value;
            return this;
        }

        /** @param value optimistic-locking version of the case @return this builder */
        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /** @param value the queue number the case was taken in under @return this builder */
        public Builder queueNumber(String value) {
            this.queueNumber = value;
            return this;
        }

        /** @param value the queue ticket the case was taken in under @return this builder */
        public Builder ticketId(String value) {
            this.ticketId = value;
            return this;
        }

        /** @param value the query password shown once by the intake @return this builder */
        public Builder queryPassword(String value) {
            this.queryPassword = value;
            return this;
        }

        /** @param value {@code true} when this answer to a write is the server's replay of an earlier identical request (header {@code Idempotent-Replayed}); not part of the case itself @return this builder */
        public Builder replayed(boolean value) {
            this.replayed = value;
            return this;
        }

        /** @return the immutable object */
        public ServiceCase build() {
            return new ServiceCase(this);
        }
    }
}
