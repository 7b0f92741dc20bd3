package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.Json;
import cn.onewindow.sdk.internal.JsonObject;
import cn.onewindow.sdk.model.Appointment;
import cn.onewindow.sdk.model.AppointmentCheckIn;
import cn.onewindow.sdk.model.AppointmentSlot;
import cn.onewindow.sdk.model.IdType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appointments (预约): the slots of a center's category, booking for a villager (agents) or at the window, and the
 * booking's life: reschedule, cancel, check-in. A citizen's own booking is managed with its id and the booking code
 * (pass it as {@code bookingCode}; a client without a token may do so); with a token in scope pass {@code null}.
 * Get it from {@link OneWindowClient#appointments()}. Every write carries an idempotency key.
 */
public final class AppointmentsApi extends ApiPart {
    /** The header that carries the booking code. */
    public static final String CODE_HEADER = "X-Booking-Code";

    AppointmentsApi(HttpEngine http) {
        super(http);
    }

    /** The slots of a category on a day with the places left; none on a non-working day. */
    public List<AppointmentSlot> slots(String centerId, String category, LocalDate date) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("date", date.toString());
        q.put("category", category);
        JsonObject o = http.get("/v1/centers/" + HttpEngine.segment(centerId) + "/appointment-slots", q).object();
        List<AppointmentSlot> out = new ArrayList<>();
        for (JsonObject s : o.objects("slots")) {
            out.add(new AppointmentSlot(date, s.string("start"), s.string("end"), s.intValue("capacity", 0),
                    s.intValue("remaining", 0)));
        }
        return out;
    }

    /**
     * Books a slot for a person; the answer carries the booking code once.
     *
     * @param start {@code HH:mm} as {@link AppointmentSlot#start()} gives it
     * @throws ConflictException {@code SLOT_FULL}, {@code ALREADY_BOOKED} (one active booking per person and
     *                           category), {@code BOOKING_BLOCKED} (too many no-shows)
     */
    public Appointment book(String centerId, String category, LocalDate date, String start, String name,
                            IdType idType, String idNumber, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("centerId", centerId);
        body.put("category", category);
        body.put("date", date.toString());
        body.put("start", start);
        body.put("name", name);
        body.put("idType", idType.name());
        body.put("idNumber", idNumber);
        body.put("phone", phone);
        return appointment(http.write("POST", "/v1/appointments", Json.write(body), null).object());
    }

    /** @throws NotFoundException {@code APPOINTMENT_NOT_FOUND}: no such booking, or a wrong code (the same) */
    public Appointment get(String id, String bookingCode) {
        return appointment(http.get("/v1/appointments/" + HttpEngine.segment(id), null, code(bookingCode)).object());
    }

    /** To another slot of the same category (改约). @throws ConflictException {@code SLOT_FULL} */
    public Appointment reschedule(String id, String bookingCode, LocalDate date, String start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date.toString());
        body.put("start", start);
        return appointment(http.write("PATCH", "/v1/appointments/" + HttpEngine.segment(id), Json.write(body), null,
                code(bookingCode)).object());
    }

    /** Cancels; the place is free again. */
    public Appointment cancel(String id, String bookingCode) {
        return appointment(http.write("DELETE", "/v1/appointments/" + HttpEngine.segment(id), null, null,
                code(bookingCode)).object());
    }

    /**
     * Checks in (签到) from 30 minutes before the slot until it ends: a priority ticket of its category. Again: the
     * same ticket.
     *
     * @throws ConflictException {@code CHECK_IN_CLOSED} outside that window
     */
    public AppointmentCheckIn checkIn(String id, String bookingCode) {
        JsonObject o = http.write("POST", "/v1/appointments/" + HttpEngine.segment(id) + "/check-in", null, null,
                code(bookingCode)).object();
        return new AppointmentCheckIn(appointment(o.object("appointment")), QueueApi.ticket(o.object("ticket")));
    }

    private static Map<String, String> code(String bookingCode) {
        return bookingCode == null ? Collections.<String, String>emptyMap()
                : Collections.singletonMap(CODE_HEADER, bookingCode);
    }

    static Appointment appointment(JsonObject o) {
        return new Appointment(o.string("id"), o.string("centerId"), o.string("category"), o.date("date"),
                o.string("start"), o.string("end"), o.string("status"), o.string("maskedName"),
                o.string("maskedPhone"), o.booleanValue("bookedByAgent", false), o.instant("bookedAt"),
                o.instant("checkInFrom"), o.instant("checkInUntil"), o.string("ticketId"), o.string("ticketNumber"),
                o.string("bookingCode"));
    }
}
