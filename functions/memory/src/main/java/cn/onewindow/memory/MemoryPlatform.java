package cn.onewindow.memory;

import cn.onewindow.core.access.Authenticator;
import cn.onewindow.core.access.Passwords;
import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.appointment.AppointmentPolicy;
import cn.onewindow.core.appointment.AppointmentService;
import cn.onewindow.core.appointment.AppointmentSweep;
import cn.onewindow.core.calendar.CalendarCodec;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.NotificationSink;
import cn.onewindow.core.ports.ProvincialEvaluationSink;
import cn.onewindow.core.privacy.EnvelopeSealer;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;
import cn.onewindow.core.queue.QueueBoard;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.RatingRequestService;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.service.CalendarService;
import cn.onewindow.core.service.CallerService;
import cn.onewindow.core.service.CaseIds;
import cn.onewindow.core.service.CaseService;
import cn.onewindow.core.service.CatalogService;
import cn.onewindow.core.service.DeadlineChecker;
import cn.onewindow.core.service.DeadlineRecompute;
import cn.onewindow.core.timers.Deadlines;
import cn.onewindow.core.service.EvaluationForwarder;
import cn.onewindow.core.service.EvaluationService;
import cn.onewindow.core.service.LedgerService;
import cn.onewindow.core.service.NotificationRelay;
import cn.onewindow.core.service.ProgressService;
import cn.onewindow.core.service.ServicePointService;
import cn.onewindow.core.service.SessionService;
import cn.onewindow.core.service.StatsService;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The domain services wired to the in-memory adapters exactly as {@code Platform} wires them to DynamoDB and SQS:
 * use-case tests run on it in milliseconds, without emulators. The queues keep what is sent until a test takes it
 * (standing in for the worker); notifications and forwarded ratings are kept where a test can read them.
 */
public final class MemoryPlatform {
    public final Clock clock;
    public final MemoryCaseRepository cases;
    public final MemoryReferenceRepository reference;
    public final MemoryCallerDirectory callers;
    public final MemoryServicePointDirectory servicePoints;
    public final MemoryAccessLog accessLog;
    public final MemorySessionStore sessions;
    public final MemoryQueueStore queueStore;
    public final MemoryRateCounter rateCounter;
    public final MemoryEvaluationRepository evaluations;
    public final MemoryApprovalQueue approvalQueue;
    public final MemoryEvaluationBatchQueue evaluationQueue;
    public final MemoryAppointmentStore appointmentStore;
    public final MemoryRatingRequests ratingRequests;
    /** Notifications the relay handed over, opened as the SMS sink gets them. */
    public final List<Notification> delivered;
    /** Ratings the provincial system accepted. */
    public final List<Evaluation> forwardedRatings;
    /** While true the provincial system refuses every rating (the forwarder retries later). */
    public volatile boolean provinceDown;

    public final PrivacyKeys privacyKeys;
    public final Deadlines deadlines;
    public final ApprovalService approvalService;
    public final ServicePointService servicePointService;
    public final QueueService queueService;
    public final QueueBoard queueBoard;
    public final CaseService caseService;
    public final ProgressService progressService;
    public final CallerService callerService;
    public final LedgerService ledgerService;
    public final CatalogService catalogService;
    public final CalendarService calendarService;
    public final EvaluationService evaluationService;
    public final RatingRequestService ratingRequestService;
    public final AppointmentService appointmentService;
    public final AppointmentSweep appointmentSweep;
    public final EvaluationForwarder evaluationForwarder;
    public final DeadlineChecker deadlineChecker;
    public final StatsService statsService;
    public final NotificationRelay notificationRelay;
    public final Authenticator authenticator;
    public final SessionService sessionService;

    /** A platform on empty stores. */
    public MemoryPlatform(Clock clock) {
        this(clock, null);
    }

    /**
     * Another function instance over the same stores, queues and secrets as {@code shared} (as two Lambda
     * instances share the tables), with a clock of its own.
     */
    public MemoryPlatform sharingStores(Clock otherClock) {
        return new MemoryPlatform(otherClock, this);
    }

