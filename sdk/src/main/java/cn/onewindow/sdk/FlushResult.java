package cn.onewindow.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one {@link Outbox#flush()} did. Immutable. */
public final class FlushResult {
    private final List<SentWrite> sent;
    private final List<PendingWrite> failed;
    private final int remaining;
    private final OneWindowException stoppedBy;

    FlushResult(List<SentWrite> sent, List<PendingWrite> failed, int remaining, OneWindowException stoppedBy) {
        this.sent = Collections.unmodifiableList(new ArrayList<>(sent));
        this.failed = Collections.unmodifiableList(new ArrayList<>(failed));
        this.remaining = remaining;
        this.stoppedBy = stoppedBy;
    }

    /** @return the writes the server accepted, in order, with its answers */
    public List<SentWrite> sent() {
        return sent;
    }

    /** @return the writes the server refused (4xx); they were set aside in {@link Outbox#failed()} */
    public List<PendingWrite> failed() {
        return failed;
    }

    /** @return how many writes still wait (0 when everything went out) */
    public int remaining() {
        return remaining;
    }

    /**
     * @return why the flush stopped early (still offline, server failing, rate limited, token refused), or
     *         {@code null} when it went through the whole queue
     */
    public OneWindowException stoppedBy() {
        return stoppedBy;
    }

    /** @return whether nothing is left to send */
    public boolean isComplete() {
        return remaining == 0;
    }

    @Override
    public String toString() {
        return "FlushResult{sent=" + sent.size() + ", failed=" + failed.size() + ", remaining=" + remaining
                + (stoppedBy == null ? "" : ", stoppedBy=" + stoppedBy.code()) + '}';
    }
}
