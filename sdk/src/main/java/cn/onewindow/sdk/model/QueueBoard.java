package cn.onewindow.sdk.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/**
 * A center's hall board (叫号大屏): the current call of every window, the last calls with their announcements, and
 * per category how many wait and the estimated wait. {@link #etag()} is what to send back when polling.
 */
public final class QueueBoard {
    private final String centerId;
    private final LocalDate date;
    private final List<Call> current;
    private final List<Call> recent;
    private final List<CategoryState> categories;
    private final String etag;

    public QueueBoard(String centerId, LocalDate date, List<Call> current, List<Call> recent,
                      List<CategoryState> categories, String etag) {
        this.centerId = centerId;
        this.date = date;
        this.current = Collections.unmodifiableList(current);
        this.recent = Collections.unmodifiableList(recent);
        this.categories = Collections.unmodifiableList(categories);
        this.etag = etag;
    }

    public String centerId() { return centerId; }
    public LocalDate date() { return date; }
    /** @return one call per window: the ticket it called or serves now */
    public List<Call> current() { return current; }
    /** @return the last calls, newest first */
    public List<Call> recent() { return recent; }
    public List<CategoryState> categories() { return categories; }
    /** @return the version of this state ({@code ETag}); pass it to the next poll */
    public String etag() { return etag; }

    /** A call on the board. */
    public static final class Call {
        private final String ticketId;
        private final String number;
        private final int window;
        private final String windowId;
        private final String status;
        private final Instant calledAt;
        private final int calls;
        private final String announcement;

        public Call(String ticketId, String number, int window, String windowId, String status, Instant calledAt,
                    int calls, String announcement) {
            this.ticketId = ticketId;
            this.number = number;
            this.window = window;
            this.windowId = windowId;
            this.status = status;
            this.calledAt = calledAt;
            this.calls = calls;
            this.announcement = announcement;
        }

        public String ticketId() { return ticketId; }
        public String number() { return number; }
        public int window() { return window; }
        public String windowId() { return windowId; }
        public String status() { return status; }
        public Instant calledAt() { return calledAt; }
        public int calls() { return calls; }
        /** @return 请 A001 号到 3 号窗口办理 */
        public String announcement() { return announcement; }
    }

    /** A category's queue. */
    public static final class CategoryState {
        private final String prefix;
        private final String name;
        private final int waiting;
        private final int estimatedWaitMinutes;

        public CategoryState(String prefix, String name, int waiting, int estimatedWaitMinutes) {
            this.prefix = prefix;
            this.name = name;
            this.waiting = waiting;
            this.estimatedWaitMinutes = estimatedWaitMinutes;
        }

        public String prefix() { return prefix; }
        public String name() { return name; }
        public int waiting() { return waiting; }
        public int estimatedWaitMinutes() { return estimatedWaitMinutes; }
    }
}