    private MemoryPlatform(Clock clock, MemoryPlatform shared) {
        this.clock = clock;
        this.cases = shared != null ? shared.cases : new MemoryCaseRepository();
        this.reference = shared != null ? shared.reference : new MemoryReferenceRepository();
        this.callers = shared != null ? shared.callers : new MemoryCallerDirectory();
        this.servicePoints = shared != null ? shared.servicePoints : new MemoryServicePointDirectory();
        this.accessLog = shared != null ? shared.accessLog : new MemoryAccessLog();
        this.sessions = shared != null ? shared.sessions : new MemorySessionStore();
        this.queueStore = shared != null ? shared.queueStore : new MemoryQueueStore();
        this.rateCounter = shared != null ? shared.rateCounter : new MemoryRateCounter();
        this.evaluations = shared != null ? shared.evaluations : new MemoryEvaluationRepository(cases);
        this.approvalQueue = shared != null ? shared.approvalQueue : new MemoryApprovalQueue();
        this.evaluationQueue = shared != null ? shared.evaluationQueue : new MemoryEvaluationBatchQueue();
        this.appointmentStore = shared != null ? shared.appointmentStore : new MemoryAppointmentStore(cases);
        this.ratingRequests = shared != null ? shared.ratingRequests : new MemoryRatingRequests();
        this.privacyKeys = shared != null ? shared.privacyKeys : testKeys();
        this.delivered = shared != null ? shared.delivered : new CopyOnWriteArrayList<>();
        this.forwardedRatings = shared != null ? shared.forwardedRatings : new CopyOnWriteArrayList<>();
        this.deadlines = new Deadlines(reference, reference, clock);
        this.approvalService = new ApprovalService(cases, reference, approvalQueue, deadlines, clock);
        this.servicePointService = new ServicePointService(servicePoints, clock);
        this.queueService = new QueueService(queueStore, deadlines, privacyKeys, clock);
        this.queueBoard = new QueueBoard(queueStore, clock);
        this.caseService = new CaseService(cases, reference, cases, deadlines, clock, new CaseIds(clock),
                approvalService, servicePointService, servicePoints, accessLog, privacyKeys, queueService);
        this.progressService = new ProgressService(cases, rateCounter, privacyKeys, clock);
        this.appointmentService = new AppointmentService(appointmentStore, queueStore, queueService, deadlines,
                privacyKeys, rateCounter, AppointmentPolicy.DEFAULT, clock);
        this.appointmentSweep = new AppointmentSweep(appointmentStore, queueStore, AppointmentPolicy.DEFAULT, clock);
        this.callerService = new CallerService(callers, servicePoints, clock);
        this.ledgerService = new LedgerService(cases, servicePointService);
        this.catalogService = new CatalogService(reference, clock);
        this.calendarService = new CalendarService(reference, deadlines, new DeadlineRecompute(cases, deadlines, clock));
        this.evaluationService = new EvaluationService(evaluations, evaluationQueue, deadlines, clock, privacyKeys,
                ratingRequests);
        this.ratingRequestService = new RatingRequestService(ratingRequests, cases, queueStore, evaluations, callers,
                privacyKeys, clock, servicePointService);
        ProvincialEvaluationSink province = e -> {
            if (provinceDown) throw new IllegalStateException("the provincial system refused the rating");
            forwardedRatings.add(e);
        };
        this.evaluationForwarder = new EvaluationForwarder(evaluations, province, clock);
        this.deadlineChecker = new DeadlineChecker(cases, cases, deadlines, clock, approvalService, evaluationService);
        this.statsService = new StatsService(cases, deadlines, evaluations, queueService);
        // one-time secrets travel sealed in the outbox: opened just before the sink, as in the cloud
        NotificationSink sink = n -> delivered.add(n.sealedText() == null ? n
                : n.withClearText(privacyKeys.outbox().open(n.sealedText(), n.id())));
        // an appointment reminder is addressed from the booking: its phone is sealed, opened only here
        this.notificationRelay = new NotificationRelay(cases, sink, clock, this::appointmentPhone);
        this.authenticator = new Authenticator(callers);
        this.sessionService = new SessionService(sessions, callers, accessLog, privacyKeys, passwords(), rateCounter, clock);
    }

