package cn.onewindow.sdk.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

/**
 * The waiting figures (排队) of a center's tickets in the period of a {@link StatsReport}: wait = taken to first
 * call, service = service start to finish; abandoned = dropped after no-shows, or left waiting or called when the day
 * ended.
 */
public final class QueueFigures {
    private final long tickets;
    private final long called;
    private final long served;
    private final long abandoned;
    private final BigDecimal averageWaitMinutes;
    private final BigDecimal averageServiceMinutes;
    private final BigDecimal abandonmentRate;
    private final List<WindowThroughput> windows;

    public QueueFigures(long tickets, long called, long served, long abandoned, BigDecimal averageWaitMinutes,
                        BigDecimal averageServiceMinutes, BigDecimal abandonmentRate, List<WindowThroughput> windows) {
        this.tickets = tickets;
        this.called = called;
        this.served = served;
        this.abandoned = abandoned;
        this.averageWaitMinutes = averageWaitMinutes;
        this.averageServiceMinutes = averageServiceMinutes;
        this.abandonmentRate = abandonmentRate;
        this.windows = windows == null ? Collections.<WindowThroughput>emptyList()
                : Collections.unmodifiableList(windows);
    }

    /** @return tickets taken */
    public long tickets() { return tickets; }
    /** @return tickets called at least once */
    public long called() { return called; }
    /** @return tickets finished */
    public long served() { return served; }
    /** @return tickets dropped or left unserved when their day ended */
    public long abandoned() { return abandoned; }
    /** @return minutes, two decimals; null when none was called */
    public BigDecimal averageWaitMinutes() { return averageWaitMinutes; }
    /** @return minutes, two decimals; null when none was served */
    public BigDecimal averageServiceMinutes() { return averageServiceMinutes; }
    /** @return abandoned ÷ tickets, four decimals; null without tickets */
    public BigDecimal abandonmentRate() { return abandonmentRate; }
    /** @return per window that served, by window number (never {@code null}) */
    public List<WindowThroughput> windows() { return windows; }

    @Override
    public String toString() {
        return "QueueFigures[" + tickets + " tickets, " + served + " served, " + abandoned + " abandoned]";
    }

    /** A window's throughput: tickets it finished in the period and their average service minutes. */
    public static final class WindowThroughput {
        private final int window;
        private final String windowId;
        private final long served;
        private final BigDecimal averageServiceMinutes;

        public WindowThroughput(int window, String windowId, long served, BigDecimal averageServiceMinutes) {
            this.window = window;
            this.windowId = windowId;
            this.served = served;
            this.averageServiceMinutes = averageServiceMinutes;
        }

        public int window() { return window; }
        public String windowId() { return windowId; }
        public long served() { return served; }
        public BigDecimal averageServiceMinutes() { return averageServiceMinutes; }
    }
}
