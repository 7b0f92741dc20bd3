package cn.onewindow.sdk.model;

import java.util.List;
import java.util.Objects;

/**
 * An application to submit ({@code POST /v1/cases}).
 */
public final class NewCase {
    private final String itemCode;
    private final Applicant applicant;
    private final String channel;
    private final String servicePointId;
    private final String agentId;
    private final Consent consent;
    private final List<Material> materials;
    private final List<String> unmetConditions;
    private final String ticketId;

    private NewCase(Builder b) {
        this.itemCode = b.itemCode;
        this.applicant = b.applicant;
        this.channel = b.channel;
        this.servicePointId = b.servicePointId;
        this.agentId = b.agentId;
        this.consent = b.consent;
        this.materials = Lists.copy(b.materials);
        this.unmetConditions = Lists.copy(b.unmetConditions);
        this.ticketId = b.ticketId;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.itemCode = itemCode;
        b.applicant = applicant;
        b.channel = channel;
        b.servicePointId = servicePointId;
        b.agentId = agentId;
        b.consent = consent;
        b.materials = materials;
        b.unmetConditions = unmetConditions;
        b.ticketId = ticketId;
        return b;
    }

    /** @return catalog item code, e.g. {@code 330100-XK-0101} */
    public String itemCode() {
        return itemCode;
    }

    /** @return the applicant */
    public Applicant applicant() {
        return applicant;
    }

    /** @return {@code WINDOW} for window staff, {@code VILLAGE_AGENT} for agents; {@link Channel#UNKNOWN} for a value this SDK version does not know yet (see {@link #channelValue()}) */
    public Channel channel() {
        return Channel.of(channel);
    }

    /** @return {@code WINDOW} for window staff, {@code VILLAGE_AGENT} for agents, exactly as the server sent it */
    public String channelValue() {
        return channel;
    }

    /** @return informational for agents (the agent's own point is recorded) */
    public String servicePointId() {
        return servicePointId;
    }

    /** @return informational (the server records the calling agent) */
    public String agentId() {
        return agentId;
    }

    /** @return the villager's consent, for {@code VILLAGE_AGENT} applications only */
    public Consent consent() {
        return consent;
    }

    /** @return materials handed in (never {@code null}; empty when absent) */
    public List<Material> materials() {
        return materials;
    }

    /** @return codes of acceptance conditions the window found not met (→ 不予受理) (never {@code null}; empty when absent) */
    public List<String> unmetConditions() {
        return unmetConditions;
    }

    /** @return the queue ticket being served at the window while the case is taken in (排队号); null without one */
    public String ticketId() {
        return ticketId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof NewCase)) return false;
        NewCase that = (NewCase) o;
        return Objects.equals(itemCode, that.itemCode)
                && Objects.equals(applicant, that.applicant)
                && Objects.equals(channel, that.channel)
                && Objects.equals(servicePointId, that.servicePointId)
                && Objects.equals(agentId, that.agentId)
                && Objects.equals(consent, that.consent)
                && Objects.equals(materials, that.materials)
                && Objects.equals(unmetConditions, that.unmetConditions)
                && Objects.equals(ticketId, that.ticketId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(itemCode, applicant, channel, servicePointId, agentId, consent, materials, unmetConditions, ticketId);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("NewCase{");
        s.append("itemCode=").append(itemCode);
        s.append(", applicant=").append(applicant);
        s.append(", channel=").append(channel);
        s.append(", servicePointId=").append(servicePointId);
        s.append(", agentId=").append(agentId);
        s.append(", consent=").append(consent);
        s.append(", materials=").append(materials.size()).append(" item(s)");
        s.append(", unmetConditions=").append(unmetConditions);
        s.append(", ticketId=").append(ticketId);
        return s.append('}').toString();
    }

    /** Builds a {@link NewCase}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String itemCode;
        private Applicant applicant;
        private String channel;
        private String servicePointId;
        private String agentId;
        private Consent consent;
        private List<Material> materials;
        private List<String> unmetConditions;
        private String ticketId;

        private Builder() {
        }

        /** @param value catalog item code, e.g. {@code 330100-XK-0101} @return this builder */
        public Builder itemCode(String value) {
            this.itemCode = value;
            return this;
        }

        /** @param value the applicant @return this builder */
        public Builder applicant(Applicant value) {
            this.applicant = value;
            return this;
        }

        /** @param value {@code WINDOW} for window staff, {@code VILLAGE_AGENT} for agents @return this builder */
        public Builder channel(Channel value) {
            this.channel = OpenEnums.send(value);
            return this;
        }

        /** @param value {@code WINDOW} for window staff, {@code VILLAGE_AGENT} for agents, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder channelValue(String value) {
            this.channel = value;
            return this;
        }

        /** @param value informational for agents (the agent's own point is recorded) @return this builder */
        public Builder servicePointId(String value) {
            this.servicePointId = value;
            return this;
        }

        /** @param value informational (the server records the calling agent) @return this builder */
        public Builder agentId(String value) {
            this.agentId = value;
            return this;
        }

        /** @param value the villager's consent, for {@code VILLAGE_AGENT} applications only @return this builder */
        public Builder consent(Consent value) {
            this.consent = value;
            return this;
        }

        /** @param values materials handed in @return this builder */
        public Builder materials(List<Material> values) {
            this.materials = values;
            return this;
        }

        /** @param values materials handed in @return this builder */
        public Builder materials(Material... values) {
            this.materials = Lists.of(values);
            return this;
        }

        /** @param values codes of acceptance conditions the window found not met (→ 不予受理) @return this builder */
        public Builder unmetConditions(List<String> values) {
            this.unmetConditions = values;
            return this;
        }

        /** @param value the queue ticket being served (SERVING at the caller's center) @return this builder */
        public Builder ticketId(String value) {
            this.ticketId = value;
            return this;
        }

        /** @param values codes of acceptance conditions the window found not met (→ 不予受理) @return this builder */
        public Builder unmetConditions(String... values) {
            this.unmetConditions = Lists.of(values);
            return this;
        }

        /** @return the immutable object */
        public NewCase build() {
            return new NewCase(this);
        }
    }
}
