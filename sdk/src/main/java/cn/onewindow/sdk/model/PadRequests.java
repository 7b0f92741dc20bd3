package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a rating PAD shows: the window it is bound to and that window's open rating requests, oldest first.
 */
public final class PadRequests {
    private final String windowId;
    private final String windowName;
    private final List<PadRequest> requests;
    private final Instant serverTime;

    private PadRequests(Builder b) {
        this.windowId = b.windowId;
        this.windowName = b.windowName;
        this.requests = Lists.copy(b.requests);
        this.serverTime = b.serverTime;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.windowId = windowId;
        b.windowName = windowName;
        b.requests = requests;
        b.serverTime = serverTime;
        return b;
    }

    /** @return the window the PAD is bound to */
    public String windowId() {
        return windowId;
    }

    /** @return the window as announced */
    public String windowName() {
        return windowName;
    }

    /** @return the open requests, oldest first (unmodifiable) */
    public List<PadRequest> requests() {
        return requests;
    }

    /** @return the platform's clock when answered: stamp offline ratings with a clock corrected by it */
    public Instant serverTime() {
        return serverTime;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof PadRequests)) return false;
        PadRequests that = (PadRequests) o;
        return Objects.equals(windowId, that.windowId)
                && Objects.equals(windowName, that.windowName)
                && Objects.equals(requests, that.requests)
                && Objects.equals(serverTime, that.serverTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(windowId, windowName, requests, serverTime);
    }

    @Override
    public String toString() {
        return "PadRequests{" + "windowId=" + windowId + ", windowName=" + windowName + ", requests=" + requests + ", serverTime=" + serverTime + "}";
    }

    /** Builds a {@link PadRequests}. */
    public static final class Builder {
        private String windowId;
        private String windowName;
        private List<PadRequest> requests;
        private Instant serverTime;

        private Builder() {
        }

        /** @param value the window the PAD is bound to @return this builder */
        public Builder windowId(String value) {
            this.windowId = value;
            return this;
        }

        /** @param value the window as announced @return this builder */
        public Builder windowName(String value) {
            this.windowName = value;
            return this;
        }

        /** @param value the open requests, oldest first (unmodifiable) @return this builder */
        public Builder requests(List<PadRequest> value) {
            this.requests = value;
            return this;
        }

        /** @param value the platform's clock when answered @return this builder */
        public Builder serverTime(Instant value) {
            this.serverTime = value;
            return this;
        }

        /** @return the PadRequests */
        public PadRequests build() {
            return new PadRequests(this);
        }
    }
}
