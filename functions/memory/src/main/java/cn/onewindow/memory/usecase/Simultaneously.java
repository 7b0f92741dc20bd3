package cn.onewindow.memory.usecase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Races for the scenarios: n tasks on n threads released at one moment. */
public final class Simultaneously {
    private Simultaneously() {
    }

    /**
     * Runs {@code task(0..n-1)} on n threads that wait for each other before starting; returns each one's result or
     * the exception it threw, in order.
     *
     * @param startWithin  how long a thread waits for the others to be ready
     * @param finishWithin how long each result is waited for
     */
    public static <T> List<Object> run(int n, IntFunction<T> task, Duration startWithin, Duration finishWithin)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier start = new CyclicBarrier(n);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await(startWithin.toMillis(), TimeUnit.MILLISECONDS);
                    return task.apply(index);
                }));
            }
            List<Object> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get(finishWithin.toMillis(), TimeUnit.MILLISECONDS));
                } catch (ExecutionException e) {
                    out.add(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
