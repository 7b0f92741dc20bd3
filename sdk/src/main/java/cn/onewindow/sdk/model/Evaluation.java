package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored rating (好差评) with what national reporting needs, taken from the case. One per case and applicant
 * (round 1), plus at most one re-rating after a rectification was fixed (round 2).
 */
public final class Evaluation {
    private final String id;
    private final String caseId;
    private final int round;
    private final String level;
    private final String channel;
    private final String comment;
    private final String itemCode;
    private final int itemVersion;
    private final String itemName;
    private final String departmentCode;
    private final String regionCode;
    private final String centerId;
    private final String servicePointId;
    private final String windowId;
    private final String staffId;
    private final String caseStatus;
    private final String applicantType;
    private final String idType;
    private final Instant ratedAt;
    private final Instant receivedAt;
    private final String source;
    private final String batchId;
    private final String queueNumber;
    private final boolean replayed;

    private Evaluation(Builder b) {
        this.id = b.id;
        this.caseId = b.caseId;
        this.round = b.round;
        this.level = b.level;
        this.channel = b.channel;
        this.comment = b.comment;
        this.itemCode = b.itemCode;
        this.itemVersion = b.itemVersion;
        this.itemName = b.itemName;
        this.departmentCode = b.departmentCode;
        this.regionCode = b.regionCode;
        this.centerId = b.centerId;
        this.servicePointId = b.servicePointId;
        this.windowId = b.windowId;
        this.staffId = b.staffId;
        this.caseStatus = b.caseStatus;
        this.applicantType = b.applicantType;
        this.idType = b.idType;
        this.ratedAt = b.ratedAt;
        this.receivedAt = b.receivedAt;
        this.source = b.source;
        this.batchId = b.batchId;
        this.queueNumber = b.queueNumber;
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
        b.caseId = caseId;
        b.round = round;
        b.level = level;
        b.channel = channel;
        b.comment = comment;
        b.itemCode = itemCode;
        b.itemVersion = itemVersion;
        b.itemName = itemName;
        b.departmentCode = departmentCode;
        b.regionCode = regionCode;
        b.centerId = centerId;
        b.servicePointId = servicePointId;
        b.windowId = windowId;
        b.staffId = staffId;
        b.caseStatus = caseStatus;
        b.applicantType = applicantType;
        b.idType = idType;
        b.ratedAt = ratedAt;
        b.receivedAt = receivedAt;
        b.source = source;
        b.batchId = batchId;
        b.queueNumber = queueNumber;
        b.replayed = replayed;
        return b;
    }

    /** @return the evaluation id ({@code <caseId>-E1}, {@code -E2}) */
    public String id() {
        return id;
    }

    /** @return the case */
    public String caseId() {
        return caseId;
    }

    /** @return 1 for the rating, 2 for the re-rating after a fixed rectification */
    public int round() {
        return round;
    }

    /** @return the level; {@link EvaluationLevel#UNKNOWN} for a value this SDK version does not know yet (see {@link #levelValue()}) */
    public EvaluationLevel level() {
        return EvaluationLevel.of(level);
    }

    /** @return the level, exactly as the server sent it */
    public String levelValue() {
        return level;
    }

    /** @return where it was given; {@link EvaluationChannel#UNKNOWN} for a value this SDK version does not know yet (see {@link #channelValue()}) */
    public EvaluationChannel channel() {
        return EvaluationChannel.of(channel);
    }

    /** @return where it was given, exactly as the server sent it */
    public String channelValue() {
        return channel;
    }

    /** @return the comment, or {@code null} */
    public String comment() {
        return comment;
    }

    /** @return the item */
    public String itemCode() {
        return itemCode;
    }

    /** @return the catalog version of the item the case was accepted under */
    public int itemVersion() {
        return itemVersion;
    }

    /** @return the item's name */
    public String itemName() {
        return itemName;
    }

    /** @return the department responsible for the item */
    public String departmentCode() {
        return departmentCode;
    }

    /** @return the region */
    public String regionCode() {
        return regionCode;
    }

    /** @return the center */
    public String centerId() {
        return centerId;
    }

    /** @return the service point, or {@code null} */
    public String servicePointId() {
        return servicePointId;
    }

    /** @return the window rated, or {@code null} */
    public String windowId() {
        return windowId;
    }

    /** @return the staff member rated, or {@code null} */
    public String staffId() {
        return staffId;
    }

