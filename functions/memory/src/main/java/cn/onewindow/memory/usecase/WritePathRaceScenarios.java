package cn.onewindow.memory.usecase;


import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.Written;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static cn.onewindow.memory.usecase.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case write path with eight writers on one case at the same moment, through the real store (dynoxide, real
 * SDK, the one retry policy): each writer either succeeds or gets a clear refusal that the API answers with 409 (a
 * lost race, or the step already taken by another) — never anything else; the stored case holds exactly one
 * result of the step and exactly one history line for it; its version counts exactly the successful writes.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class WritePathRaceScenarios extends OnPlatform {
    private static final int WRITERS = 8;
    private Services platform;

    @BeforeAll
    void setUp() {
        platform = seeded(Fixtures.fixed(FRIDAY_10_SHANGHAI));
    }

    /** Runs the writers released at one moment; returns each one's result or the exception it got. */
    private List<Object> atOnce(IntFunction<Written> writer) throws Exception {
        return Simultaneously.run(WRITERS, writer, Duration.ofSeconds(30), Duration.ofSeconds(120));
    }

    /**
     * Asserts the outcome of a race for a step that happens once: exactly one writer succeeded, every other got a 409
     * kind of refusal, the step's history line is there once, and the case changed exactly once.
     */
    private Written exactlyOneWon(String caseId, long versionBefore, int historyBefore, String event,
                                         List<Object> results) {
        return exactlyOneWon(caseId, versionBefore, historyBefore, event, results, null);
    }

    /** As above; {@code businessRefusal} is a further code the losers may get (the step's own rule, e.g. once). */
    private Written exactlyOneWon(String caseId, long versionBefore, int historyBefore, String event,
                                         List<Object> results, String businessRefusal) {
        List<Written> won = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof Written w) {
                won.add(w);
            } else {
                assertTrue(r instanceof DomainException, "a clear refusal, not " + r);
                DomainException e = (DomainException) r;
                assertTrue(e.kind() == DomainException.Kind.CONFLICT || e.kind() == DomainException.Kind.ILLEGAL_STATE
                        || e.code().equals(businessRefusal), "a 409, not " + e.kind() + " " + e.code());
            }
        }
        assertEquals(1, won.size(), "exactly one writer took the step: " + results);
        ServiceCase.Snapshot stored = platform.cases.find(caseId).orElseThrow();
        assertEquals(versionBefore + 1, stored.version(), "the case changed once");
        List<HistoryEntry> h = platform.cases.history(caseId);
        assertEquals(won.get(0).snapshot().historySize(), h.size(), "the winner's history, and nothing more");
        assertTrue(h.size() > historyBefore);
        assertEquals(1, h.stream().filter(e -> e.event().equals(event)).count(), event + " once");
        for (int i = 0; i < h.size(); i++) assertEquals(i + 1, h.get(i).seq(), "gap-free history");
        assertEquals(h.size(), stored.historySize());
        return won.get(0);
    }

    private String accepted(String applicant) {
        return platform.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, applicant), null)
                .snapshot().id();
    }

    private ServiceCase.Snapshot now(String id) {
        return platform.cases.find(id).orElseThrow();
    }

    @Test
    void eightSimultaneousDecisionsDecideOnceWithTheWinnersOutcome() throws Exception {
        String id = accepted("周决定");
        ServiceCase.Snapshot before = now(id);
        List<Object> results = atOnce(i -> platform.caseService.decide(WINDOW, id, i % 2 == 0
                ? new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of())
                : new CaseCommands.Decide(Decision.Outcome.DENY, List.of("理由" + i)), null));
        Written won = exactlyOneWon(id, before.version(), before.historySize(),
                won(results).snapshot().status().name(), results);
        ServiceCase.Snapshot stored = now(id);
        assertEquals(won.snapshot().status(), stored.status());
        assertEquals(won.snapshot().decision(), stored.decision(), "the stored decision is the winner's, whole");
    }

    @Test
    void eightSimultaneousSuspensionsSuspendOnceWithTheWinnersReason() throws Exception {
        String id = accepted("周暂停");
        ServiceCase.Snapshot before = now(id);
        List<Object> results = atOnce(i -> platform.caseService.suspend(WINDOW, id,
                new CaseCommands.Suspend(Suspension.Kind.SITE_INSPECTION, "勘查" + i), null));
        Written won = exactlyOneWon(id, before.version(), before.historySize(), "SUSPENDED", results);
        ServiceCase.Snapshot stored = now(id);
        assertEquals(CaseStatus.SUSPENDED, stored.status());
        assertEquals(1, stored.suspensions().size());
        assertEquals(won.snapshot().suspensions().get(0).reason(), stored.suspensions().get(0).reason());
    }

    @Test
    void eightSimultaneousResumptionsResumeOnce() throws Exception {
        String id = accepted("周恢复");
        platform.caseService.suspend(WINDOW, id, new CaseCommands.Suspend(Suspension.Kind.TESTING, "检测"), null);
        ServiceCase.Snapshot before = now(id);
        List<Object> results = atOnce(i -> platform.caseService.resume(WINDOW, id, new CaseCommands.Resume("好了" + i),
                null));
        exactlyOneWon(id, before.version(), before.historySize(), "RESUMED", results);
        ServiceCase.Snapshot stored = now(id);
        assertEquals(CaseStatus.IN_REVIEW, stored.status());
        assertTrue(stored.suspensions().get(0).resumedAt() != null);
    }

    @Test
    void eightSimultaneousExtensionsExtendOnceByTheWinnersDays() throws Exception {
        String id = accepted("周延期");
        ServiceCase.Snapshot before = now(id);
        List<Object> results = atOnce(i -> platform.caseService.extend(WINDOW, id,
                new CaseCommands.Extend(1 + i % 5, "需要延期" + i), null));
        // the losers learn the extension was used (422 EXTENSION_ALREADY_USED, the rule "once") or lost the race (409)
        Written won = exactlyOneWon(id, before.version(), before.historySize(), "EXTENDED", results,
                "EXTENSION_ALREADY_USED");
        ServiceCase.Snapshot stored = now(id);
        assertEquals(won.snapshot().extensionDays(), stored.extensionDays());
        assertEquals(won.snapshot().extensionReason(), stored.extensionReason());
        assertEquals(won.snapshot().dueAt(), stored.dueAt(), "the due moved once, by the winner's days");
    }

    @Test
    void eightSimultaneousHandOversDeliverOnce() throws Exception {
        String id = accepted("周送达");
        platform.caseService.decide(WINDOW, id, new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()), null);
        platform.caseService.issueResult(WINDOW, id, new CaseCommands.IssueResult(null), null);
        ServiceCase.Snapshot before = now(id);
        List<Object> results = atOnce(i -> platform.caseService.deliver(WINDOW, id,
                new CaseCommands.Deliver("申请人" + i, "当面签收", null, null), null));
        Written won = exactlyOneWon(id, before.version(), before.historySize(), "DELIVERED", results);
        ServiceCase.Snapshot stored = now(id);
        assertEquals(CaseStatus.DELIVERED, stored.status());
        assertEquals(won.snapshot().deliveredTo(), stored.deliveredTo());
    }

    @Test
    void eightSimultaneousWithdrawalsWithdrawOnce() throws Exception {
        String id = accepted("周撤回");
        ServiceCase.Snapshot before = now(id);
        List<Object> results = atOnce(i -> platform.caseService.withdraw(WINDOW, id,
                new CaseCommands.Withdraw("申请人撤回" + i), null));
        exactlyOneWon(id, before.version(), before.historySize(), "WITHDRAWN", results);
        assertEquals(CaseStatus.WITHDRAWN, now(id).status());
    }

    /** Different steps at once on one case (suspend, extend, decide, withdraw): each that succeeds is kept whole. */
    @Test
    void eightDifferentStepsAtOnceKeepEverySuccessfulOneAndNoOther() throws Exception {
        String id = accepted("周混合");
        ServiceCase.Snapshot before = now(id);
        List<Object> results = atOnce(i -> switch (i % 4) {
            case 0 -> platform.caseService.suspend(WINDOW, id,
                    new CaseCommands.Suspend(Suspension.Kind.HEARING, "听证" + i), null);
            case 1 -> platform.caseService.extend(WINDOW, id, new CaseCommands.Extend(3, "延期" + i), null);
            case 2 -> platform.caseService.decide(WINDOW, id,
                    new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()), null);
            default -> platform.caseService.withdraw(WINDOW, id, new CaseCommands.Withdraw("撤回" + i), null);
        });
        int successes = 0;
        for (Object r : results) {
            if (r instanceof Written) {
                successes++;
            } else {
                assertTrue(r instanceof DomainException, "a clear refusal, not " + r);
                DomainException e = (DomainException) r;
                assertTrue(e.kind() == DomainException.Kind.CONFLICT || e.kind() == DomainException.Kind.ILLEGAL_STATE
                        || e.code().equals("EXTENSION_ALREADY_USED"), e.kind() + " " + e.code());
            }
        }
        assertTrue(successes >= 1, "at least one step won: " + results);
        ServiceCase.Snapshot stored = now(id);
        assertEquals(before.version() + successes, stored.version(), "each success is one change, none lost");
        List<HistoryEntry> h = platform.cases.history(id);
        assertEquals(h.size(), stored.historySize());
        for (int i = 0; i < h.size(); i++) assertEquals(i + 1, h.get(i).seq(), "gap-free history");
        long steps = h.stream().skip(before.historySize()).filter(e -> List.of("SUSPENDED", "EXTENDED", "APPROVED",
                "WITHDRAWN").contains(e.event())).count();
        assertEquals(successes, steps, "one history line per successful step: " + h);
    }

    private Written won(List<Object> results) {
        return results.stream().filter(r -> r instanceof Written).map(r -> (Written) r).findFirst().orElseThrow(
                () -> new AssertionError("nobody won: " + results));
    }
}
