package cn.onewindow.core.appointment;

import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.QueueStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The scheduled appointment sweep (run with the deadline checker): bookings still not checked in when their slot
 * ended plus the grace become no-shows (recorded per person: they count towards the booking block), and the
 * bookings of tomorrow get their reminder SMS through the notification outbox, from {@link #REMIND_FROM} on the day
 * before. It reads only the day entries of active bookings (a few days back, tomorrow), never the whole table.
 */
public final class AppointmentSweep {
    /** Days back whose unfinished bookings are looked at (a sweep that did not run for a while catches up). */
    public static final int DAYS_BACK = 7;
    /** Reminders for tomorrow go out from this local time on. */
    public static final LocalTime REMIND_FROM = LocalTime.of(9, 0);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final AppointmentStore store;
    private final QueueStore queues;
    private final AppointmentPolicy policy;
    private final Clock clock;

    public AppointmentSweep(AppointmentStore store, QueueStore queues, AppointmentPolicy policy, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.policy = policy;
        this.clock = clock;
    }

    public record Result(int noShows, int reminders) {
    }

    public Result run() {
        Instant now = clock.instant();
        LocalDate today = QueueService.today(now);
        int noShows = 0;
        for (int back = DAYS_BACK; back >= 0; back--) {
            for (String id : store.activeOn(today.minusDays(back))) {
                Optional<Appointment> a = store.find(id);
                if (a.isPresent() && a.get().noShowAt(now, policy)
                        && store.close(a.get(), a.get().noShow(now)) == AppointmentStore.Outcome.STORED) {
                    noShows++; // else it changed meanwhile (checked in, cancelled): the next run looks again
                }
            }
        }
        int reminders = 0;
        if (!now.atZone(cn.onewindow.core.calendar.DeadlineCalculator.ZONE).toLocalTime().isBefore(REMIND_FROM)) {
            for (String id : store.activeOn(today.plusDays(1))) {
                Optional<Appointment> a = store.find(id);
                if (a.isEmpty() || a.get().reminded() || a.get().status() != AppointmentStatus.BOOKED) continue;
                if (store.remind(a.get(), a.get().asReminded(), reminder(a.get(), now))
                        == AppointmentStore.Outcome.STORED) {
                    reminders++;
                }
            }
        }
        return new Result(noShows, reminders);
    }

    /** The reminder: masked name, day, time, category, where to check in; never the ID number or the code. */
    Notification reminder(Appointment a, Instant now) {
        String category = queues.config(a.centerId()).flatMap(c -> c.category(a.category()))
                .map(QueueConfig.Category::name).orElse(a.category());
        String text = "【预约提醒】" + a.maskedName() + "，您预约了明天（" + DAY.format(a.date()) + "）" + a.start() + "–"
                + a.end() + "办理" + category + "，请提前15分钟到大厅自助机凭预约号" + a.id() + "和预约码签到。";
        return new Notification(a.id() + "-REMIND-" + a.date(), a.id(), Notification.Kind.APPOINTMENT_REMINDER,
                Notification.Recipient.APPLICANT, null, null, text, now);
    }
}
