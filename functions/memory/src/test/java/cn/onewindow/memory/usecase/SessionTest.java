package cn.onewindow.memory.usecase;

import cn.onewindow.memory.MemoryPlatform;

import java.time.Clock;

/** {@link SessionScenarios} on the in-memory adapters. */
class SessionTest extends SessionScenarios {

    @Override
    protected Services seeded(Clock clock) {
        return Services.of(MemoryPlatform.seeded(clock));
    }

    @Override
    protected Services unseeded(Clock clock) {
        return Services.of(new MemoryPlatform(clock));
    }

    @Override
    protected int seededIterations() {
        return MemoryPlatform.SEEDED_PASSWORD_ITERATIONS;
    }
}
