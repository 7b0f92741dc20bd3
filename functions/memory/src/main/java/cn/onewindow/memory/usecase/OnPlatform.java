package cn.onewindow.memory.usecase;

import org.junit.jupiter.api.TestInstance;

import java.time.Clock;

/**
 * The base of every shared use-case scenario: the scenario asks for a platform, each concrete test class answers
 * with its own (the in-memory one in functions/memory, the DynamoDB one on the emulator in functions/aws). One test
 * instance per class, so that a class's {@code @BeforeAll} may ask for its platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnPlatform {

    /** The services on the class's stores with the demo data loaded at the clock's instant. */
    protected abstract Services seeded(Clock clock);

    /** The services on the class's stores, nothing loaded. */
    protected abstract Services unseeded(Clock clock);
}
