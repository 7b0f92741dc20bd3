package cn.onewindow.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ScheduleTickerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LambdaHost function;

    @BeforeAll
    static void start() {
        function = Baseline.host("baseline-schedule").start();
    }

    @AfterAll
    static void stop() {
        if (function != null) {
            function.close();
        }
    }

    @Test
    void tickNowSendsAScheduledEventAtTheClocksTime() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T01:30:05.789Z"), ZoneOffset.UTC);
        try (ScheduleTicker ticker = ScheduleTicker.builder(function).clock(clock).ruleName("deadline-sweep")
                .start()) {
            JsonNode event = JSON.readTree(ticker.tickNow());

            assertEquals("0", event.get("version").asText());
            assertEquals(36, event.get("id").asText().length());
            assertEquals("Scheduled Event", event.get("detail-type").asText());
            assertEquals("aws.events", event.get("source").asText());
            assertEquals("2026-03-02T01:30:05Z", event.get("time").asText());
            assertEquals("cn-north-1", event.get("region").asText());
            assertEquals("arn:aws-cn:events:cn-north-1:000000000000:rule/deadline-sweep",
                    event.get("resources").get(0).asText());
            assertTrue(event.get("detail").isObject() && event.get("detail").isEmpty());
            assertEquals("onewindow-baseline-lambda", event.get("echoedBy").asText());
            assertEquals(1, ticker.ticks());
        }
    }

    @Test
    void ticksEveryPeriod() throws Exception {
        try (ScheduleTicker ticker = ScheduleTicker.builder(function).every(Duration.ofMillis(300)).start()) {
            Baseline.await("three ticks", Duration.ofSeconds(20), () -> ticker.ticks() >= 3);
            Baseline.await("three answers", Duration.ofSeconds(20), () -> ticker.lastResponse() != null);
            assertEquals(0, ticker.failures());
            Instant time = Instant.parse(JSON.readTree(ticker.lastResponse()).get("time").asText());
            assertTrue(Duration.between(time, Instant.now()).abs().getSeconds() < 60, time.toString());
        }
    }
}
