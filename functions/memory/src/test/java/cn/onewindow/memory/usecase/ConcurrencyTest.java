package cn.onewindow.memory.usecase;

import cn.onewindow.memory.MemoryPlatform;

import java.time.Clock;

/** {@link ConcurrencyScenarios} on the in-memory adapters. */
class ConcurrencyTest extends ConcurrencyScenarios {

    @Override
    protected Services seeded(Clock clock) {
        return Services.of(MemoryPlatform.seeded(clock));
    }

    @Override
    protected Services unseeded(Clock clock) {
        return Services.of(new MemoryPlatform(clock));
    }
}
