package cn.onewindow.core.queue;

import cn.onewindow.core.ports.QueueFiguresSource.QueueSummary;
import cn.onewindow.core.ports.QueueFiguresSource.WindowThroughput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Waiting figures from tickets: the estimated wait of a category (from its recent service times, bounded), and for
 * supervision the average wait and service time, the abandonment rate and each window's throughput.
 *
 * <ul>
 *   <li>wait: taken to its first call; service: service start to finish (after a transfer, the last window's).</li>
 *   <li>estimated wait = ceil(ahead × service minutes ÷ windows calling the category); service minutes = the average
 *       of the category's last {@link #RECENT} finished tickets of the day, else the category's configured
 *       {@code serviceMinutes}, else {@link #DEFAULT_SERVICE_MINUTES}.</li>
 *   <li>abandoned: dropped after its no-shows, or still waiting or called when its day is over; abandonment rate =
 *       abandoned ÷ taken.</li>
 * </ul>
 */
public final class QueueFigures {
    /** Service time assumed while a category has no finished ticket that day and no configured one. */
    public static final int DEFAULT_SERVICE_MINUTES = 5;
    /** Finished tickets the estimate averages over (the most recent ones of the day). */
    public static final int RECENT = 20;

    private QueueFigures() {
    }

    /** Service minutes of a category: the recent finished tickets' average, else the configured default. */
    public static double serviceMinutes(QueueConfig cfg, String category, List<Long> recentServiceSeconds) {
        if (recentServiceSeconds != null && !recentServiceSeconds.isEmpty()) {
            return recentServiceSeconds.stream().limit(RECENT).mapToLong(Long::longValue).average().orElse(0) / 60.0;
        }
        return cfg.category(category).map(QueueConfig.Category::serviceMinutes).filter(m -> m != null && m > 0)
                .orElse(DEFAULT_SERVICE_MINUTES);
    }

    /** Minutes until {@code ahead} tickets are served by the windows that call the category. */
    public static int estimatedWaitMinutes(QueueConfig cfg, String category, int ahead, List<Long> recentServiceSeconds) {
        long windows = Math.max(1, cfg.windowsFor(category));
        return (int) Math.ceil(ahead * serviceMinutes(cfg, category, recentServiceSeconds) / windows);
    }

    /** The service seconds of a category's last {@link #RECENT} finished tickets among a day's, latest first. */
    public static List<Long> recentServiceSeconds(List<Ticket> day, String category) {
        return day.stream().filter(t -> t.status() == TicketStatus.DONE && t.serviceSeconds() != null
                        && t.category().equals(category))
                .sorted(Comparator.comparing(Ticket::finishedAt).reversed()).limit(RECENT)
                .map(Ticket::serviceSeconds).toList();
    }

    /** Accumulates tickets (of one or more days) into a {@link QueueSummary}. */
    public static final class Acc {
        private final LocalDate today;
        private long tickets, called, served, abandoned, waitSeconds, serviceSeconds;
        private final Map<Integer, long[]> windows = new TreeMap<>();

        /** @param today the current day (Asia/Shanghai): its open tickets are not abandoned yet */
        public Acc(LocalDate today) {
            this.today = today;
        }

        public Acc add(Ticket t) {
            tickets++;
            Long wait = t.waitSeconds();
            if (wait != null) {
                called++;
                waitSeconds += wait;
            }
            if (t.status() == TicketStatus.DONE && t.serviceSeconds() != null) {
                served++;
                serviceSeconds += t.serviceSeconds();
                long[] w = windows.computeIfAbsent(t.windowNumber(), k -> new long[2]);
                w[0]++;
                w[1] += t.serviceSeconds();
            } else if (t.status() == TicketStatus.DROPPED || (t.day().isBefore(today)
                    && (t.status() == TicketStatus.WAITING || t.status() == TicketStatus.CALLED))) {
                abandoned++;
            }
            return this;
        }

        public Acc addAll(List<Ticket> ts) {
            ts.forEach(this::add);
            return this;
        }

        public QueueSummary summary(String centerId) {
            List<WindowThroughput> perWindow = windows.entrySet().stream().map(e -> new WindowThroughput(e.getKey(),
                    QueueConfig.windowId(centerId, e.getKey()), e.getValue()[0],
                    minutes(e.getValue()[1], e.getValue()[0]))).toList();
            return new QueueSummary(tickets, called, served, abandoned, minutes(waitSeconds, called),
                    minutes(serviceSeconds, served), tickets == 0 ? null
                    : BigDecimal.valueOf(abandoned).divide(BigDecimal.valueOf(tickets), 4, RoundingMode.HALF_UP),
                    perWindow);
        }
    }

    /** The figures of a set of tickets, today being {@code today}. */
    public static QueueSummary summary(String centerId, List<Ticket> tickets, LocalDate today) {
        return new Acc(today).addAll(tickets).summary(centerId);
    }

    /** Average minutes (two decimals) of {@code seconds} over {@code n}; null when n is 0. */
    static BigDecimal minutes(long seconds, long n) {
        return n == 0 ? null : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(n * 60), 2, RoundingMode.HALF_UP);
    }
}
