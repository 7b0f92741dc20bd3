package cn.onewindow.memory.contract;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueStore;
import cn.onewindow.core.queue.Ticket;
import cn.onewindow.core.queue.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * What every {@link QueueStore} guarantees: versioned configurations, numbers that count from 1 per center, day and
 * category without gaps or repeats, a ticket written only over the state read, and a waiting queue in priority then
 * arrival order that two windows never take the same ticket from.
 */
public abstract class QueueStoreContract {
    private static final LocalDate DAY = LocalDate.of(2025, 4, 25);

    protected abstract QueueStore queues();

    private Ticket taken(String center, String prefix, String priorityReason, Instant at) {
        String number = Ticket.number(prefix, queues().nextNumber(center, DAY, prefix));
        return queues().save(null, Ticket.take(center, DAY, number, prefix, priorityReason, at, null, null, null))
                .orElseThrow();
    }

    @Test
    void aConfigurationIsWrittenOnlyOverTheVersionRead() {
        String center = unique("CTR");
        QueueConfig demo = DemoData.queueConfig();
        QueueConfig config = new QueueConfig(center, demo.categories(), demo.windows(), demo.greenLane(),
                demo.noShowCallLimit(), demo.opensAt(), demo.closesAt(), demo.slots(), 0);
        assertEquals(Optional.empty(), queues().config(center));
        QueueConfig v1 = queues().saveConfig(config, 0).orElseThrow();
        assertEquals(1, v1.version());
        assertEquals(Optional.empty(), queues().saveConfig(config, 0), "exists already");
        assertEquals(2, queues().saveConfig(v1, 1).orElseThrow().version());
        assertEquals(Optional.empty(), queues().saveConfig(v1, 1), "stale");
        assertEquals(2, queues().config(center).orElseThrow().version());
    }

    @Test
    void theWaitingAheadAndTheLatestServiceTimesAreReadWithoutTheWholeDay() {
        String center = unique("CTR");
        Ticket a1 = taken(center, "A", null, T0);
        Ticket a2 = taken(center, "A", null, T0.plusSeconds(1));
        Ticket a3 = taken(center, "A", null, T0.plusSeconds(2));
        taken(center, "B", null, T0.plusSeconds(3));
        assertEquals(0, queues().waitingAhead(center, DAY, "A", a1.queueKey()));
        assertEquals(2, queues().waitingAhead(center, DAY, "A", a3.queueKey()));
        assertEquals(List.of(), queues().recentServiceSeconds(center, DAY, "A", 20), "nothing finished yet");
        Instant at = T0.plusSeconds(60);
        for (Ticket t : List.of(a1, a2)) {
            Ticket called = queues().save(t, t.call(1, at)).orElseThrow();
            Ticket serving = queues().save(called, called.start(at.plusSeconds(10))).orElseThrow();
            long minutes = t == a1 ? 5 : 7;
            queues().save(serving, serving.finish(at.plusSeconds(10 + minutes * 60))).orElseThrow();
            at = at.plusSeconds(600);
        }
        assertEquals(0, queues().waitingAhead(center, DAY, "A", a3.queueKey()), "the two ahead were served");
        assertEquals(List.of(420L, 300L), queues().recentServiceSeconds(center, DAY, "A", 20), "latest first");
        assertEquals(List.of(420L), queues().recentServiceSeconds(center, DAY, "A", 1), "bounded");
        assertEquals(List.of(), queues().recentServiceSeconds(center, DAY, "B", 20));
    }

    @Test
    void numbersCountFromOnePerCenterDayAndCategory() {
        String center = unique("CTR");
        assertEquals(1, queues().nextNumber(center, DAY, "A"));
        assertEquals(2, queues().nextNumber(center, DAY, "A"));
        assertEquals(1, queues().nextNumber(center, DAY, "B"));
        assertEquals(1, queues().nextNumber(center, DAY.plusDays(1), "A"));
        assertEquals(1, queues().nextNumber(unique("CTR"), DAY, "A"));
    }

    @Test
    void thirtyConcurrentNumbersAreDistinctAndConsecutive() throws Exception {
        String center = unique("CTR");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Long> numbers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return queues().nextNumber(center, DAY, "A");
                }));
            }
            start.countDown();
            for (Future<Long> f : results) numbers.add(f.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 30).boxed().toList(), numbers.stream().sorted().toList());
    }

    @Test
    void theQueueIsPriorityFirstThenArrivalAndTicketsLeaveItWhenCalled() {
        String center = unique("CTR");
        Ticket a1 = taken(center, "A", null, T0);
        Ticket a2 = taken(center, "A", null, T0.plusSeconds(1));
        Ticket a3 = taken(center, "A", "老年人", T0.plusSeconds(2));
        taken(center, "B", null, T0);
        assertEquals(List.of(a3.id(), a1.id(), a2.id()), ids(queues().waiting(center, DAY, "A", 10)));
        assertEquals(List.of(a3.id(), a1.id()), ids(queues().waiting(center, DAY, "A", 2)));

        Ticket called = queues().save(a3, a3.call(1, T0.plusSeconds(10))).orElseThrow();
        assertEquals(TicketStatus.CALLED, called.status());
        assertEquals(2, called.version());
        assertEquals(Optional.of(called), queues().find(a3.id()));
        assertEquals(List.of(a1.id(), a2.id()), ids(queues().waiting(center, DAY, "A", 10)));
        assertEquals(4, queues().day(center, DAY).size());
        assertEquals(Optional.empty(), queues().find("not-a-ticket"));
    }

    @Test
    void aTicketIsWrittenOnlyOverTheStateReadSoTwoWindowsNeverCallTheSameOne() {
        String center = unique("CTR");
        Ticket t = taken(center, "A", null, T0);
        Ticket other = Ticket.take(center, DAY, t.number(), "A", null, T0.plusSeconds(5), null, null, null);
        assertEquals(Optional.empty(), queues().save(null, other), "another new ticket under a taken number");
        // the very same write again is its own (a resend after a lost answer), not a second ticket
        assertEquals(Optional.of(t), queues().save(null, t.withVersion(0)));
        assertTrue(queues().save(t, t.call(1, T0.plusSeconds(1))).isPresent());
        assertEquals(Optional.empty(), queues().save(t, t.call(2, T0.plusSeconds(1))), "the second window lost");
        assertEquals(1, queues().find(t.id()).orElseThrow().windowNumber());
    }

    @Test
    void eightWindowsCallingAtOnceNeverShareATicket() throws Exception {
        String center = unique("CTR");
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) tickets.add(taken(center, "A", null, T0.plusSeconds(i)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> calledIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 1; w <= 8; w++) {
                int window = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (Ticket t : queues().waiting(center, DAY, "A", 10)) {
                        if (queues().save(t, t.call(window, T0.plusSeconds(30))).isPresent()) {
                            calledIds.add(t.id());
                            return null;
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, calledIds.size());
        assertEquals(ids(tickets).stream().sorted().toList(), calledIds.stream().sorted().toList());
        assertEquals(List.of(), queues().waiting(center, DAY, "A", 10));
    }

    private static List<String> ids(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::id).toList();
    }
}
