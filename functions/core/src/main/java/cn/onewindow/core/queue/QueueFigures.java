package cn.onewindow.core.queue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Waiting figures from a day's tickets: the estimated wait of a category (from its recent service times), and for
 * supervision the average wait and service time, the abandonment rate and each window's throughput.
 */
public final class QueueFigures {
    /** Service time assumed while a category has no finished ticket that day. */
    public static final int DEFAULT_SERVICE_MINUTES = 5;
    /** Finished tickets the estimate averages over (the most recent ones). */
    public static final int RECENT = 20;

    private QueueFigures() {
    }

    /** Average minutes of service of the category's last {@link #RECENT} finished tickets. */
    public static double serviceMinutes(List<Ticket> day, String category) {
        List<Ticket> done = day.stream().filter(t -> t.status() == TicketStatus.DONE && t.servingSince() != null
                        && t.category().equals(category)).sorted(Comparator.comparing(Ticket::finishedAt).reversed())
                .limit(RECENT).toList();
        if (done.isEmpty()) return DEFAULT_SERVICE_MINUTES;
        return done.stream().mapToLong(t -> Duration.between(t.servingSince(), t.finishedAt()).toSeconds())
                .average().orElse(0) / 60.0;
    }

    /** Minutes until {@code ahead} tickets are served by the windows that call the category. */
    public static int estimatedWaitMinutes(QueueConfig cfg, List<Ticket> day, String category, int ahead) {
        long windows = Math.max(1, cfg.windowsFor(category));
        return (int) Math.ceil(ahead * serviceMinutes(day, category) / windows);
    }

    /**
     * A period's figures.
     *
     * @param abandonmentRate dropped ÷ (done + dropped); null with neither
     * @param throughput      tickets finished per window number
     */
    public record Summary(int tickets, int done, int dropped, Double averageWaitMinutes,
                          Double averageServiceMinutes, Double abandonmentRate, Map<Integer, Integer> throughput) {
    }

    public static Summary summary(List<Ticket> tickets) {
        int done = 0;
        int dropped = 0;
        long waitSum = 0;
        int waited = 0;
        long serviceSum = 0;
        Map<Integer, Integer> throughput = new TreeMap<>();
        for (Ticket t : tickets) {
            if (t.calledAt() != null && t.totalCalls() > 0) {
                waitSum += Duration.between(t.takenAt(), firstCall(t)).toSeconds();
                waited++;
            }
            if (t.status() == TicketStatus.DONE) {
                done++;
                serviceSum += Duration.between(t.servingSince(), t.finishedAt()).toSeconds();
                throughput.merge(t.windowNumber(), 1, Integer::sum);
            } else if (t.status() == TicketStatus.DROPPED) {
                dropped++;
            }
        }
        return new Summary(tickets.size(), done, dropped, waited == 0 ? null : round(waitSum / 60.0 / waited),
                done == 0 ? null : round(serviceSum / 60.0 / done),
                done + dropped == 0 ? null : round((double) dropped / (done + dropped)), throughput);
    }

    /** When it was first called: its call time, less nothing (a recall or later call moves calledAt on). */
    private static java.time.Instant firstCall(Ticket t) {
        return t.firstCalledAt() != null ? t.firstCalledAt() : t.calledAt();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
