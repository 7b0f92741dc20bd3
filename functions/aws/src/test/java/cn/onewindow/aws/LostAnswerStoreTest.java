package cn.onewindow.aws;

import cn.onewindow.aws.faults.Fault;
import cn.onewindow.aws.faults.FaultInjectingHttpClient;
import cn.onewindow.aws.faults.FaultPlan;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.points.ServicePoint;
import cn.onewindow.core.ports.RequestClaim;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.Written;
import cn.onewindow.infrastructure.EmbeddedAws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.onewindow.aws.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.aws.Fixtures.WINDOW;
import static cn.onewindow.aws.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write that was applied but whose answer was lost: the SDK sends it again, and for a conditional write the
 * condition now fails on our own write. That must read as "done", never as a conflict with someone else. Run
 * against dynoxide through the real SDK, with the fault injector answering-then-losing every attempt but the SDK's
 * last.
 */
@ExtendWith(LocalDynamo.class)
class LostAnswerStoreTest {
    private static LocalDynamo.Tables tables;

    @BeforeAll
    static void setUp(LocalDynamo.Tables t) {
        tables = t;
        t.seededPlatform(Fixtures.fixed(FRIDAY_10_SHANGHAI));
    }

    /** A client on the test's tables whose every attempt of {@code operation} but the last is applied, then lost. */
    private static DynamoDbClient losingAnswersTo(String operation, FaultPlan[] plan) {
        plan[0] = FaultPlan.always(operation, Fault.TIMEOUT_AFTER_APPLY);
        return tables.aws().dynamoDbClientBuilder()
                .httpClient(new FaultInjectingHttpClient(EmbeddedAws.httpClient(), plan[0])).build();
    }

    @Test
    void anIdempotencyClaimWhoseAnswerWasLostIsOursNotAnotherRequestInProgress() {
        FaultPlan[] plan = new FaultPlan[1];
        Instant now = FRIDAY_10_SHANGHAI;
        try (DynamoDbClient lossy = losingAnswersTo("PutItem", plan)) {
            DynamoCaseRepository repo = new DynamoCaseRepository(lossy, tables.casesTable(),
                    tables.settings().idempotencyTable());
            RequestClaim claim = repo.claimRequest("caller#POST /v1/cases#lost-1", "digest-A", now,
                    Duration.ofSeconds(30));
            assertTrue(plan[0].total() >= 1, "the put was answered-then-lost at least once: " + plan[0]);
            assertEquals(RequestClaim.State.CLAIMED, claim.state(), "our own claim, found by the SDK's retry");
        }
        // another request with the same key meanwhile: it is in progress (ours), or reused with another body
        DynamoCaseRepository clean = new DynamoCaseRepository(tables.client(), tables.casesTable(),
                tables.settings().idempotencyTable());
        assertEquals(RequestClaim.State.IN_PROGRESS, clean.claimRequest("caller#POST /v1/cases#lost-1", "digest-A",
                now, Duration.ofSeconds(30)).state());
        assertEquals(RequestClaim.State.MISMATCH, clean.claimRequest("caller#POST /v1/cases#lost-1", "digest-B",
                now, Duration.ofSeconds(30)).state());
        // ours completes; a replay now gets the stored answer
        clean.completeRequest("caller#POST /v1/cases#lost-1", "digest-A",
                new RequestClaim.StoredResponse(201, "application/json", "/v1/cases/X", "{}"), now);
        RequestClaim replay = clean.claimRequest("caller#POST /v1/cases#lost-1", "digest-A", now,
                Duration.ofSeconds(30));
        assertEquals(RequestClaim.State.COMPLETED, replay.state());
        assertEquals(201, replay.response().status());
    }

    @Test
    void aServicePointSaveWhoseAnswerWasLostIsRecognisedAsOurOwnWrite() {
        DynamoServicePointDirectory clean = new DynamoServicePointDirectory(tables.client(),
                tables.settings().referenceTable());
        ServicePoint point = new ServicePoint("330110-LOST-01", "失联测试便民服务点", ServicePoint.Level.TOWNSHIP,
                DemoData.COUNTY_CENTER, DemoData.CITY, List.of(DemoData.COUNTY_CENTER, "330110-LOST-01"),
                ServicePoint.Status.OPEN, FRIDAY_10_SHANGHAI, null, null, 0);
        ServicePoint created = clean.save(point, 0);
        FaultPlan[] plan = new FaultPlan[1];
        try (DynamoDbClient lossy = losingAnswersTo("PutItem", plan)) {
            DynamoServicePointDirectory dir = new DynamoServicePointDirectory(lossy,
                    tables.settings().referenceTable());
            ServicePoint renamed = dir.save(created.renamed("失联测试便民服务点（新）"), created.version());
            assertTrue(plan[0].total() >= 1);
            assertEquals(created.version() + 1, renamed.version());
        }
        ServicePoint stored = clean.find("330110-LOST-01").orElseThrow();
        assertEquals("失联测试便民服务点（新）", stored.name());
        assertEquals(created.version() + 1, stored.version(), "written once, not twice");
    }

