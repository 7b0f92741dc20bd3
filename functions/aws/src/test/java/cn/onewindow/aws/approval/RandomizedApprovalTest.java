package cn.onewindow.aws.approval;

import cn.onewindow.core.approval.usecase.DecideTask;
import cn.onewindow.aws.DeadLetterRedrive;
import cn.onewindow.aws.Json;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A thousand joint cases through the real queue with everything that queues and people do: duplicated messages,
 * random order, workers that fail half-way, several workers at once, and departments deciding concurrently with the
 * deliveries of the same case. Every case must end in its one correct outcome, with no task doubled or lost and one
 * final transition. The seed is printed; {@code -Dapproval.seed=N} replays a run's random choices (thread timing
 * differs from run to run).
 */
@ExtendWith(LocalDynamo.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RandomizedApprovalTest {
    private static final int CASES = Integer.getInteger("approval.cases", 1000);
    private static final int INTAKE_THREADS = 3;
    private static final double DUPLICATE_RATE = 0.20;
    private static final double FAILURE_RATE = 0.10;
    private static final int DENY_ONE_IN = 10;
    /**
     * How long the run may take before the test fails ({@code -Dapproval.budget.seconds}). The run is CPU-bound
     * (ElasticMQ and the SDK clients run in this JVM, dynoxide beside it, about 2.5 ms of CPU per store call, some
     * 48 calls per case): roughly 60–90 s when it has both cores of a 2-core machine to itself. The default leaves
     * room for a machine shared with other work; the time taken and the CPU used are printed.
     */
    private static final long BUDGET_MILLIS = Long.getLong("approval.budget.seconds", 420) * 1000;
    private static final String DENY_REASON = "审查不通过";

    private static ApprovalRig rig;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        rig = ApprovalRig.create(tables);
        rig.setVisibilityTimeout(rig.approvalQueue, 2);
    }

    @AfterAll
    static void tearDown() {
        rig.close();
    }

    /** The department's decision on a task: fixed by the seed and the task, so a retried decision is the same. */
    private static boolean denies(long seed, String taskId) {
        return new Random(seed * 31 + taskId.hashCode()).nextInt(DENY_ONE_IN) == 0;
    }

    @Test
    void aThousandJointCasesEndInTheirOneCorrectOutcome() throws Exception {
        long seed = Long.getLong("approval.seed", System.nanoTime());
        Random master = new Random(seed);
        int consumers = 2 + master.nextInt(3);
        String run = "seed " + seed + ", " + consumers + " consumers";
        System.out.println("RandomizedApprovalTest: " + run);

        List<String> items = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            items.add(master.nextInt(3) == 0 ? DemoData.ITEM_HAZCHEM_TRADE : DemoData.ITEM_FIXED_ASSET_INVESTMENT);
        }
        Map<String, List<String>> deptsOf = Map.of(
                DemoData.ITEM_HAZCHEM_TRADE, codes(DemoData.ITEM_HAZCHEM_TRADE),
                DemoData.ITEM_FIXED_ASSET_INVESTMENT, codes(DemoData.ITEM_FIXED_ASSET_INVESTMENT));
        int expectedTasks = items.stream().mapToInt(i -> deptsOf.get(i).size()).sum();
        Set<String> departments = new LinkedHashSet<>();
        deptsOf.values().forEach(departments::addAll);

        Map<String, String> itemOfCase = new ConcurrentHashMap<>();
        Map<String, TaskCommand.Outcome> decided = new ConcurrentHashMap<>();
        AtomicInteger injectedFailures = new AtomicInteger();
        AtomicInteger injectedDuplicates = new AtomicInteger();
        AtomicInteger decisionConflicts = new AtomicInteger();
        AtomicInteger replays = new AtomicInteger();
        AtomicInteger redriven = new AtomicInteger();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        long started = System.currentTimeMillis();
        long cpuStarted = processCpuNanos();

        // the queue's troubles: a fifth of the messages sent again, a tenth of the deliveries failing before they
        // start (the message comes back after the visibility timeout)
        ApprovalRig.Faults faults = (m, rnd) -> {
            if (rnd.nextDouble() < DUPLICATE_RATE) {
                rig.sqs.sendMessage(b -> b.queueUrl(rig.approvalQueue).messageBody(m.body()));
                injectedDuplicates.incrementAndGet();
            }
            if (rnd.nextDouble() < FAILURE_RATE) {
                injectedFailures.incrementAndGet();
                throw new IllegalStateException("injected worker failure");
            }
        };
        ApprovalRig.Tally tally = new ApprovalRig.Tally();
        Flag consumersStop = new Flag();
        Flag decidersStop = new Flag();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            Random rnd = new Random(seed + 100 + i);
            workers.add(start("worker-" + i, errors, () -> {
                while (!consumersStop.up) rig.pollOnce(tally, faults, rnd, 1);
            }));
        }

        // the departments: each reads its inbox and decides what it finds, in random order
        List<Thread> deciders = new ArrayList<>();
        int d = 0;
        for (String dept : departments) {
            Caller caller = ApprovalRig.dept(dept);
            Random rnd = new Random(seed + 1000 + d++);
            deciders.add(start("dept-" + dept, errors, () -> {
                long idle = 50;
                while (!decidersStop.up) {
                    List<DepartmentTask> inbox = new ArrayList<>(rig.approvals.inbox(caller, dept,
                            TaskStatus.PENDING, 100, null).items());
                    if (inbox.isEmpty()) {
                        Thread.sleep(idle); // an idle department looks again later, less often the longer it idles
                        idle = Math.min(1_000, idle * 2);
                        continue;
                    }
                    idle = 50;
                    Collections.shuffle(inbox, rnd);
                    for (DepartmentTask t : inbox) {
                        if (decidersStop.up) return;
                        boolean deny = denies(seed, t.taskId());
                        TaskCommand cmd = deny ? ApprovalRig.deny(DENY_REASON) : ApprovalRig.approve();
                        try {
                            DecideTask.Decided r = rig.approvals.decide(caller, t.taskId(), cmd);
                            if (r.replayed()) replays.incrementAndGet();
                            TaskCommand.Outcome before = decided.putIfAbsent(t.taskId(), cmd.outcome());
                            if (before != null && !r.replayed()) {
                                throw new AssertionError("decided twice, not as a replay: " + t.taskId());
                            }
                        } catch (DomainException e) {
                            if (!"CONCURRENT_UPDATE".equals(e.code())) throw e;
                            decisionConflicts.incrementAndGet(); // still pending: the inbox shows it again
                        }
                    }
                }
            }));
        }

        // intake at the window, several windows at once; fan-out publishes through the real SqsApprovalQueue
        ExecutorService windows = Executors.newFixedThreadPool(INTAKE_THREADS);
        List<Future<?>> intakes = new ArrayList<>();
        for (int w = 0; w < INTAKE_THREADS; w++) {
            int first = w;
            intakes.add(windows.submit(() -> {
                for (int i = first; i < CASES; i += INTAKE_THREADS) {
                    itemOfCase.put(rig.intake(items.get(i), "随机申请人" + i), items.get(i));
                }
                return null;
            }));
        }
        for (Future<?> f : intakes) f.get(BUDGET_MILLIS, TimeUnit.MILLISECONDS);
        windows.shutdown();
        long intakeMillis = System.currentTimeMillis() - started;
        assertEquals(CASES, itemOfCase.size());

        // wait for every task to be decided; an operator re-drives whatever lands in the dead-letter queue
        long deadline = started + BUDGET_MILLIS;
        long nextRedrive = 0;
        while (decided.size() < expectedTasks && errors.isEmpty() && System.currentTimeMillis() < deadline) {
            if (System.currentTimeMillis() > nextRedrive) {
                redriven.addAndGet(DeadLetterRedrive.redrive(rig.sqs, rig.deadLetterQueue, rig.approvalQueue, 100));
                nextRedrive = System.currentTimeMillis() + 3_000;
            }
            Thread.sleep(100);
        }
        decidersStop.up = true;
        join(deciders);
        long decidedMillis = System.currentTimeMillis() - started;
        // the duplicates still on the queue find their tasks decided and change nothing
        while (errors.isEmpty() && System.currentTimeMillis() < deadline + 15_000
                && rig.depth(rig.approvalQueue) + rig.depth(rig.deadLetterQueue) > 0) {
            redriven.addAndGet(DeadLetterRedrive.redrive(rig.sqs, rig.deadLetterQueue, rig.approvalQueue, 100));
            Thread.sleep(100);
        }
        consumersStop.up = true;
        join(workers);
        long drainedMillis = System.currentTimeMillis() - started;
        long cpuMillis = (processCpuNanos() - cpuStarted) / 1_000_000;
        String stats = String.format("%s: %d cases, %d tasks; intake %d ms, all decided %d ms, drained %d ms"
                        + " (CPU of this JVM, ElasticMQ included, dynoxide not: %d ms);"
                        + " %d received, %d delivered, %d duplicates, %d injected duplicates, %d injected failures,"
                        + " %d stale deletes, %d decision conflicts retried, %d replays, %d re-driven from the DLQ",
                run, CASES, expectedTasks, intakeMillis, decidedMillis, drainedMillis, cpuMillis, tally.received.get(),
                tally.delivered.get(), tally.duplicates.get(), injectedDuplicates.get(), injectedFailures.get(),
                tally.deleteFailures.get(), decisionConflicts.get(), replays.get(), redriven.get());
        System.out.println("RandomizedApprovalTest: " + stats);
        System.out.println("RandomizedApprovalTest: DynamoDB calls " + rig.dynamoCalls.total() + " ("
                + rig.dynamoCalls.total() / CASES + " per case): " + rig.dynamoCalls);
        assertTrue(errors.isEmpty(), () -> stats + "; errors: " + errors);
        assertEquals(expectedTasks, decided.size(), () -> "every task decided within the budget; " + stats);
        assertEquals(0, rig.depth(rig.approvalQueue), stats);
        assertEquals(0, rig.depth(rig.deadLetterQueue), stats);
        assertTrue(injectedDuplicates.get() > 0 && injectedFailures.get() > 0, stats);

        // each task delivered exactly once by the workers
        assertEquals(expectedTasks, tally.deliveredByTask.size(), stats);
        assertTrue(tally.deliveredByTask.values().stream().allMatch(n -> n.get() == 1), stats);
        assertEquals(expectedTasks, tally.delivered.get(), stats);

        // every case, read back from the store with one consistent scan of the cases table (not through our code)
        Map<String, Stored> stored = scanCases();
        List<String> problems = new ArrayList<>();
        int denied = 0;
        for (Map.Entry<String, String> e : itemOfCase.entrySet()) {
            String r = check(e.getKey(), deptsOf.get(e.getValue()), stored.get(e.getKey()), decided, seed);
            if (r.equals("DENIED")) denied++;
            else if (!r.equals("APPROVED")) problems.add(r);
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " cases wrong (" + run + "), e.g. "
                + problems.subList(0, Math.min(5, problems.size())));
        assertEquals(CASES, stored.values().stream().filter(x -> x.meta != null).count(), "no other case appeared");
        int deniedCases = denied;
        assertTrue(denied > 0 && denied < CASES, () -> "both outcomes occur: " + deniedCases + " denied");
        System.out.println("RandomizedApprovalTest: " + denied + " denied, " + (CASES - denied) + " approved, checked in "
                + (System.currentTimeMillis() - started - drainedMillis) + " ms");

        // nothing left for the outbox relay
        rig.clock.advance(Duration.ofMinutes(2));
        assertEquals(0, rig.approvals.redispatch(Duration.ofDays(2)));
        List<Message> leftover = rig.receiveAll(rig.approvalQueue, 5);
        assertEquals(List.of(), leftover);
    }

    /** What the cases table holds for one case. */
    private static final class Stored {
        ServiceCase.Snapshot meta;
        final List<HistoryEntry> history = new ArrayList<>();
        final List<DepartmentTask> tasks = new ArrayList<>();
    }

    /** Every item of the cases table, by case, read with a consistent parallel scan. */
    private static Map<String, Stored> scanCases() throws Exception {
        Map<String, Stored> out = new ConcurrentHashMap<>();
        int segments = 2;
        ExecutorService pool = Executors.newFixedThreadPool(segments);
        List<Future<?>> parts = new ArrayList<>();
        for (int seg = 0; seg < segments; seg++) {
            int segment = seg;
            parts.add(pool.submit(() -> {
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> from = start;
                    ScanResponse r = rig.tables.client().scan(b -> b.tableName(rig.tables.casesTable())
                            .consistentRead(true).segment(segment).totalSegments(segments).exclusiveStartKey(from));
                    for (Map<String, AttributeValue> item : r.items()) {
                        String pk = item.get("pk").s();
                        if (!pk.startsWith("CASE#")) continue;
                        String sk = item.get("sk").s();
                        Stored st = out.computeIfAbsent(pk.substring(5), k -> new Stored());
                        synchronized (st) {
                            if (sk.equals("META")) {
                                st.meta = Json.read(item.get("doc").s(), ServiceCase.Snapshot.class);
                            } else if (sk.startsWith("HIST#")) {
                                st.history.add(Json.read(item.get("doc").s(), HistoryEntry.class));
                            } else if (sk.startsWith("TASK#")) {
                                st.tasks.add(Json.read(item.get("doc").s(), DepartmentTask.class));
                            }
                        }
                    }
                    start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
                } while (start != null);
                return null;
            }));
        }
        for (Future<?> f : parts) f.get();
        pool.shutdown();
        return out;
    }

    /** Checks one case against the decisions made; returns its status, or a description of what is wrong. */
    private static String check(String caseId, List<String> depts, Stored stored,
                                Map<String, TaskCommand.Outcome> decided, long seed) {
        if (stored == null || stored.meta == null) return caseId + ": not stored";
        List<String> wrong = new ArrayList<>();
        if (stored.tasks.size() != depts.size()) wrong.add(stored.tasks.size() + " task items, not " + depts.size());
        boolean anyDeny = false;
        List<String> expectedReasons = new ArrayList<>();
        for (String dept : depts) {
            String taskId = DepartmentTask.idFor(caseId, dept);
            TaskCommand.Outcome made = decided.get(taskId);
            boolean deny = denies(seed, taskId);
            if (made == null) {
                wrong.add(dept + " never decided");
                continue;
            }
            if ((made == TaskCommand.Outcome.DENY) != deny) wrong.add(dept + " decision recorded wrongly");
            anyDeny |= deny;
            if (deny) expectedReasons.add(ApprovalRig.departmentName(dept) + "：" + DENY_REASON);
        }
        for (DepartmentTask t : stored.tasks) {
            TaskStatus expected = denies(seed, t.taskId()) ? TaskStatus.DENIED : TaskStatus.APPROVED;
            if (t.status() != expected) wrong.add(t.departmentCode() + " task " + t.status() + ", not " + expected);
            if (t.deliveredAt() == null) wrong.add(t.departmentCode() + " task never delivered");
        }
        ServiceCase.Snapshot c = stored.meta;
        CaseStatus expected = anyDeny ? CaseStatus.DENIED : CaseStatus.APPROVED;
        if (c.status() != expected) wrong.add("case " + c.status() + ", not " + expected);
        if (anyDeny) {
            if (c.decision() == null || !Set.copyOf(c.decision().reasons()).equals(Set.copyOf(expectedReasons))) {
                wrong.add("denial reasons " + (c.decision() == null ? null : c.decision().reasons()));
            }
            if (c.notice() == null || c.notice().type() != NoticeType.DENIAL) wrong.add("no denial notice");
        }
        List<HistoryEntry> history = stored.history;
        List<HistoryEntry> finals = ApprovalRig.finalTransitions(history);
        if (finals.size() != 1) wrong.add(finals.size() + " final transitions");
        long deliveredLines = ApprovalRig.count(history, "TASK_DELIVERED");
        if (deliveredLines != depts.size()) wrong.add(deliveredLines + " TASK_DELIVERED lines");
        long decidedLines = ApprovalRig.count(history, "TASK_DECIDED");
        if (decidedLines != depts.size()) wrong.add(decidedLines + " TASK_DECIDED lines");
        if (ApprovalRig.count(history, "TASKS_CREATED") != 1) wrong.add("TASKS_CREATED not once");
        if (history.size() != c.historySize()) wrong.add("history has gaps");
        if (c.distributedAt() == null) wrong.add("distribution never completed");
        return wrong.isEmpty() ? c.status().name() : caseId + ": " + wrong;
    }

    /** CPU time of this JVM so far (the emulators run in it too), or 0 where the platform does not tell. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static List<String> codes(String item) {
        return ApprovalRig.departments(item).stream().map(ParticipatingDepartment::code).toList();
    }

    private static final class Flag {
        volatile boolean up;
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Thread start(String name, List<Throwable> errors, Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                errors.add(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) t.join(30_000);
    }
}
