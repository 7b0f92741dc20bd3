package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One rating (好差评) as an evaluation device sends it, single ({@code client.evaluations().rate}) or in a batch.
 * Required: caseId, level, channel, applicantConfirmation; everything national reporting needs beyond this the
 * server takes from the case.
 */
public final class Rating {
    private final String caseId;
    private final String level;
    private final String channel;
    private final String applicantConfirmation;
    private final String windowId;
    private final String staffId;
    private final String comment;
    private final Instant ratedAt;

    private Rating(Builder b) {
        this.caseId = b.caseId;
        this.level = b.level;
        this.channel = b.channel;
        this.applicantConfirmation = b.applicantConfirmation;
        this.windowId = b.windowId;
        this.staffId = b.staffId;
        this.comment = b.comment;
        this.ratedAt = b.ratedAt;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.caseId = caseId;
        b.level = level;
        b.channel = channel;
        b.applicantConfirmation = applicantConfirmation;
        b.windowId = windowId;
        b.staffId = staffId;
        b.comment = comment;
        b.ratedAt = ratedAt;
        return b;
    }

    /** @return the case rated */
    public String caseId() {
        return caseId;
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

    /** @return the last 4 characters of the applicant's identity number or phone */
    public String applicantConfirmation() {
        return applicantConfirmation;
    }

    /** @return the window rated, or {@code null} */
    public String windowId() {
        return windowId;
    }

    /** @return the staff member rated, or {@code null} */
    public String staffId() {
        return staffId;
    }

    /** @return the applicant's comment (≤ 500 characters), or {@code null} */
    public String comment() {
        return comment;
    }

    /** @return when the applicant rated (a device's own time in a batch), or {@code null} for the time the server received it */
    public Instant ratedAt() {
        return ratedAt;
    }


    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Rating)) return false;
        Rating that = (Rating) o;
        return Objects.equals(caseId, that.caseId)
                && Objects.equals(level, that.level)
                && Objects.equals(channel, that.channel)
                && Objects.equals(applicantConfirmation, that.applicantConfirmation)
                && Objects.equals(windowId, that.windowId)
                && Objects.equals(staffId, that.staffId)
                && Objects.equals(comment, that.comment)
                && Objects.equals(ratedAt, that.ratedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseId, level, channel, applicantConfirmation, windowId, staffId, comment, ratedAt);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Rating{");
        s.append("caseId=").append(caseId);
        s.append(", level=").append(level);
        s.append(", channel=").append(channel);
        s.append(", applicantConfirmation=").append(applicantConfirmation);
        s.append(", windowId=").append(windowId);
        s.append(", staffId=").append(staffId);
        s.append(", comment=").append(comment);
        s.append(", ratedAt=").append(ratedAt);
        return s.append('}').toString();
    }

    /** Builds a {@link Rating}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String caseId;
        private String level;
        private String channel;
        private String applicantConfirmation;
        private String windowId;
        private String staffId;
        private String comment;
        private Instant ratedAt;

        private Builder() {
        }

        /** @param value the case rated @return this builder */
        public Builder caseId(String value) {
            this.caseId = value;
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

        /** @param value the last 4 characters of the applicant's identity number or phone @return this builder */
        public Builder applicantConfirmation(String value) {
            this.applicantConfirmation = value;
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

        /** @param value the applicant's comment (≤ 500 characters), or {@code null} @return this builder */
        public Builder comment(String value) {
            this.comment = value;
            return this;
        }

        /** @param value when the applicant rated (a device's own time in a batch), or {@code null} for the time the server received it @return this builder */
        public Builder ratedAt(Instant value) {
            this.ratedAt = value;
            return this;
        }

        /** @return the immutable object */
        public Rating build() {
            return new Rating(this);
        }
    }
}
