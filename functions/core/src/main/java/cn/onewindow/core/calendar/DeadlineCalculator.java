package cn.onewindow.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Deadline arithmetic for one service center: a {@link WorkingCalendar} plus {@link OfficeHours},
 * in {@link #ZONE}. Day-based limits end at close of business; suspension and warning arithmetic
 * counts minutes of office hours on working days.
 *
 * <p>Boundary convention: an instant at the end of an office-hours interval (e.g. Friday 18:00) is
 * the canonical name for "all of that interval used"; adding or subtracting working minutes never
 * moves a result forward to the start of the next interval (Monday 09:00) when it could stay at
 * the previous end. Adding or subtracting 0 minutes returns the instant unchanged.
 */
public final class DeadlineCalculator {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Refuse arithmetic that would walk further than this many days (about 100 years). */
    private static final int MAX_WALK_DAYS = 36_600;

    private final WorkingCalendar calendar;
    private final OfficeHours officeHours;

    public DeadlineCalculator(WorkingCalendar calendar, OfficeHours officeHours) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.officeHours = Objects.requireNonNull(officeHours, "officeHours");
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    /**
     * Due at close of business of the {@code workingDays}th working day after the acceptance date
     * (the acceptance day is not counted, the time of day of acceptance does not matter). 0 days:
     * close of business of the acceptance day when it is a working day and the case was accepted no
     * later than close of business; otherwise (after close of business, or on a non-working day)
     * close of business of the next working day. The due is never before {@code acceptedAt}.
     */
    public Deadline dueAfterWorkingDays(Instant acceptedAt, int workingDays) {
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + workingDays);
        }
        LocalDate accepted = date(acceptedAt);
        LocalDate due = calendar.addWorkingDays(accepted, workingDays);
        if (workingDays == 0 && closeOfBusiness(due).isBefore(acceptedAt)) {
            // same-day case accepted after close of business: the close of the next working day
            due = calendar.nextWorkingDay(due);
        }
        return new Deadline(closeOfBusiness(due), calendar.provisionalBetween(accepted, due));
    }

    /** Close of business of {@code date} in {@link #ZONE} (whether or not it is a working day). */
    public Instant closeOfBusiness(LocalDate date) {
        return at(date, officeHours.closeOfBusiness());
    }

    /** Whole minutes of office hours on working days in [from, to). {@code to} must not be before {@code from}. */
    public long workingMinutesBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' " + to + " is before 'from' " + from);
        }
        long seconds = 0;
        LocalDate last = date(to);
        for (LocalDate d = date(from); !d.isAfter(last); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            for (OfficeHours.TimeRange r : officeHours.intervals()) {
                Instant s = max(at(d, r.start()), from);
                Instant e = min(at(d, r.end()), to);
                if (e.isAfter(s)) {
                    seconds += Duration.between(s, e).getSeconds();
                }
            }
        }
        return seconds / 60;
    }

    /**
     * The instant {@code minutes} minutes of office time after {@code start}. A result exactly at the
     * end of an interval stays there (Fri 18:00 + 0 = Fri 18:00; Fri 17:00 + 60 = Fri 18:00;
     * Fri 18:00 + 1 = next working day 09:01).
     */
    public Instant addWorkingMinutes(Instant start, long minutes) {
        Objects.requireNonNull(start, "start");
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: " + minutes);
        }
        if (minutes == 0) {
            return start;
        }
        long remaining = Math.multiplyExact(minutes, 60L);
        LocalDate d = date(start);
        for (int i = 0; i < MAX_WALK_DAYS; i++, d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            for (OfficeHours.TimeRange r : officeHours.intervals()) {
                Instant e = at(d, r.end());
                if (!e.isAfter(start)) {
                    continue;
                }
                Instant s = max(at(d, r.start()), start);
                long available = Duration.between(s, e).getSeconds();
                if (remaining <= available) {
                    return s.plusSeconds(remaining);
                }
                remaining -= available;
            }
        }
        throw new IllegalArgumentException("adding " + minutes + " working minutes to " + start + " goes beyond "
                + MAX_WALK_DAYS + " days");
    }

    /**
     * The instant {@code minutes} minutes of office time before {@code end}. A result exactly at the
     * start of an interval is given as the end of the previous interval (Mon 18:00 − one day of
     * office minutes = the previous working day 18:00, not Mon 09:00).
     */
    public Instant subtractWorkingMinutes(Instant end, long minutes) {
        Objects.requireNonNull(end, "end");
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: " + minutes);
        }
        if (minutes == 0) {
            return end;
        }
        long remaining = Math.multiplyExact(minutes, 60L);
        List<OfficeHours.TimeRange> intervals = officeHours.intervals();
        LocalDate d = date(end);
        for (int i = 0; i < MAX_WALK_DAYS; i++, d = d.minusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            for (int k = intervals.size() - 1; k >= 0; k--) {
                OfficeHours.TimeRange r = intervals.get(k);
                Instant s = at(d, r.start());
                if (!s.isBefore(end)) {
                    continue;
                }
                Instant e = min(at(d, r.end()), end);
                long available = Duration.between(s, e).getSeconds();
                if (remaining < available) {
                    return e.minusSeconds(remaining);
                }
                remaining -= available;
            }
        }
        throw new IllegalArgumentException("subtracting " + minutes + " working minutes from " + end + " goes beyond "
                + MAX_WALK_DAYS + " days");
    }

    /**
     * New due after a suspension: the old due moved by the office minutes between suspension and
     * resumption. Provisional if any year touched (suspension to new due) is not loaded; callers
     * holding the previous {@link Deadline} should use {@link #resume(Deadline, Instant, Instant)}.
     */
    public Deadline resume(Instant oldDue, Instant suspendedAt, Instant resumedAt) {
        Objects.requireNonNull(oldDue, "oldDue");
        Objects.requireNonNull(suspendedAt, "suspendedAt");
        Objects.requireNonNull(resumedAt, "resumedAt");
        if (resumedAt.isBefore(suspendedAt)) {
            throw new IllegalArgumentException("resumed at " + resumedAt + " before suspended at " + suspendedAt);
        }
        // whole minutes: a suspension from 10:00:00.005 to 10:00:00.010 two days later stops the clock for exactly
        // the working minutes between 10:00 and 10:00, and due times stay on whole minutes
        Instant from = suspendedAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant to = resumedAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant newDue = addWorkingMinutes(oldDue, workingMinutesBetween(from, to));
        LocalDate first = date(min(oldDue, suspendedAt));
        LocalDate last = date(max(newDue, resumedAt));
        return new Deadline(newDue, calendar.provisionalBetween(first, last));
    }

    /** As {@link #resume(Instant, Instant, Instant)}, keeping the old deadline's provisional mark. */
    public Deadline resume(Deadline oldDue, Instant suspendedAt, Instant resumedAt) {
        Objects.requireNonNull(oldDue, "oldDue");
        Deadline d = resume(oldDue.dueAt(), suspendedAt, resumedAt);
        return new Deadline(d.dueAt(), d.provisional() || oldDue.provisional());
    }

    /**
     * New due after an extension of {@code days} working days (≥ 1): close of business of the
     * {@code days}th working day after the old due date. Check the request with
     * {@link ExtensionPolicy} first.
     */
    public Deadline extend(Instant oldDue, int days) {
        Objects.requireNonNull(oldDue, "oldDue");
        if (days < 1) {
            throw new IllegalArgumentException("an extension must be at least 1 working day: " + days);
        }
        LocalDate old = date(oldDue);
        LocalDate due = calendar.addWorkingDays(old, days);
        return new Deadline(closeOfBusiness(due), calendar.provisionalBetween(old, due));
    }

    /** As {@link #extend(Instant, int)}, keeping the old deadline's provisional mark. */
    public Deadline extend(Deadline oldDue, int days) {
        Objects.requireNonNull(oldDue, "oldDue");
        Deadline d = extend(oldDue.dueAt(), days);
        return new Deadline(d.dueAt(), d.provisional() || oldDue.provisional());
    }

    /**
     * The warning (预警) instant of a deadline whose clock started at {@code start} (acceptance, a task's
     * creation, a rectification's judgement): {@code workingDaysBefore} full days of office minutes before
     * {@code due}; when the office time from {@code start} to {@code due} is not longer than that lead, halfway
     * through that office time instead. Never before {@code start} (nor after {@code due}); 0 days gives
     * {@code due} itself.
     */
    public Instant warningPoint(Instant start, Instant due, int workingDaysBefore) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        if (workingDaysBefore < 0) {
            throw new IllegalArgumentException("working days before due must not be negative: " + workingDaysBefore);
        }
        if (!due.isAfter(start)) {
            return due;
        }
        long lead = workingDaysBefore * officeHours.minutesPerDay();
        if (lead == 0) {
            return due;
        }
        long whole = workingMinutesBetween(start, due);
        Instant warn = whole > lead ? subtractWorkingMinutes(due, lead) : addWorkingMinutes(start, whole / 2);
        return warn.isBefore(start) ? start : warn.isAfter(due) ? due : warn;
    }

    /** Office minutes from {@code due} to {@code now}; 0 if {@code now} is not after {@code due}. */
    public long workingMinutesLate(Instant due, Instant now) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(now, "now");
        return now.isAfter(due) ? workingMinutesBetween(due, now) : 0;
    }

    /** Number of working days d with {@code from < d <= to} (actual working days taken). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar.workingDaysBetween(from, to);
    }

    /** The calendar date of {@code instant} in {@link #ZONE}. */
    public static LocalDate date(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    private static Instant at(LocalDate date, java.time.LocalTime time) {
        return ZonedDateTime.of(date, time, ZONE).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
