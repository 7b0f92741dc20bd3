package cn.onewindow.core.appointment;

import cn.onewindow.core.appointment.AppointmentService.Bookable;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.QueueStore;
import cn.onewindow.core.timers.Deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** What a center offers for booking (public, nothing personal): its categories, and a day's slots with places left. */
public final class ShowSlots {
    private final AppointmentStore store;
    private final QueueStore queues;
    private final Deadlines deadlines;
    private final AppointmentPolicy policy;
    private final Clock clock;

    ShowSlots(AppointmentStore store, QueueStore queues, Deadlines deadlines, AppointmentPolicy policy,
              Clock clock) {
        this.store = store;
        this.queues = queues;
        this.deadlines = deadlines;
        this.policy = policy;
        this.clock = clock;
    }

    /** The categories of a center that take bookings. */
    public List<Bookable> bookable(String centerId) {
        QueueConfig cfg = centerConfig(centerId);
        return cfg.slots().stream().map(r -> new Bookable(r.category(), cfg.category(r.category())
                .map(QueueConfig.Category::name).orElse(r.category()), r.minutes(), r.capacity())).toList();
    }

    /**
     * The slots of a category at a center on a day with the places left. Today's slots that have started are left
     * out; a non-working day has none.
     */
    public List<Slot> slots(String centerId, String category, LocalDate date) {
        QueueConfig cfg = centerConfig(centerId);
        Validator v = new Validator();
        v.notBlank(category, "category").notNull(date, "date");
        v.require(category == null || cfg.slots().stream().anyMatch(r -> r.category().equals(category)), "category",
                "UNKNOWN_CATEGORY", "本中心没有此类别的预约", "the center takes no bookings for this category");
        LocalDate today = QueueService.today(clock.instant());
        v.require(date == null || (!date.isBefore(today) && !date.isAfter(today.plusDays(policy.bookAheadDays()))),
                "date", "OUT_OF_RANGE", "可预约今天起" + policy.bookAheadDays() + "天内",
                "bookings are taken from today up to " + policy.bookAheadDays() + " days ahead");
        v.throwIfInvalid();
        Map<LocalTime, Integer> taken = store.booked(centerId, category, date);
        Instant now = clock.instant();
        return Slot.forDay(cfg, category, date, deadlines.calculatorFor(centerId).calendar()).stream()
                .filter(s -> date.atTime(s.start()).atZone(DeadlineCalculator.ZONE).toInstant().isAfter(now))
                .map(s -> s.withRemaining(s.capacity() - taken.getOrDefault(s.start(), 0))).toList();
    }

    /** The offered slot at that start, or 422 with the field at fault. */
    Slot offered(String centerId, String category, LocalDate date, LocalTime start) {
        List<Slot> slots = slots(centerId, category, date);
        return slots.stream().filter(s -> s.start().equals(start)).findFirst().orElseThrow(() ->
                DomainException.validation(List.of(FieldError.of("start", "SLOT_NOT_OFFERED",
                        "该日期没有此预约时段（非工作日、已过或不在开放时间）",
                        "no slot starts then on that day (not a working day, past, or outside the hours)"))));
    }

    private QueueConfig centerConfig(String centerId) {
        if (centerId == null || centerId.length() > 40) throw AppointmentErrors.centerNotFound(centerId);
        return queues.config(centerId).orElseThrow(() -> AppointmentErrors.centerNotFound(centerId));
    }
}
