package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An open rating request (请评价) of the window a rating PAD is bound to: what the PAD shows, and the token it
 * sends as {@link Rating} {@code applicantConfirmation}. No personal data beyond the masked applicant name.
 */
public final class PadRequest {
    private final String caseId;
    private final String itemName;
    private final String applicantName;
    private final String queueNumber;
    private final String windowId;
    private final String windowName;
    private final String staffId;
    private final String staffName;
    private final Instant requestedAt;
    private final String ratingToken;

    private PadRequest(Builder b) {
        this.caseId = b.caseId;
        this.itemName = b.itemName;
        this.applicantName = b.applicantName;
        this.queueNumber = b.queueNumber;
        this.windowId = b.windowId;
        this.windowName = b.windowName;
        this.staffId = b.staffId;
        this.staffName = b.staffName;
        this.requestedAt = b.requestedAt;
        this.ratingToken = b.ratingToken;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.caseId = caseId;
        b.itemName = itemName;
        b.applicantName = applicantName;
        b.queueNumber = queueNumber;
        b.windowId = windowId;
        b.windowName = windowName;
        b.staffId = staffId;
        b.staffName = staffName;
        b.requestedAt = requestedAt;
        b.ratingToken = ratingToken;
        return b;
    }

    /** @return the case to be rated */
    public String caseId() {
        return caseId;
    }

    /** @return the item's name */
    public String itemName() {
        return itemName;
    }

    /** @return the applicant's masked name, e.g. {@code 王*二} */
    public String applicantName() {
        return applicantName;
    }

    /** @return the queue ticket number the case was served under, if any */
    public String queueNumber() {
        return queueNumber;
    }

    /** @return the window, e.g. {@code 330110-ZX-W01} */
    public String windowId() {
        return windowId;
    }

    /** @return the window as announced, e.g. {@code 1号窗口 综合受理窗口} */
    public String windowName() {
        return windowName;
    }

    /** @return the window staff who asked */
    public String staffId() {
        return staffId;
    }

    /** @return the staff's display name */
    public String staffName() {
        return staffName;
    }

    /** @return when the staff asked */
    public Instant requestedAt() {
        return requestedAt;
    }

    /** @return confirms the applicant in a rating of this case (send it as applicantConfirmation) */
    public String ratingToken() {
        return ratingToken;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof PadRequest)) return false;
        PadRequest that = (PadRequest) o;
        return Objects.equals(caseId, that.caseId)
                && Objects.equals(itemName, that.itemName)
                && Objects.equals(applicantName, that.applicantName)
                && Objects.equals(queueNumber, that.queueNumber)
                && Objects.equals(windowId, that.windowId)
                && Objects.equals(windowName, that.windowName)
                && Objects.equals(staffId, that.staffId)
                && Objects.equals(staffName, that.staffName)
                && Objects.equals(requestedAt, that.requestedAt)
                && Objects.equals(ratingToken, that.ratingToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseId, itemName, applicantName, queueNumber, windowId, windowName, staffId, staffName, requestedAt, ratingToken);
    }

    @Override
    public String toString() {
        return "PadRequest{" + "caseId=" + caseId + ", itemName=" + itemName + ", applicantName=" + applicantName + ", queueNumber=" + queueNumber + ", windowId=" + windowId + ", windowName=" + windowName + ", staffId=" + staffId + ", staffName=" + staffName + ", requestedAt=" + requestedAt + ", ratingToken=" + ratingToken + "}";
    }

    /** Builds a {@link PadRequest}. */
    public static final class Builder {
        private String caseId;
        private String itemName;
        private String applicantName;
        private String queueNumber;
        private String windowId;
        private String windowName;
        private String staffId;
        private String staffName;
        private Instant requestedAt;
        private String ratingToken;

        private Builder() {
        }

        /** @param value the case to be rated @return this builder */
        public Builder caseId(String value) {
            this.caseId = value;
            return this;
        }

        /** @param value the item's name @return this builder */
        public Builder itemName(String value) {
            this.itemName = value;
            return this;
        }

        /** @param value the applicant's masked name, e.g. {@code 王*二} @return this builder */
        public Builder applicantName(String value) {
            this.applicantName = value;
            return this;
        }

        /** @param value the queue ticket number the case was served under, if any @return this builder */
        public Builder queueNumber(String value) {
            this.queueNumber = value;
            return this;
        }

        /** @param value the window, e.g. {@code 330110-ZX-W01} @return this builder */
        public Builder windowId(String value) {
            this.windowId = value;
            return this;
        }

        /** @param value the window as announced, e.g. {@code 1号窗口 综合受理窗口} @return this builder */
        public Builder windowName(String value) {
            this.windowName = value;
            return this;
        }

        /** @param value the window staff who asked @return this builder */
        public Builder staffId(String value) {
            this.staffId = value;
            return this;
        }

        /** @param value the staff's display name @return this builder */
        public Builder staffName(String value) {
            this.staffName = value;
            return this;
        }

        /** @param value when the staff asked @return this builder */
        public Builder requestedAt(Instant value) {
            this.requestedAt = value;
            return this;
        }

        /** @param value confirms the applicant in a rating of this case (send it as applicantConfirmation) @return this builder */
        public Builder ratingToken(String value) {
            this.ratingToken = value;
            return this;
        }

        /** @return the PadRequest */
        public PadRequest build() {
            return new PadRequest(this);
        }
    }
}
