package cn.onewindow.memory;

import cn.onewindow.core.evaluation.WindowRatingRequest;
import cn.onewindow.core.ports.RatingRequestStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The windows' rating requests (one per case) and the PADs' windows in memory. As in {@code DynamoRatingRequests},
 * a save holds only while the stored request is the expected one by its request time and case (the key of the
 * window's listing), and a window lists its requests by request time, then case id, from {@code since} on.
 */
public final class MemoryRatingRequests implements RatingRequestStore {
    private final Map<String, WindowRatingRequest> requests = new HashMap<>();
    private final Map<String, String> windows = new HashMap<>();

    @Override
    public synchronized Optional<WindowRatingRequest> request(String caseId) {
        return Optional.ofNullable(requests.get(caseId));
    }

    @Override
    public synchronized boolean save(WindowRatingRequest request, WindowRatingRequest expected) {
        WindowRatingRequest stored = requests.get(request.caseId());
        boolean holds = expected == null ? stored == null
                : stored != null && listingKey(stored).equals(listingKey(expected));
        if (holds) requests.put(request.caseId(), request);
        return holds;
    }

    @Override
    public synchronized List<WindowRatingRequest> pending(String windowId, Instant since, int limit) {
        String from = Sortable.of(since);
        return requests.values().stream()
                .filter(r -> windowId.equals(r.windowId()) && listingKey(r).compareTo(from) >= 0)
                .sorted(Comparator.comparing(MemoryRatingRequests::listingKey)).limit(limit).toList();
    }

    @Override
    public synchronized Optional<String> boundWindow(String terminalId) {
        return Optional.ofNullable(windows.get(terminalId));
    }

    @Override
    public synchronized void bind(String terminalId, String windowId) {
        windows.put(terminalId, windowId);
    }

    private static String listingKey(WindowRatingRequest r) {
        return Sortable.of(r.requestedAt()) + "#" + r.caseId();
    }
}
