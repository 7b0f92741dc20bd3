package cn.onewindow.sdk.model;

import java.util.List;
import java.util.Objects;

/**
 * What a rating PAD shows: the window it is bound to and that window's open rating requests, oldest first.
 */
public final class PadRequests {
    private final String windowId;
    private final String windowName;
    private final List<PadRequest> requests;

    private PadRequests(Builder b) {
        this.windowId = b.windowId;
        this.windowName = b.windowName;
        this.requests = Lists.copy(b.requests);
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

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof PadRequests)) return false;
        PadRequests that = (PadRequests) o;
        return Objects.equals(windowId, that.windowId)
                && Objects.equals(windowName, that.windowName)
                && Objects.equals(requests, that.requests);
    }

    @Override
    public int hashCode() {
        return Objects.hash(windowId, windowName, requests);
    }

    @Override
    public String toString() {
        return "PadRequests{" + "windowId=" + windowId + ", windowName=" + windowName + ", requests=" + requests + "}";
    }

    /** Builds a {@link PadRequests}. */
    public static final class Builder {
        private String windowId;
        private String windowName;
        private List<PadRequest> requests;

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

        /** @return the PadRequests */
        public PadRequests build() {
            return new PadRequests(this);
        }
    }
}
