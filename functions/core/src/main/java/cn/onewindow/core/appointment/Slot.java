package cn.onewindow.core.appointment;

import cn.onewindow.core.calendar.WorkingCalendar;
import cn.onewindow.core.queue.QueueConfig;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An appointment slot (预约时段) of a category at a center: from {@code start}, {@code minutes} long, for
 * {@code capacity} bookings, with {@code remaining} places left.
 */
public record Slot(LocalDate date, LocalTime start, LocalTime end, int capacity, int remaining) {

    /**
     * The slots of a category on a day: back to back from the center's opening time while they end by its closing
     * time, each as the category's slot rule says; none on a day the calendar does not count as working (weekends
     * and holidays; make-up working days are open), none for a category without a slot rule.
     */
    public static List<Slot> forDay(QueueConfig cfg, String category, LocalDate date, WorkingCalendar calendar) {
        QueueConfig.SlotRule rule = cfg.slots().stream().filter(r -> r.category().equals(category)).findFirst()
                .orElse(null);
        if (rule == null || !calendar.isWorkingDay(date)) return List.of();
        List<Slot> out = new ArrayList<>();
        LocalTime start = cfg.opensAt();
        while (true) {
            LocalTime end = start.plusMinutes(rule.minutes());
            if (end.isBefore(start) || end.isAfter(cfg.closesAt())) break;
            out.add(new Slot(date, start, end, rule.capacity(), rule.capacity()));
            start = end;
            if (start.equals(LocalTime.MIDNIGHT)) break;
        }
        return out;
    }

    public Slot withRemaining(int r) {
        return new Slot(date, start, end, capacity, Math.max(0, r));
    }
}
