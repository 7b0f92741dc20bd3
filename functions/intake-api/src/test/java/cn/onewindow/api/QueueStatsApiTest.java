package cn.onewindow.api;

import cn.onewindow.aws.Platform;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.queue.Ticket;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;

import static cn.onewindow.api.IntakeApiTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The queue figures in {@code GET /v1/stats}: four tickets of Thursday 2025-04-24 stored with known times (the API's
 * clock is on Friday 2025-04-25, so the one left waiting is abandoned) give exact averages, rate and throughput.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class QueueStatsApiTest {
    static final String CENTER = DemoData.COUNTY_CENTER;
    static final LocalDate THURSDAY = LocalDate.of(2025, 4, 24);

    @Inject
    Platform platform;

    static Instant at(String time) {
        return LocalDateTime.of(THURSDAY, LocalTime.parse(time)).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** Stores a ticket taken at {@code taken} and then each step, as the store's conditional writes do. */
    void ticket(String number, String taken, List<UnaryOperator<Ticket>> steps) {
        Ticket t = platform.queueStore.save(null, Ticket.take(CENTER, THURSDAY, number, number.substring(0, 1), null,
                at(taken), null, null, null)).orElseThrow();
        for (UnaryOperator<Ticket> step : steps) t = platform.queueStore.save(t, step.apply(t)).orElseThrow();
    }

    @Test
    void statsCarryTheQueueFiguresOfThePeriod() {
        ticket("A001", "09:00:00", List.of(t -> t.call(1, at("09:04:00")), t -> t.start(at("09:05:00")),
                t -> t.finish(at("09:17:00"))));
        ticket("A002", "09:01:00", List.of(t -> t.call(5, at("09:10:00")), t -> t.start(at("09:10:30")),
                t -> t.finish(at("09:18:30"))));
        ticket("A003", "09:02:00", List.of(t -> t.call(1, at("09:20:00")), t -> t.noShow(1, at("09:22:00"))));
        ticket("B001", "16:50:00", List.of());

        as("demo-supervisor").queryParam("centerId", CENTER).queryParam("from", "2025-04-24")
                .queryParam("to", "2025-04-24").queryParam("groupBy", "ITEM").get("/v1/stats").then()
                .statusCode(200)
                .body("queue.tickets", equalTo(4))
                .body("queue.called", equalTo(3))
                .body("queue.served", equalTo(2))
                .body("queue.abandoned", equalTo(2))
                // waits 4, 9 and 18 minutes; services 12 and 8 minutes; 2 of 4 abandoned
                .body("queue.averageWaitMinutes", equalTo(10.33f))
                .body("queue.averageServiceMinutes", equalTo(10.0f))
                .body("queue.abandonmentRate", equalTo(0.5f))
                .body("queue.windows.size()", equalTo(2))
                .body("queue.windows[0].windowId", equalTo(CENTER + "-W01"))
                .body("queue.windows[0].served", equalTo(1))
                .body("queue.windows[0].averageServiceMinutes", equalTo(12.0f))
                .body("queue.windows[1].window", equalTo(5))
                .body("queue.windows[1].averageServiceMinutes", equalTo(8.0f));
        // window staff see their own center's; a period without tickets has no averages
        as("demo-window").queryParam("centerId", CENTER).queryParam("from", "2025-04-19")
                .queryParam("to", "2025-04-20").get("/v1/stats").then().statusCode(200)
                .body("queue.tickets", equalTo(0)).body("queue.averageWaitMinutes", nullValue())
                .body("queue.abandonmentRate", nullValue());
        // a ticket reads its own wait and service time
        as("demo-window").get("/v1/tickets/" + Ticket.idOf(CENTER, THURSDAY, "A001")).then().statusCode(200)
                .body("waitSeconds", equalTo(240)).body("serviceSeconds", equalTo(720));
    }
}