    /** The phone of a booking for its reminder SMS: sealed in the booking, opened only by the sender. */
    public java.util.Optional<String> appointmentPhone(String appointmentId) {
        return appointmentStore.find(appointmentId).map(a -> privacyKeys.outbox().open(a.sealedPhone(), a.id()));
    }

    /** A platform with the demo data seeded at the clock's instant ({@link #seed}). */
    public static MemoryPlatform seeded(Clock clock) {
        MemoryPlatform p = new MemoryPlatform(clock);
        p.seed(clock.instant());
        return p;
    }

    /**
     * The demo data the local system starts with (as {@code DemoSeeder}, and as safe to run again): calendars,
     * centers, points, catalog, callers with their demo tokens, the demo users (password
     * {@link DemoData#DEMO_PASSWORD}) and the demo queue; what exists is left as it is.
     */
    public void seed(Instant at) {
        CalendarCodec.nationalDemoCalendars().forEach(reference::put);
        DemoData.centers().forEach(reference::put);
        DemoData.servicePoints(at).forEach(servicePoints::putIfAbsent);
        for (ServiceItem item : DemoData.items(at)) {
            if (reference.current(item.code()).isEmpty()) reference.saveVersion(item, 0);
        }
        DemoData.callers().forEach((token, caller) -> callers.put(Tokens.hash(token), caller));
        Map<String, String> hashes = demoHashes();
        DemoData.users().forEach((username, callerId) -> {
            if (sessions.credential(username).isEmpty()) {
                sessions.setCredential(callerId, username, hashes.get(username), "seeded-" + username, at);
            }
        });
        if (queueStore.config(DemoData.COUNTY_CENTER).isEmpty()) queueStore.saveConfig(DemoData.queueConfig(), 0);
        deadlines.invalidate();
    }

    /** Message delivery as the approval worker does it: every message waiting is delivered, until none is left. */
    public int deliverApprovalMessages() {
        int n = 0;
        for (List<cn.onewindow.core.approval.TaskMessage> batch = approvalQueue.take(); !batch.isEmpty();
             batch = approvalQueue.take()) {
            for (cn.onewindow.core.approval.TaskMessage m : batch) {
                approvalService.deliver(m);
                n++;
            }
        }
        return n;
    }

    /** A fresh random pseudonym secret and outbox key for this platform (never written anywhere). */
    private static PrivacyKeys testKeys() {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[Pseudonyms.MIN_SECRET_BYTES];
        byte[] kek = new byte[32];
        random.nextBytes(secret);
        random.nextBytes(kek);
        return new PrivacyKeys(new Pseudonyms("k1", Map.of("k1", secret)),
                new EnvelopeSealer(new EnvelopeSealer.LocalKek(kek)));
    }

    /** The iteration count of the demo users' password hashes here (far below {@link Passwords#DEFAULT_ITERATIONS}). */
    public static final int SEEDED_PASSWORD_ITERATIONS = 2_000;

    private static Passwords passwords;
    private static Map<String, String> hashes;

    /** The password hasher's dummy hash (for unknown user names) is made once per JVM, as in {@code Platform}. */
    private static synchronized Passwords passwords() {
        if (passwords == null) passwords = new Passwords();
        return passwords;
    }

    /**
     * One hash per demo user, made once per JVM with few iterations (a hash carries its own count, so signing in
     * checks it the same way; the full work of 210,000 iterations per user would cost seconds in every test run).
     */
    private static synchronized Map<String, String> demoHashes() {
        if (hashes == null) {
            Passwords p = new Passwords(SEEDED_PASSWORD_ITERATIONS);
            hashes = DemoData.users().keySet().parallelStream().collect(java.util.stream.Collectors.toConcurrentMap(
                    u -> u, u -> p.hash(DemoData.DEMO_PASSWORD)));
        }
        return hashes;
    }
}
