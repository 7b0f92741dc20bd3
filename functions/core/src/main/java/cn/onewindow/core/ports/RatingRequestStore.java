package cn.onewindow.core.ports;

import cn.onewindow.core.evaluation.WindowRatingRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The windows' open rating requests (one per case) and which window each rating PAD is bound to. */
public interface RatingRequestStore {

    Optional<WindowRatingRequest> request(String caseId);

    /**
     * Saves the case's request if the stored one is still {@code expected} ({@code null}: none stored).
     *
     * @return false when another writer changed it meanwhile (the caller rereads)
     */
    boolean save(WindowRatingRequest request, WindowRatingRequest expected);

    /** A window's requests made at or after {@code since}, oldest first, at most {@code limit}. */
    List<WindowRatingRequest> pending(String windowId, Instant since, int limit);

    /** The window a PAD (a TERMINAL caller) is bound to. */
    Optional<String> boundWindow(String terminalId);

    void bind(String terminalId, String windowId);
}
