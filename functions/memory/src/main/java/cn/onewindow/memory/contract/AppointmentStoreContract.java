package cn.onewindow.memory.contract;

import cn.onewindow.core.appointment.Appointment;
import cn.onewindow.core.appointment.AppointmentStatus;
import cn.onewindow.core.appointment.AppointmentStore;
import cn.onewindow.core.appointment.AppointmentStore.Outcome;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.ports.CaseRepository;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.onewindow.memory.contract.ContractFixtures.T0;
import static cn.onewindow.memory.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link AppointmentStore} guarantees: a slot's counter is raised only below the capacity, however many
 * book at once; a person holds one active booking per category (the lock); a booking changes only from the version it
 * was read at; a write that is refused changes nothing and answers which condition failed, in the order
 * {@link Outcome} lists them; a cancellation frees its place, a no-show is recorded for the person; the reminder
 * reaches the notification outbox once, with the booking marked.
 */
public abstract class AppointmentStoreContract {
    private static final LocalDate DAY = LocalDate.parse("2026-12-03");
    private static final LocalTime TEN = LocalTime.of(10, 0);

    protected abstract AppointmentStore appointments();

    /** The case store whose notification outbox the reminders go into. */
    protected abstract CaseRepository cases();

    /** A new booking of a slot at a center of its own (so tests never share a counter). */
    private static Appointment booking(String center, String person, LocalDate date, LocalTime start) {
        return new Appointment(unique("APT"), center, "A", date, start, 30, AppointmentStatus.BOOKED,
                person, person + "#A", "王*明", "138****8000", "sealed", "code-hash", null, null, T0, T0, null, null,
                false, 0);
    }

    private List<String> active(LocalDate date, String center) {
        return appointments().activeOn(date).stream()
                .filter(id -> appointments().find(id).map(a -> a.centerId().equals(center)).orElse(false)).toList();
    }

    @Test
    void aSlotIsBookedOnlyBelowItsCapacityAndTheDayListsTheActiveBookings() {
        String center = unique("CTR");
        Appointment first = booking(center, unique("P"), DAY, TEN);
        Appointment second = booking(center, unique("P"), DAY, TEN);
        Appointment third = booking(center, unique("P"), DAY, TEN);
        assertEquals(Outcome.STORED, appointments().book(first, 2));
        assertEquals(Outcome.STORED, appointments().book(second, 2));
        assertEquals(Outcome.SLOT_FULL, appointments().book(third, 2));
        assertEquals(Map.of(TEN, 2), appointments().booked(center, "A", DAY));
        assertEquals(Map.of(), appointments().booked(center, "B", DAY), "another category counts apart");
        assertEquals(Map.of(), appointments().booked(center, "A", DAY.plusDays(1)), "another day counts apart");
        assertEquals(first, appointments().find(first.id()).orElseThrow());
        assertTrue(appointments().find(third.id()).isEmpty(), "a refused booking is not stored");
        assertEquals(List.of(first.id(), second.id()).stream().sorted().toList(),
                active(DAY, center).stream().sorted().toList());
        assertTrue(appointments().find(unique("APT")).isEmpty());
    }

    @Test
    void aPersonHoldsOneActiveBookingPerCategoryAndARefusedBookingTakesNoPlace() {
        String center = unique("CTR");
        String person = unique("P");
        Appointment held = booking(center, person, DAY, TEN);
        assertEquals(Outcome.STORED, appointments().book(held, 4));
        Appointment another = booking(center, person, DAY, LocalTime.of(11, 0));
        assertEquals(Outcome.ALREADY_BOOKED, appointments().book(another, 4));
        assertEquals(Map.of(TEN, 1), appointments().booked(center, "A", DAY), "the 11:00 slot was not touched");
        // the same id again (a booking that was stored meanwhile) under a lock of its own
        Appointment sameId = new Appointment(held.id(), center, "A", DAY, LocalTime.of(11, 0), 30,
                AppointmentStatus.BOOKED, unique("P"), unique("L"), "王*明", "138****8000", "sealed", "h", null, null,
                T0, T0, null, null, false, 0);
        assertEquals(Outcome.CHANGED, appointments().book(sameId, 4));
        // a full slot is reported before the lock
        Appointment full = booking(center, unique("P"), DAY, LocalTime.of(12, 0));
        assertEquals(Outcome.STORED, appointments().book(full, 1));
        assertEquals(Outcome.SLOT_FULL, appointments().book(booking(center, person, DAY, LocalTime.of(12, 0)), 1));
        assertEquals(Map.of(TEN, 1, LocalTime.of(12, 0), 1), appointments().booked(center, "A", DAY));
    }

