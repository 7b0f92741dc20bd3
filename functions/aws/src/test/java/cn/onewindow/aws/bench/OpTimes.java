package cn.onewindow.aws.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Where a benchmark side's store time goes: calls and wall time per SDK operation, taken by an interceptor. */
final class OpTimes implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");
    private final Map<String, LongAdder[]> byOp = new ConcurrentHashMap<>();
    private volatile boolean on = true;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request().getClass().getSimpleName(), attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(context.request().getClass().getSimpleName() + " (failed)", attributes);
    }

    private void record(String request, ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (!on || started == null) return;
        LongAdder[] a = byOp.computeIfAbsent(request.replace("Request", ""), k -> new LongAdder[]{new LongAdder(),
                new LongAdder()});
        a[0].increment();
        a[1].add(System.nanoTime() - started);
    }

    void reset() {
        byOp.clear();
    }

    void print(String title) {
        System.out.println(title);
        new TreeMap<>(byOp).forEach((op, a) -> System.out.printf(Locale.ROOT, "  %-28s %7d calls %8.1f s %7.2f ms a call%n",
                op, a[0].sum(), a[1].sum() / 1e9, a[1].sum() / 1e6 / Math.max(1, a[0].sum())));
    }
}
