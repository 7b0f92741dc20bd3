package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.ConflictException;
import cn.onewindow.sdk.NotFoundException;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.ValidationException;
import cn.onewindow.sdk.model.Appointment;
import cn.onewindow.sdk.model.AppointmentSlot;
import cn.onewindow.sdk.model.IdType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appointments (预约) through the SDK against the running local system: an agent books, the citizen manages. */
@ExtendWith(LocalPlatform.class)
class AppointmentsTest {
    static final String CENTER = DemoData.COUNTY_CENTER;

    @Test
    void anAgentBooksForAVillagerWhoManagesItWithTheBookingCode() {
        OneWindowClient agent = LocalPlatform.client("demo-agent");
        OneWindowClient citizen = OneWindowClient.builder().baseUrl(LocalPlatform.baseUrl()).build();
        // the first day with slots of C (60 minutes, 2 places) from the local system's start on
        LocalDate day = null;
        List<AppointmentSlot> slots = null;
        for (int d = 1; d <= 20 && day == null; d++) {
            LocalDate candidate = LocalDate.of(2025, 4, 25).plusDays(d);
            try {
                List<AppointmentSlot> s = citizen.appointments().slots(CENTER, "C", candidate);
                if (!s.isEmpty()) {
                    day = candidate;
                    slots = s;
                }
            } catch (ValidationException e) {
                // before today or beyond the booking horizon of the (moved) clock
            }
        }
        assertNotNull(day, "a working day with slots");
        assertEquals(2, slots.get(0).capacity());
        AppointmentSlot first = slots.get(0);
        AppointmentSlot second = slots.get(1);
        Appointment booked = agent.appointments().book(CENTER, "C", day, first.start(), "赵六", IdType.RESIDENT_ID,
                "330110198003150022", "13812345678");
        assertTrue(booked.id().matches("APT-[A-Z0-9]{8}"), booked.id());
        assertTrue(booked.bookingCode().matches("\\d{6}"));
        assertEquals("BOOKED", booked.status());
        assertEquals("赵*", booked.maskedName());
        assertTrue(booked.bookedByAgent());
        assertEquals(first.remaining() - 1, citizen.appointments().slots(CENTER, "C", day).get(0).remaining());
        // one active booking per person and category
        ConflictException twice = assertThrows(ConflictException.class, () -> agent.appointments().book(CENTER, "C",
                second.date(), second.start(), "赵六", IdType.RESIDENT_ID, "330110198003150022",
                "13812345678"));
        assertEquals("ALREADY_BOOKED", twice.code());

        String code = booked.bookingCode();
        Appointment read = citizen.appointments().get(booked.id(), code);
        assertNull(read.bookingCode(), "shown once");
        assertEquals(first.date(), read.date());
        assertThrows(NotFoundException.class, () -> citizen.appointments().get(booked.id(),
                code.equals("000000") ? "111111" : "000000"));
        Appointment moved = citizen.appointments().reschedule(booked.id(), code, day, second.start());
        assertEquals(second.start(), moved.start());
        // check-in opens 30 minutes before the slot: not now
        assertEquals("CHECK_IN_CLOSED", assertThrows(ConflictException.class,
                () -> citizen.appointments().checkIn(booked.id(), code)).code());
        assertEquals("CANCELLED", citizen.appointments().cancel(booked.id(), code).status());
        assertEquals("CANCELLED", agent.appointments().get(booked.id(), null).status());
    }
}
