package cn.onewindow.memory.usecase;

import cn.onewindow.core.access.Authenticator;
import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.CenterDirectory;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.RateCounter;
import cn.onewindow.core.ports.SessionStore;
import cn.onewindow.core.ports.TimerIndex;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.queue.QueueBoard;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.QueueStore;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.service.CalendarService;
import cn.onewindow.core.service.CallerService;
import cn.onewindow.core.service.CaseService;
import cn.onewindow.core.service.CatalogService;
import cn.onewindow.core.service.DeadlineChecker;
import cn.onewindow.core.service.EvaluationService;
import cn.onewindow.core.service.SessionService;
import cn.onewindow.core.service.StatsService;
import cn.onewindow.core.timers.Deadlines;
import cn.onewindow.memory.MemoryPlatform;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the shared use-case scenarios ({@code *Scenarios}) reach: the domain services and the ports behind them, as
 * one platform wires them, seen through the port types only, so the same scenario runs on the in-memory adapters
 * ({@link #of(MemoryPlatform)}) and on the DynamoDB ones (functions/aws builds it from its {@code Platform}). The field
 * names are those of both platforms.
 */
public final class Services {
    public final Clock clock;
    public final CaseRepository cases;
    /** The case store's deadline timers (the same store as {@link #cases}). */
    public final TimerIndex timers;
    public final CatalogRepository reference;
    /** The centers of the reference store (the same store as {@link #reference}). */
    public final CenterDirectory centers;
    public final CallerDirectory callers;
    public final SessionStore sessions;
    public final QueueStore queueStore;
    public final AccessLog accessLog;
    public final RateCounter rateCounter;
    public final EvaluationRepository evaluations;
    public final PrivacyKeys privacyKeys;
    public final Deadlines deadlines;

    public final ApprovalService approvalService;
    public final CaseService caseService;
    public final QueueService queueService;
    public final QueueBoard queueBoard;
    public final CatalogService catalogService;
    public final CalendarService calendarService;
    public final CallerService callerService;
    public final EvaluationService evaluationService;
    public final DeadlineChecker deadlineChecker;
    public final StatsService statsService;
    public final Authenticator authenticator;
    public final SessionService sessionService;

    private final Consumer<Instant> seeder;
    private final Function<Clock, Services> sharing;

    /** The ports of one platform ({@code cases} must also be the {@code timers}, {@code reference} the centers). */
    public record Ports(Clock clock, CaseRepository cases, TimerIndex timers, CatalogRepository reference,
                        CenterDirectory centers, CallerDirectory callers, SessionStore sessions, QueueStore queueStore,
                        AccessLog accessLog, RateCounter rateCounter, EvaluationRepository evaluations,
                        PrivacyKeys privacyKeys, Deadlines deadlines) {
    }

    /** The services the same platform wired to those ports. */
    public record UseCases(ApprovalService approvalService, CaseService caseService, QueueService queueService,
                           QueueBoard queueBoard, CatalogService catalogService, CalendarService calendarService,
                           CallerService callerService, EvaluationService evaluationService,
                           DeadlineChecker deadlineChecker, StatsService statsService, Authenticator authenticator,
                           SessionService sessionService) {
    }

    /**
     * @param seeder  loads the demo data at an instant (safe to run again), as the platform's seeder does
     * @param sharing another function instance over the same stores, with a clock of its own
     */
    public Services(Ports ports, UseCases useCases, Consumer<Instant> seeder, Function<Clock, Services> sharing) {
        this.clock = ports.clock();
        this.cases = ports.cases();
        this.timers = ports.timers();
        this.reference = ports.reference();
        this.centers = ports.centers();
        this.callers = ports.callers();
        this.sessions = ports.sessions();
        this.queueStore = ports.queueStore();
        this.accessLog = ports.accessLog();
        this.rateCounter = ports.rateCounter();
        this.evaluations = ports.evaluations();
        this.privacyKeys = ports.privacyKeys();
        this.deadlines = ports.deadlines();
        this.approvalService = useCases.approvalService();
        this.caseService = useCases.caseService();
        this.queueService = useCases.queueService();
        this.queueBoard = useCases.queueBoard();
        this.catalogService = useCases.catalogService();
        this.calendarService = useCases.calendarService();
        this.callerService = useCases.callerService();
        this.evaluationService = useCases.evaluationService();
        this.deadlineChecker = useCases.deadlineChecker();
        this.statsService = useCases.statsService();
        this.authenticator = useCases.authenticator();
        this.sessionService = useCases.sessionService();
        this.seeder = seeder;
        this.sharing = sharing;
    }

    /** The services of an in-memory platform. */
    public static Services of(MemoryPlatform p) {
        return new Services(new Ports(p.clock, p.cases, p.cases, p.reference, p.reference, p.callers, p.sessions,
                p.queueStore, p.accessLog, p.rateCounter, p.evaluations, p.privacyKeys, p.deadlines),
                new UseCases(p.approvalService, p.caseService, p.queueService, p.queueBoard, p.catalogService,
                        p.calendarService, p.callerService, p.evaluationService, p.deadlineChecker, p.statsService,
                        p.authenticator, p.sessionService),
                p::seed, clock -> of(p.sharingStores(clock)));
    }

    /** Loads the demo data at {@code at} (what exists is left as it is). */
    public void seed(Instant at) {
        seeder.accept(at);
    }

    /** Another function instance over the same stores, queues and secrets, with its own clock. */
    public Services sharingStores(Clock otherClock) {
        return sharing.apply(otherClock);
    }
}
