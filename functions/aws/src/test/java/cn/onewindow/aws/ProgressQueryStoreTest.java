package cn.onewindow.aws;

import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.ProgressService;
import cn.onewindow.core.service.Written;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen's progress query against dynoxide: the query password drawn at intake is stored only as a keyed hash,
 * opens the case's progress (masked name, steps without people or reasons), and every failure looks the same; try
 * limits per case number and per client address hold and lapse with their hour.
 */
@ExtendWith(LocalDynamo.class)
class ProgressQueryStoreTest {
    static LocalDynamo.Tables tables;
    static AdjustableClock clock;
    static Platform platform;

    @BeforeAll
    static void setUp(LocalDynamo.Tables t) {
        tables = t;
        clock = AdjustableClock.startingAt(Fixtures.FRIDAY_10_SHANGHAI);
        platform = t.seededPlatform(clock);
    }

    static String code(Runnable r) {
        return assertThrows(DomainException.class, r::run).code();
    }

    @Test
    void thePasswordOpensTheProgressAndIsStoredOnlyAsAKeyedHash() {
        Written w = platform.caseService.intake(Fixtures.WINDOW,
                Fixtures.complete(DemoData.ITEM_TREE_FELLING, "张三丰"), null);
        String password = w.queryPassword();
        assertNotNull(password);
        assertTrue(password.matches("\\d{6}"), password);
        String id = w.snapshot().id();
        Map<String, AttributeValue> meta = Fixtures.rawItem(tables.client(), tables.casesTable(), id, "META");
        assertFalse(meta.toString().contains("\"" + password + "\""), "the password is stored in clear");
        assertTrue(platform.cases.find(id).orElseThrow().queryPasswordHash().startsWith("k1:"));

        ProgressService.Progress p = platform.progressService.query(id, password, "198.51.100.7");
        assertEquals(id, p.caseNumber());
        assertEquals(CaseStatus.ACCEPTED, p.status());
        assertEquals("张*丰", p.applicantName());
        assertEquals(w.snapshot().dueAt(), p.dueAt());
        assertEquals(w.snapshot().itemName(), p.itemName());
        assertEquals(java.util.List.of("SUBMITTED", "ACCEPTED"), p.steps().stream()
                .map(ProgressService.Step::event).toList());
        // a later step shows at once
        platform.caseService.suspend(Fixtures.WINDOW, id, new cn.onewindow.core.cases.usecase.CaseCommands.Suspend(
                cn.onewindow.core.cases.Suspension.Kind.SITE_INSPECTION, "现场核查"), null);
        assertEquals(CaseStatus.SUSPENDED, platform.progressService.query(id, password, "198.51.100.7").status());

        // a wrong password, an unknown case, a missing password: one answer
        assertEquals("PROGRESS_NOT_FOUND", code(() -> platform.progressService.query(id, "000000".equals(password)
                ? "111111" : "000000", "198.51.100.7")));
        assertEquals("PROGRESS_NOT_FOUND", code(() -> platform.progressService.query("20250425-NOPE", password,
                "198.51.100.7")));
        assertEquals("PROGRESS_NOT_FOUND", code(() -> platform.progressService.query(id, null, "198.51.100.7")));
    }

    @Test
    void aRefusedCaseHasNoPassword() {
        Written w = platform.caseService.intake(Fixtures.WINDOW,
                Fixtures.complete(DemoData.ITEM_GOLF_COURSE, "李四"), null);
        assertEquals(CaseStatus.NOT_ACCEPTED, w.snapshot().status());
        assertNull(w.queryPassword());
    }

    @Test
    void tenTriesPerCaseNumberAnHourThenRateLimitedEvenWithTheRightPassword() {
        Written w = platform.caseService.intake(Fixtures.WINDOW,
                Fixtures.complete(DemoData.ITEM_TREE_FELLING, "王五"), null);
        String id = w.snapshot().id();
        String wrong = w.queryPassword().equals("999999") ? "888888" : "999999";
        for (int i = 0; i < ProgressService.MAX_TRIES_PER_CASE - 1; i++) {
            // from different addresses: the case number's own limit
            String address = "203.0.113." + i;
            assertEquals("PROGRESS_NOT_FOUND", code(() -> platform.progressService.query(id, wrong, address)));
        }
        assertEquals(id, platform.progressService.query(id, w.queryPassword(), "203.0.113.50").caseNumber());
        DomainException limited = assertThrows(DomainException.class,
                () -> platform.progressService.query(id, w.queryPassword(), "203.0.113.51"));
        assertEquals("RATE_LIMITED", limited.code());
        long retry = ((DomainException.RateLimited) limited).retryAfterSeconds();
        assertTrue(retry > 0 && retry <= 3600, "Retry-After " + retry);
        clock.advance(Duration.ofSeconds(retry));
        assertEquals(id, platform.progressService.query(id, w.queryPassword(), "203.0.113.52").caseNumber());
    }

    @Test
    void sixtyTriesPerClientAddressAnHourAcrossCaseNumbers() {
        clock.advance(Duration.ofHours(1));
        String address = "192.0.2.77";
        for (int i = 0; i < ProgressService.MAX_TRIES_PER_ADDRESS; i++) {
            String n = "20250425-X" + i;
            assertEquals("PROGRESS_NOT_FOUND", code(() -> platform.progressService.query(n, "123456", address)),
                    "try " + (i + 1) + " at " + clock.instant());
        }
        assertEquals("RATE_LIMITED", code(() -> platform.progressService.query("20250425-Y", "123456", address)));
        // another address is not held back
        assertEquals("PROGRESS_NOT_FOUND", code(() -> platform.progressService.query("20250425-Y", "123456",
                "192.0.2.78")));
    }
}