    @Test
    void concurrentBookersOfTheLastPlacesGetExactlyTheCapacity() throws Exception {
        String center = unique("CTR");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Appointment a = booking(center, unique("P"), DAY, TEN);
                results.add(pool.submit(() -> {
                    start.await();
                    return appointments().book(a, 3);
                }));
            }
            start.countDown();
            for (Future<Outcome> f : results) outcomes.add(f.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, outcomes.stream().filter(o -> o == Outcome.STORED).count(), outcomes.toString());
        assertEquals(13, outcomes.stream().filter(o -> o == Outcome.SLOT_FULL).count(), outcomes.toString());
        assertEquals(Map.of(TEN, 3), appointments().booked(center, "A", DAY));
        assertEquals(3, active(DAY, center).size());
    }

    @Test
    void rescheduleMovesThePlaceAndTheDayEntryOnlyIntoAFreeSlotAndFromTheReadVersion() {
        String center = unique("CTR");
        Appointment full = booking(center, unique("P"), DAY, TEN);
        Appointment mine = booking(center, unique("P"), DAY, LocalTime.of(9, 0));
        assertEquals(Outcome.STORED, appointments().book(full, 1));
        assertEquals(Outcome.STORED, appointments().book(mine, 1));
        Appointment intoFull = mine.reschedule(DAY, TEN, 30, T0.plusSeconds(60));
        assertEquals(Outcome.SLOT_FULL, appointments().reschedule(mine, intoFull, 1));
        assertEquals(mine, appointments().find(mine.id()).orElseThrow(), "nothing changed");
        LocalDate next = DAY.plusDays(1);
        Appointment moved = mine.reschedule(next, TEN, 30, T0.plusSeconds(60));
        assertEquals(Outcome.CHANGED, appointments().reschedule(mine.withVersion(5), moved, 1), "a stale version");
        assertEquals(Map.of(), appointments().booked(center, "A", next), "the refused move took no place");
        assertEquals(Outcome.STORED, appointments().reschedule(mine, moved, 1));
        Appointment stored = appointments().find(mine.id()).orElseThrow();
        assertEquals(1, stored.version());
        assertEquals(next, stored.date());
        assertEquals(Map.of(TEN, 1, LocalTime.of(9, 0), 0), appointments().booked(center, "A", DAY),
                "the old place is free (its counter stays, at zero)");
        assertEquals(Map.of(TEN, 1), appointments().booked(center, "A", next));
        assertEquals(List.of(full.id()), active(DAY, center));
        assertEquals(List.of(mine.id()), active(next, center));
        // the version it was read at is gone (the service never moves a booking into the slot it holds)
        assertEquals(Outcome.CHANGED, appointments().reschedule(mine, mine.reschedule(DAY, LocalTime.of(11, 0), 30,
                T0), 1));
        assertEquals(Map.of(TEN, 1, LocalTime.of(9, 0), 0), appointments().booked(center, "A", DAY));
    }

    @Test
    void cancellingFreesThePlaceAndTheLockAndANoShowIsRecordedForThePerson() {
        String center = unique("CTR");
        String person = unique("P");
        Appointment a = booking(center, person, DAY, TEN);
        assertEquals(Outcome.STORED, appointments().book(a, 1));
        Appointment cancelled = a.cancel(T0.plusSeconds(5));
        assertEquals(Outcome.CHANGED, appointments().close(a.withVersion(3), cancelled), "a stale version");
        assertEquals(Outcome.STORED, appointments().close(a, cancelled));
        assertEquals(AppointmentStatus.CANCELLED, appointments().find(a.id()).orElseThrow().status());
        assertEquals(Map.of(TEN, 0), appointments().booked(center, "A", DAY));
        assertEquals(List.of(), active(DAY, center));
        assertEquals(List.of(), appointments().noShows(person, DAY.minusDays(30)), "a cancellation is no no-show");
        assertEquals(Outcome.CHANGED, appointments().close(a, cancelled), "closed once only");

        // the person may book the category again, the same slot even; a no-show keeps its place taken
        Appointment again = booking(center, person, DAY, TEN);
        assertEquals(Outcome.STORED, appointments().book(again, 1));
        assertEquals(Outcome.STORED, appointments().close(again, again.noShow(T0.plusSeconds(9))));
        assertEquals(Map.of(TEN, 1), appointments().booked(center, "A", DAY));
        Appointment later = booking(center, person, DAY.plusDays(7), TEN);
        assertEquals(Outcome.STORED, appointments().book(later, 1), "the lock went with the no-show");
        assertEquals(Outcome.STORED, appointments().close(later, later.noShow(T0.plusSeconds(9))));
        assertEquals(List.of(DAY, DAY.plusDays(7)), appointments().noShows(person, DAY));
        assertEquals(List.of(DAY.plusDays(7)), appointments().noShows(person, DAY.plusDays(1)));
        assertEquals(List.of(), appointments().noShows(unique("P"), DAY));
    }

    @Test
    void anUpdateAndTheReminderHoldOnlyFromTheReadVersionAndTheReminderReachesTheOutboxOnce() {
        String center = unique("CTR");
        Appointment a = booking(center, unique("P"), DAY, TEN);
        assertEquals(Outcome.STORED, appointments().book(a, 1));
        Appointment ticketed = a.withTicket("T-1", "A001");
        assertEquals(Outcome.CHANGED, appointments().update(a.withVersion(2), ticketed));
        assertEquals(Outcome.STORED, appointments().update(a, ticketed));
        Appointment v1 = appointments().find(a.id()).orElseThrow();
        assertEquals(1, v1.version());
        assertEquals("T-1", v1.ticketId());

        java.time.Instant at = T0.plusSeconds(3600);
        Notification reminder = new Notification(unique("N"), a.id(), Notification.Kind.APPOINTMENT_REMINDER,
                Notification.Recipient.APPLICANT, null, "13800138000", "【预约提醒】王*明", at);
        assertEquals(Outcome.CHANGED, appointments().remind(a, v1.asReminded(), reminder), "a stale version");
        assertEquals(List.of(), outbox(a.id(), at));
        assertEquals(Outcome.STORED, appointments().remind(v1, v1.asReminded(), reminder));
        Appointment v2 = appointments().find(a.id()).orElseThrow();
        assertTrue(v2.reminded());
        assertEquals(2, v2.version());
        assertEquals(List.of(reminder.withPhone(null)), outbox(a.id(), at), "in the outbox without the phone");
        assertEquals(Outcome.CHANGED, appointments().remind(v2, v2.asReminded(), reminder), "the same reminder again");
        assertEquals(2, appointments().find(a.id()).orElseThrow().version(), "the booking was not written");
        assertEquals(1, outbox(a.id(), at).size());
    }

    private List<Notification> outbox(String appointmentId, java.time.Instant at) {
        return cases().unsentNotifications(at.minusSeconds(60), at.plusSeconds(60), 1000).stream()
                .filter(n -> n.caseId().equals(appointmentId)).toList();
    }
}