    @Test
    void ticketNumbersWhoseAnswersWereLostNeitherRepeatNorSkip() {
        FaultPlan[] plan = new FaultPlan[1];
        String center = "330110-LOST-" + System.nanoTime();
        java.time.LocalDate day = java.time.LocalDate.of(2025, 4, 25);
        try (DynamoDbClient lossy = losingAnswersTo("UpdateItem", plan)) {
            DynamoQueueStore store = new DynamoQueueStore(lossy, tables.casesTable(),
                    tables.settings().referenceTable());
            assertEquals(List.of(1L, 2L, 3L), List.of(store.nextNumber(center, day, "A"),
                    store.nextNumber(center, day, "A"), store.nextNumber(center, day, "A")));
            assertTrue(plan[0].total() >= 3, "every increment was applied, its answer lost, and resent: " + plan[0]);
        }
        DynamoQueueStore clean = new DynamoQueueStore(tables.client(), tables.casesTable(),
                tables.settings().referenceTable());
        assertEquals(4, clean.nextNumber(center, day, "A"), "the counter counted each take once");
    }

    @Test
    void aSessionWhoseCreationAnswerWasLostIsOursAndResolves() {
        FaultPlan[] plan = new FaultPlan[1];
        Instant now = FRIDAY_10_SHANGHAI;
        String tokenHash = cn.onewindow.core.access.Tokens.hash("lost-answer-session-token");
        try (DynamoDbClient lossy = losingAnswersTo("PutItem", plan)) {
            DynamoSessionStore store = new DynamoSessionStore(lossy, tables.settings().callersTable());
            store.createSession(new cn.onewindow.core.ports.SessionStore.Session(tokenHash, "window-001", "window",
                    "seeded-window", now, now, now.plus(Duration.ofHours(8)), false));
            assertTrue(plan[0].total() >= 1, "the put was answered-then-lost at least once: " + plan[0]);
        }
        DynamoSessionStore clean = new DynamoSessionStore(tables.client(), tables.settings().callersTable());
        cn.onewindow.core.ports.SessionStore.Session stored = clean.session(tokenHash).orElseThrow();
        assertEquals("window-001", stored.callerId());
        assertFalse(stored.revoked());
    }

    @Test
    void aWrongPasswordWhoseCountAnswerWasLostCountsOnce() {
        DynamoSessionStore clean = new DynamoSessionStore(tables.client(), tables.settings().callersTable());
        String name = "lost-count-" + System.nanoTime();
        clean.setCredential("caller-" + name, name, "hash", "cred-1", FRIDAY_10_SHANGHAI);
        FaultPlan[] plan = new FaultPlan[1];
        try (DynamoDbClient lossy = losingAnswersTo("UpdateItem", plan)) {
            DynamoSessionStore store = new DynamoSessionStore(lossy, tables.settings().callersTable());
            assertTrue(store.recordFailure(name, "cred-1", 0, 1, null), "our own count, found by the SDK's resend");
            assertTrue(plan[0].total() >= 1, "the update was answered-then-lost at least once: " + plan[0]);
        }
        assertEquals(1, clean.credential(name).orElseThrow().failures());
        assertFalse(clean.recordFailure(name, "cred-1", 0, 1, null), "another count from the same reading is refused");
    }

    /**
     * Case writes are transactions: the SDK's retry carries the same client request token, so DynamoDB applies the
     * first and answers the retry with success. A suspension, a resumption and a decision each land exactly once.
     */
    @Test
    void caseWritesWhoseAnswersWereLostLandOnceWithoutAConflict() {
        Platform clean = tables.platform(Fixtures.fixed(FRIDAY_10_SHANGHAI.plusSeconds(60)));
        String control = suspendResumeDecide(clean, "吕对照");
        FaultPlan[] plan = new FaultPlan[1];
        String lossyCase;
        try (DynamoDbClient lossy = losingAnswersTo("TransactWriteItems", plan)) {
            lossyCase = suspendResumeDecide(new Platform(tables.settings(),
                    Fixtures.fixed(FRIDAY_10_SHANGHAI.plusSeconds(60)), lossy), "吕失联");
            assertTrue(plan[0].total() >= 4, "intake and each of the three writes lost an answer: " + plan[0]);
        }
        assertEquals(CaseStatus.APPROVED, clean.cases.find(lossyCase).orElseThrow().status());
        assertEquals(clean.cases.find(control).orElseThrow().version(),
                clean.cases.find(lossyCase).orElseThrow().version(), "each write applied once");
        List<HistoryEntry> history = clean.cases.history(lossyCase);
        assertEquals(clean.cases.history(control).size(), history.size(), "one history entry per step, none doubled");
        for (int i = 0; i < history.size(); i++) assertEquals(i + 1, history.get(i).seq());
    }

    private static String suspendResumeDecide(Platform p, String applicant) {
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, applicant), null)
                .snapshot().id();
        p.caseService.suspend(WINDOW, id, new CaseCommands.Suspend(Suspension.Kind.SITE_INSPECTION, "现场勘查"), null);
        p.caseService.resume(WINDOW, id, new CaseCommands.Resume("勘查完毕"), null);
        Written decided = p.caseService.decide(WINDOW, id, new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()),
                null);
        assertEquals(CaseStatus.APPROVED, decided.snapshot().status());
        return id;
    }
}
