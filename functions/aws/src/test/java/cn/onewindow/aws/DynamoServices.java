package cn.onewindow.aws;

import cn.onewindow.memory.usecase.Services;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The shared use-case scenarios ({@code cn.onewindow.memory.usecase.*Scenarios}) on the DynamoDB adapters: every
 * platform a scenario asks for gets tables of its own (as every in-memory platform has stores of its own), provisioned
 * from template.yaml on the run's emulator. A test class receives one through its constructor from {@link LocalDynamo}.
 */
public final class DynamoServices {
    private final Supplier<LocalDynamo.Tables> freshTables;
    private LocalDynamo.Tables tables;

    DynamoServices(Supplier<LocalDynamo.Tables> freshTables) {
        this.freshTables = freshTables;
    }

    /** The services on fresh tables with the demo data loaded at the clock's instant. */
    public Services seeded(Clock clock) {
        Services s = unseeded(clock);
        s.seed(clock.instant());
        return s;
    }

    /** The services on fresh tables, nothing loaded. */
    public Services unseeded(Clock clock) {
        tables = freshTables.get();
        return of(tables.platform(clock), tables);
    }

    /** The tables of the latest platform handed out, for assertions on the items as stored. */
    public LocalDynamo.Tables tables() {
        if (tables == null) throw new IllegalStateException("no platform handed out yet");
        return tables;
    }

    static Services of(Platform p, LocalDynamo.Tables tables) {
        return new Services(new Services.Ports(p.clock, p.cases, p.cases, p.reference, p.reference, p.callers,
                p.sessions, p.queueStore, p.accessLog,
                new DynamoRateCounter(p.dynamoDb, p.settings.idempotencyTable()), p.evaluations, p.privacyKeys,
                p.deadlines),
                new Services.UseCases(p.approvalService, p.caseService, p.queueService, p.queueBoard,
                        p.catalogService, p.calendarService, p.callerService, p.evaluationService,
                        p.deadlineChecker, p.statsService, p.authenticator, p.sessionService),
                at -> DemoSeeder.seed(p, at), clock -> of(tables.platform(clock), tables));
    }
}
