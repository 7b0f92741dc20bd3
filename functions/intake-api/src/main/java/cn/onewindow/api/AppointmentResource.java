package cn.onewindow.api;

import cn.onewindow.api.dto.AppointmentViews;
import cn.onewindow.api.dto.QueueViews;
import java.time.Clock;
import cn.onewindow.core.appointment.Appointment;
import cn.onewindow.core.appointment.AppointmentService;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Appointments (预约). Citizens call without a bearer token: they book with name, ID and phone and get a booking code
 * once; the appointment id with that code (header {@value #CODE}) reads, reschedules, cancels and checks in, with
 * tries limited per appointment (10) and per client address (60) an hour ({@code 429 RATE_LIMITED}); a wrong code
 * answers like an unknown id ({@code 404 APPOINTMENT_NOT_FOUND}). With a bearer token: agents book for villagers,
 * window staff at their center, kiosks check in with the code the citizen enters.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "appointments", description = "预约: slots, booking, reschedule, cancel, check-in")
public class AppointmentResource {
    public static final String CODE = "X-Booking-Code";

    private final AppointmentService appointmentService;
    private final Clock clock;
    private final CurrentCaller current;

    @Inject
    public AppointmentResource(AppointmentService appointmentService, Clock clock, CurrentCaller current) {
        this.appointmentService = appointmentService;
        this.clock = clock;
        this.current = current;
    }

    @GET
    @Path("/centers/{centerId}/appointment-slots")
    @Operation(summary = "The slots of a category on a day with the places left (public; none on non-working days);"
            + " always the center's bookable categories (alone when category and date are left out)")
    public AppointmentViews.Slots slots(@PathParam("centerId") String centerId,
                                        @Parameter(description = "YYYY-MM-DD") @QueryParam("date") String date,
                                        @Parameter(description = "category prefix, e.g. A") @QueryParam("category")
                                        String category) {
        List<AppointmentService.Bookable> categories = appointmentService.bookable(centerId);
        if (category == null && date == null) {
            return new AppointmentViews.Slots(centerId, null, null, today(), List.of(), categories);
        }
        LocalDate day = date(date, "date");
        return new AppointmentViews.Slots(centerId, category, day, today(), appointmentService.slots(centerId,
                category, day).stream().map(AppointmentViews.SlotView::of).toList(), categories);
    }

    @POST
    @Path("/appointments")
    @Operation(summary = "Book a slot (201 with the booking code, shown once); 409 SLOT_FULL, ALREADY_BOOKED, "
            + "BOOKING_BLOCKED")
    public Response book(AppointmentViews.Book body, @Context APIGatewayV2HTTPEvent event) {
        CaseResource.requireBody(body);
        IdType idType = CaseResource.parse(IdType.class, body.idType(), "idType");
        AppointmentService.Booked b = appointmentService.book(current.orNull(), new AppointmentService.Book(
                body.centerId(), body.category(), date(body.date(), "date"), time(body.start()), body.name(), idType,
                body.idNumber(), body.phone()), ProgressResource.sourceIp(event));
        return Response.created(URI.create("/v1/appointments/" + b.appointment().id()))
                .entity(view(b.appointment(), b.bookingCode())).build();
    }

    @GET
    @Path("/appointments/{id}")
    @Operation(summary = "A booking (with its booking code, or a caller in scope)")
    public AppointmentViews.AppointmentView get(@PathParam("id") String id, @HeaderParam(CODE) String code,
                                                @Context APIGatewayV2HTTPEvent event) {
        return view(appointmentService.get(current.orNull(), id, code, ProgressResource.sourceIp(event)),
                null);
    }

    @PATCH
    @Path("/appointments/{id}")
    @Operation(summary = "Reschedule to another slot of the same category (409 SLOT_FULL)")
    public AppointmentViews.AppointmentView reschedule(@PathParam("id") String id, @HeaderParam(CODE) String code,
                                                       AppointmentViews.Reschedule body,
                                                       @Context APIGatewayV2HTTPEvent event) {
        CaseResource.requireBody(body);
        return view(appointmentService.reschedule(current.orNull(), id, code, date(body.date(), "date"),
                time(body.start()), ProgressResource.sourceIp(event)), null);
    }

    @DELETE
    @Path("/appointments/{id}")
    @Operation(summary = "Cancel: the place is free again; the answer is the cancelled booking")
    public AppointmentViews.AppointmentView cancel(@PathParam("id") String id, @HeaderParam(CODE) String code,
                                                   @Context APIGatewayV2HTTPEvent event) {
        return view(appointmentService.cancel(current.orNull(), id, code, ProgressResource.sourceIp(event)),
                null);
    }

    @POST
    @Path("/appointments/{id}/check-in")
    @Operation(summary = "Check in within the window around the slot: a priority ticket (409 CHECK_IN_CLOSED)")
    public AppointmentViews.CheckedIn checkIn(@PathParam("id") String id, @HeaderParam(CODE) String code,
                                              @Context APIGatewayV2HTTPEvent event) {
        AppointmentService.CheckedIn c = appointmentService.checkIn(current.orNull(), id, code,
                ProgressResource.sourceIp(event));
        return new AppointmentViews.CheckedIn(view(c.appointment(), null), QueueViews.TicketView.of(c.ticket()));
    }

    private LocalDate today() {
        return cn.onewindow.core.queue.QueueService.today(clock.instant());
    }

    private AppointmentViews.AppointmentView view(Appointment a, String code) {
        return AppointmentViews.AppointmentView.of(a, appointmentService.policy().checkInBeforeMinutes(),
                code);
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.validation(List.of(FieldError.of(field, "REQUIRED", "必填", "is required")));
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.validation(List.of(FieldError.of(field, "INVALID_DATE", "日期格式应为YYYY-MM-DD",
                    "a date is YYYY-MM-DD")));
        }
    }

    static LocalTime time(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.validation(List.of(FieldError.of("start", "REQUIRED", "必填", "is required")));
        }
        try {
            if (value.length() == 5 || value.length() == 8) return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw DomainException.validation(List.of(FieldError.of("start", "INVALID_TIME", "时间格式应为HH:mm",
                "a time is HH:mm")));
    }
}
