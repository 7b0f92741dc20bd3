package cn.onewindow.core.ports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The waiting figures (排队) of a center's tickets in a period, for the supervision figures (电子监察). */
public interface QueueFiguresSource {
    QueueSummary figures(String centerId, LocalDate from, LocalDate to);

    /**
     * A period's tickets.
     *
     * @param tickets               taken
     * @param called                called at least once (they have a wait)
     * @param served                finished (DONE)
     * @param abandoned             dropped after their no-shows, or left waiting or called at the end of a past day
     * @param averageWaitMinutes    taken to first call, over the called ones; null with none
     * @param averageServiceMinutes service start to finish, over the served ones; null with none
     * @param abandonmentRate       abandoned ÷ taken, four decimals; null with none taken
     * @param windows               per window that served: served count and average service time, by window number
     */
    record QueueSummary(long tickets, long called, long served, long abandoned, BigDecimal averageWaitMinutes,
                        BigDecimal averageServiceMinutes, BigDecimal abandonmentRate, List<WindowThroughput> windows) {
        public QueueSummary {
            windows = windows == null ? List.of() : List.copyOf(windows);
        }
    }

    /** A window's throughput in the period: tickets it finished and their average service time. */
    record WindowThroughput(int window, String windowId, long served, BigDecimal averageServiceMinutes) {
    }
}
