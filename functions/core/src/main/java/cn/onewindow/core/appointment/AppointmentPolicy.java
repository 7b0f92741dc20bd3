package cn.onewindow.core.appointment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The appointment rules of a deployment: the check-in window around a slot, when a booking not checked in counts as a
 * no-show, and the no-show block (by default three no-shows within 90 days block booking for 30 days).
 *
 * @param checkInBeforeMinutes check-in opens this long before the slot starts (it closes when the slot ends)
 * @param noShowGraceMinutes   a booking not checked in this long after its slot ended is a no-show
 * @param noShowLimit          the no-show that makes this many within {@code noShowWindowDays} blocks booking
 * @param noShowWindowDays     a no-show counts on its own day and the following days up to this many in all
 * @param blockDays            the block lasts this many days from the day of that no-show
 * @param bookAheadDays        slots are offered from today up to this many days ahead
 */
public record AppointmentPolicy(int checkInBeforeMinutes, int noShowGraceMinutes, int noShowLimit,
                                int noShowWindowDays, int blockDays, int bookAheadDays) {
    public static final AppointmentPolicy DEFAULT = new AppointmentPolicy(30, 15, 3, 90, 30, 14);

    public AppointmentPolicy {
        if (checkInBeforeMinutes < 0 || noShowGraceMinutes < 0 || noShowLimit < 1 || noShowWindowDays < 1
                || blockDays < 0 || bookAheadDays < 0) {
            throw new IllegalArgumentException("invalid appointment policy");
        }
    }

    /**
     * The first day booking is open again, if the person is blocked on {@code today}: some no-show made
     * {@code noShowLimit} within {@code noShowWindowDays} (that one and those before it in the window) and
     * {@code today} is less than {@code blockDays} after it.
     *
     * @param noShows the days of the person's no-shows (any order; at least the last window + block days)
     */
    public Optional<LocalDate> blockedUntil(List<LocalDate> noShows, LocalDate today) {
        List<LocalDate> sorted = noShows.stream().sorted().toList();
        LocalDate until = null;
        for (int i = noShowLimit - 1; i < sorted.size(); i++) {
            LocalDate trigger = sorted.get(i);
            LocalDate first = sorted.get(i - noShowLimit + 1);
            // the first still counts on the trigger's day: at most noShowWindowDays - 1 days before it
            if (first.plusDays(noShowWindowDays).isAfter(trigger) && !trigger.isAfter(today)) {
                LocalDate end = trigger.plusDays(blockDays);
                if (end.isAfter(today) && (until == null || end.isAfter(until))) until = end;
            }
        }
        return Optional.ofNullable(until);
    }

    /** How far back no-shows matter for {@link #blockedUntil}. */
    public LocalDate lookBackFrom(LocalDate today) {
        return today.minusDays((long) noShowWindowDays + blockDays);
    }
}
