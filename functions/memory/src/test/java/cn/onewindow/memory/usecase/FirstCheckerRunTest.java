package cn.onewindow.memory.usecase;

import cn.onewindow.memory.MemoryPlatform;

import java.time.Clock;

/** {@link FirstCheckerRunScenarios} on the in-memory adapters. */
class FirstCheckerRunTest extends FirstCheckerRunScenarios {

    @Override
    protected Services seeded(Clock clock) {
        return Services.of(MemoryPlatform.seeded(clock));
    }

    @Override
    protected Services unseeded(Clock clock) {
        return Services.of(new MemoryPlatform(clock));
    }
}
