package cn.onewindow.memory.usecase;

import cn.onewindow.memory.MemoryPlatform;

import java.time.Clock;

/** {@link ProvisionalDeadlineScenarios} on the in-memory adapters. */
class ProvisionalDeadlineTest extends ProvisionalDeadlineScenarios {

    @Override
    protected Services seeded(Clock clock) {
        return Services.of(MemoryPlatform.seeded(clock));
    }

    @Override
    protected Services unseeded(Clock clock) {
        return Services.of(new MemoryPlatform(clock));
    }
}