    /** @return the case's status when rated */
    public String caseStatus() {
        return caseStatus;
    }

    /** @return the applicant type; {@link ApplicantType#UNKNOWN} for a value this SDK version does not know yet (see {@link #applicantTypeValue()}) */
    public ApplicantType applicantType() {
        return ApplicantType.of(applicantType);
    }

    /** @return the applicant type, exactly as the server sent it */
    public String applicantTypeValue() {
        return applicantType;
    }

    /** @return the applicant's ID type; {@link IdType#UNKNOWN} for a value this SDK version does not know yet (see {@link #idTypeValue()}) */
    public IdType idType() {
        return IdType.of(idType);
    }

    /** @return the applicant's ID type, exactly as the server sent it */
    public String idTypeValue() {
        return idType;
    }

    /** @return when the applicant rated */
    public Instant ratedAt() {
        return ratedAt;
    }

    /** @return when the server received it */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return the caller (device) that submitted it */
    public String source() {
        return source;
    }

    /** @return the batch it came in, {@code null} for a single rating */
    public String batchId() {
        return batchId;
    }

    /** @return the queue ticket number (排队号, e.g. {@code A001}) the rated case was served under, if any */
    public String queueNumber() {
        return queueNumber;
    }

    /** @return {@code true} when the server answered a retry with the stored rating (header {@code Idempotent-Replayed}) */
    public boolean replayed() {
        return replayed;
    }


    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Evaluation)) return false;
        Evaluation that = (Evaluation) o;
        return Objects.equals(id, that.id)
                && Objects.equals(caseId, that.caseId)
                && round == that.round
                && Objects.equals(level, that.level)
                && Objects.equals(channel, that.channel)
                && Objects.equals(comment, that.comment)
                && Objects.equals(itemCode, that.itemCode)
                && itemVersion == that.itemVersion
                && Objects.equals(itemName, that.itemName)
                && Objects.equals(departmentCode, that.departmentCode)
                && Objects.equals(regionCode, that.regionCode)
                && Objects.equals(centerId, that.centerId)
                && Objects.equals(servicePointId, that.servicePointId)
                && Objects.equals(windowId, that.windowId)
                && Objects.equals(staffId, that.staffId)
                && Objects.equals(caseStatus, that.caseStatus)
                && Objects.equals(applicantType, that.applicantType)
                && Objects.equals(idType, that.idType)
                && Objects.equals(ratedAt, that.ratedAt)
                && Objects.equals(receivedAt, that.receivedAt)
                && Objects.equals(source, that.source)
                && Objects.equals(batchId, that.batchId)
                && Objects.equals(queueNumber, that.queueNumber)
                && replayed == that.replayed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, caseId, round, level, channel, comment, itemCode, itemVersion, itemName, departmentCode, regionCode, centerId, servicePointId, windowId, staffId, caseStatus, applicantType, idType, ratedAt, receivedAt, source, batchId, queueNumber, replayed);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Evaluation{");
        s.append("id=").append(id);
        s.append(", caseId=").append(caseId);
        s.append(", round=").append(round);
        s.append(", level=").append(level);
        s.append(", channel=").append(channel);
        s.append(", comment=").append(comment);
        s.append(", itemCode=").append(itemCode);
        s.append(", itemVersion=").append(itemVersion);
        s.append(", itemName=").append(itemName);
        s.append(", departmentCode=").append(departmentCode);
        s.append(", regionCode=").append(regionCode);
        s.append(", centerId=").append(centerId);
        s.append(", servicePointId=").append(servicePointId);
        s.append(", windowId=").append(windowId);
        s.append(", staffId=").append(staffId);
        s.append(", caseStatus=").append(caseStatus);
        s.append(", applicantType=").append(applicantType);
        s.append(", idType=").append(idType);
        s.append(", ratedAt=").append(ratedAt);
        s.append(", receivedAt=").append(receivedAt);
        s.append(", source=").append(source);
        s.append(", batchId=").append(batchId);
        s.append(", queueNumber=").append(queueNumber);
        s.append(", replayed=").append(replayed);
        return s.append('}').toString();
    }

    /** Builds a {@link Evaluation}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String id;
        private String caseId;
        private int round;
        private String level;
        private String channel;
        private String comment;
        private String itemCode;
        private int itemVersion;
        private String itemName;
        private String departmentCode;
        private String regionCode;
        private String centerId;
        private String servicePointId;
        private String windowId;
        private String staffId;
        private String caseStatus;
        private String applicantType;
        private String idType;
        private Instant ratedAt;
        private Instant receivedAt;
        private String source;
        private String batchId;
        private String queueNumber;
        private boolean replayed;

        private Builder() {
        }

        /** @param value the evaluation id ({@code <caseId>-E1}, {@code -E2}) @return this builder */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** @param value the case @return this builder */
        public Builder caseId(String value) {
            this.caseId = value;
            return this;
        }

        /** @param value 1 for the rating, 2 for the re-rating after a fixed rectification @return this builder */
        public Builder round(int value) {
            this.round = value;
            return this;
        }

        /** @param value the level @return this builder */
        public Builder level(EvaluationLevel value) {
            this.level = OpenEnums.send(value);
            return this;
        }

        /** @param value the level, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder levelValue(String value) {
            this.level = value;
            return this;
        }

        /** @param value where it was given @return this builder */
        public Builder channel(EvaluationChannel value) {
            this.channel = OpenEnums.send(value);
            return this;
        }

        /** @param value where it was given, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder channelValue(String value) {
            this.channel = value;
            return this;
        }

        /** @param value the comment, or {@code null} @return this builder */
        public Builder comment(String value) {
            this.comment = value;
            return this;
        }

        /** @param value the item @return this builder */
        public Builder itemCode(String value) {
            this.itemCode = value;
            return this;
        }

        /** @param value the catalog version of the item the case was accepted under @return this builder */
        public Builder itemVersion(int value) {
            this.itemVersion = value;
            return this;
        }

        /** @param value the item's name @return this builder */
        public Builder itemName(String value) {
            this.itemName = value;
            return this;
        }

        /** @param value the department responsible for the item @return this builder */
        public Builder departmentCode(String value) {
            this.departmentCode = value;
            return this;
        }

        /** @param value the region @return this builder */
        public Builder regionCode(String value) {
            this.regionCode = value;
            return this;
        }

        /** @param value the center @return this builder */
        public Builder centerId(String value) {
            this.centerId = value;
            return this;
        }

        /** @param value the service point, or {@code null} @return this builder */
        public Builder servicePointId(String value) {
            this.servicePointId = value;
            return this;
        }

        /** @param value the window rated, or {@code null} @return this builder */
        public Builder windowId(String value) {
            this.windowId = value;
            return this;
        }

        /** @param value the staff member rated, or {@code null} @return this builder */
        public Builder staffId(String value) {
            this.staffId = value;
            return this;
        }

        /** @param value the case's status when rated @return this builder */
        public Builder caseStatus(String value) {
            this.caseStatus = value;
            return this;
        }

        /** @param value the applicant type @return this builder */
        public Builder applicantType(ApplicantType value) {
            this.applicantType = OpenEnums.send(value);
            return this;
        }

        /** @param value the applicant type, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder applicantTypeValue(String value) {
            this.applicantType = value;
            return this;
        }

        /** @param value the applicant's ID type @return this builder */
        public Builder idType(IdType value) {
            this.idType = OpenEnums.send(value);
            return this;
        }

        /** @param value the applicant's ID type, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder idTypeValue(String value) {
            this.idType = value;
            return this;
        }

        /** @param value when the applicant rated @return this builder */
        public Builder ratedAt(Instant value) {
            this.ratedAt = value;
            return this;
        }

        /** @param value when the server received it @return this builder */
        public Builder receivedAt(Instant value) {
            this.receivedAt = value;
            return this;
        }

        /** @param value the caller (device) that submitted it @return this builder */
        public Builder source(String value) {
            this.source = value;
            return this;
        }

        /** @param value the batch it came in, {@code null} for a single rating @return this builder */
        public Builder batchId(String value) {
            this.batchId = value;
            return this;
        }

        /** @param value the queue ticket number the rated case was served under, if any @return this builder */
        public Builder queueNumber(String value) {
            this.queueNumber = value;
            return this;
        }

        /** @param value {@code true} when the server answered a retry with the stored rating (header {@code Idempotent-Replayed}) @return this builder */
        public Builder replayed(boolean value) {
            this.replayed = value;
            return this;
        }

        /** @return the immutable object */
        public Evaluation build() {
            return new Evaluation(this);
        }
    }
}
