package cn.onewindow.aws;

import cn.onewindow.core.access.Authenticator;
import cn.onewindow.core.ports.ApprovalQueue;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.service.DeadlineChecker;
import cn.onewindow.core.service.DeadlineRecompute;
import cn.onewindow.core.service.StatsService;
import cn.onewindow.core.service.NotificationRelay;
import cn.onewindow.core.notify.NotificationSink;
import cn.onewindow.core.service.CalendarService;
import cn.onewindow.core.service.CaseIds;
import cn.onewindow.core.service.CaseService;
import cn.onewindow.core.service.CatalogService;
import cn.onewindow.core.timers.Deadlines;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.common.SharedClock;

import java.time.Clock;
import java.time.Instant;

/**
 * The domain services wired to their one real storage implementation. A function builds one at start-up and
 * keeps it for every request it handles.
 */
public final class Platform {
    public final AwsSettings settings;
    public final Clock clock;
    public final DynamoDbClient dynamoDb;
    public final DynamoCaseRepository cases;
    public final DynamoReferenceRepository reference;
    public final DynamoCallerDirectory callers;
    public final Deadlines deadlines;
    public final CaseService caseService;
    public final CatalogService catalogService;
    public final CalendarService calendarService;
    public final Authenticator authenticator;
    public final ApprovalService approvalService;
    public final DeadlineChecker deadlineChecker;
    public final StatsService statsService;
    public final DynamoServicePointDirectory servicePoints;
    public final cn.onewindow.core.service.ServicePointService servicePointService;
    public final cn.onewindow.core.service.CallerService callerService;
    public final cn.onewindow.core.service.LedgerService ledgerService;
    public final DynamoAccessLog accessLog;
    public final DynamoEvaluationRepository evaluations;
    public final cn.onewindow.core.service.EvaluationService evaluationService;
    public final DynamoRatingRequests ratingRequests;
    public final cn.onewindow.core.queue.RatingRequestService ratingRequestService;
    /** Forwards ratings to the provincial 好差评 system (HTTPS, or a log where no endpoint is configured). */
    public final cn.onewindow.core.service.EvaluationForwarder evaluationForwarder;
    /** Null where the function has no notification sink configured. */
    public final NotificationRelay notificationRelay;
    /**
     * The function's secrets (read once, here): the pseudonym key ring where the environment names
     * {@code PSEUDONYM_SECRET_ARN}, the outbox sealer where it names {@code OUTBOX_KEY_ARN} ({@link PlatformSecrets}).
     */
    public final cn.onewindow.core.privacy.PrivacyKeys privacyKeys;
    /** Staff sign-in: credentials and browser sessions (callers table). */
    public final DynamoSessionStore sessions;
    public final cn.onewindow.core.service.SessionService sessionService;
    /** Queue configurations and tickets (排队叫号). */
    public final DynamoQueueStore queueStore;
    /** Tickets: take, call next, recall, no-show, transfer, start, finish. */
    public final cn.onewindow.core.queue.QueueService queueService;
    /** The hall board and the center's queue configuration. */
    public final cn.onewindow.core.queue.QueueBoard queueBoard;
    /** Appointments (预约): bookings, slot counters, person locks, no-shows. */
    public final DynamoAppointmentStore appointmentStore;
    /** Slots, booking, rescheduling, cancelling and checking in (预约). */
    public final cn.onewindow.core.appointment.AppointmentService appointmentService;
    /** No-shows and the day-before reminders of bookings (run with the deadline checker). */
    public final cn.onewindow.core.appointment.AppointmentSweep appointmentSweep;
    /** The citizen's progress query (办件进度查询) with the query password, rate-limited. */
    public final cn.onewindow.core.service.ProgressService progressService;

    public Platform(AwsSettings settings, Clock clock) {
        this(settings, clock, AwsClients.dynamoDb(settings), sqs(settings));
    }

    /** One SQS client per function, and only in a function that is given a queue. */
    private static SqsClientHolder sqs(AwsSettings settings) {
        boolean any = settings.approvalQueueUrl() != null || settings.notificationQueueUrl() != null
                && settings.notificationLog() == null;
        return new SqsClientHolder(any ? AwsClients.sqs(settings) : null);
    }

    private Platform(AwsSettings settings, Clock clock, DynamoDbClient dynamoDb, SqsClientHolder sqs) {
        this(settings, clock, dynamoDb, settings.approvalQueueUrl() == null ? null
                : new SqsApprovalQueue(sqs.client(), settings.approvalQueueUrl()), sqs.client());
    }

    private record SqsClientHolder(software.amazon.awssdk.services.sqs.SqsClient client) {
    }

    /** Local system and tests only: the simulated instant the clock shows at {@link #CLOCK_ANCHOR}. */
    public static final String CLOCK_START = "ONEWINDOW_CLOCK_START";
    /** Local system and tests only: the real instant at which the clock shows {@link #CLOCK_START}. */
    public static final String CLOCK_ANCHOR = "ONEWINDOW_CLOCK_ANCHOR";

    /** Local system only: the file through which the local admin call moves every function's clock forward. */
    public static final String CLOCK_FILE = "ONEWINDOW_CLOCK_FILE";

    /**
     * The system clock, or in the local system a clock started at a chosen instant and moved forward through a
     * shared file (neither is ever set in the cloud).
     */
    public static Clock clockFrom(java.util.function.Function<String, java.util.Optional<String>> lookup) {
        Clock base = lookup.apply(CLOCK_START).<Clock>map(start -> AdjustableClock.anchored(Instant.parse(start),
                lookup.apply(CLOCK_ANCHOR).map(Instant::parse).orElse(Instant.now()))).orElse(Clock.systemUTC());
        return lookup.apply(CLOCK_FILE).<Clock>map(f -> new SharedClock(base, java.nio.file.Path.of(f)))
                .orElse(base);
    }

    /** Without an approval queue (tests of storage and intake that do not exercise parallel approval). */
    public Platform(AwsSettings settings, Clock clock, DynamoDbClient dynamoDb) {
        this(settings, clock, dynamoDb, (ApprovalQueue) null);
    }

    /**
     * @param approvalQueue null where no queue is configured: joint and escalated tasks are then written but their
     *                      messages wait for the relay of a function that has the queue
     */
    public Platform(AwsSettings settings, Clock clock, DynamoDbClient dynamoDb, ApprovalQueue approvalQueue) {
        this(settings, clock, dynamoDb, approvalQueue, null);
    }

    private Platform(AwsSettings settings, Clock clock, DynamoDbClient dynamoDb, ApprovalQueue approvalQueue,
                     software.amazon.awssdk.services.sqs.SqsClient sqs) {
        this.settings = settings;
        this.clock = clock;
        this.dynamoDb = dynamoDb;
        this.privacyKeys = PlatformSecrets.from(settings);
        this.cases = new DynamoCaseRepository(dynamoDb, settings.casesTable(), settings.idempotencyTable());
        this.reference = new DynamoReferenceRepository(dynamoDb, settings.referenceTable());
        this.callers = new DynamoCallerDirectory(dynamoDb, settings.callersTable());
        this.deadlines = new Deadlines(reference, reference, clock);
        ApprovalQueue queue = approvalQueue != null ? approvalQueue : messages -> {
            throw new IllegalStateException("no approval queue configured");
        };
        this.approvalService = new ApprovalService(cases, reference, queue, deadlines, clock);
        this.servicePoints = new DynamoServicePointDirectory(dynamoDb, settings.referenceTable());
        this.servicePointService = new cn.onewindow.core.service.ServicePointService(servicePoints, clock);
        this.accessLog = new DynamoAccessLog(dynamoDb, settings.casesTable());
        this.queueStore = new DynamoQueueStore(dynamoDb, settings.casesTable(), settings.referenceTable());
        this.queueService = new cn.onewindow.core.queue.QueueService(queueStore, deadlines, privacyKeys, clock);
        this.queueBoard = new cn.onewindow.core.queue.QueueBoard(queueStore, clock);
        this.caseService = new CaseService(cases, reference, cases, deadlines, clock, new CaseIds(clock),
                approvalService, servicePointService, servicePoints, accessLog, privacyKeys, queueService);
        DynamoRateCounter rateCounter = new DynamoRateCounter(dynamoDb, settings.idempotencyTable());
        this.progressService = new cn.onewindow.core.service.ProgressService(cases, rateCounter, privacyKeys, clock);
        this.appointmentStore = new DynamoAppointmentStore(dynamoDb, settings.casesTable());
        this.appointmentService = new cn.onewindow.core.appointment.AppointmentService(appointmentStore, queueStore,
                queueService, deadlines, privacyKeys, rateCounter,
                cn.onewindow.core.appointment.AppointmentPolicy.DEFAULT, clock);
        this.appointmentSweep = new cn.onewindow.core.appointment.AppointmentSweep(appointmentStore, queueStore,
                cn.onewindow.core.appointment.AppointmentPolicy.DEFAULT, clock);
        this.callerService = new cn.onewindow.core.service.CallerService(callers, servicePoints, clock);
        this.ledgerService = new cn.onewindow.core.service.LedgerService(
                new DynamoLedger(dynamoDb, settings.casesTable()), servicePointService);
        this.catalogService = new CatalogService(reference, clock);
        this.calendarService = new CalendarService(reference, deadlines, new DeadlineRecompute(cases, deadlines, clock));
        this.evaluations = new DynamoEvaluationRepository(dynamoDb, settings.casesTable(), settings.idempotencyTable());
        cn.onewindow.core.ports.EvaluationBatchQueue evaluationQueue = settings.evaluationQueueUrl() == null
                ? chunks -> {
                    throw new IllegalStateException("no evaluation queue configured");
                } : new SqsEvaluationBatchQueue(AwsClients.sqs(settings), settings.evaluationQueueUrl());
        this.ratingRequests = new DynamoRatingRequests(dynamoDb, settings.casesTable(), settings.referenceTable());
        this.evaluationService = new cn.onewindow.core.service.EvaluationService(evaluations, evaluationQueue,
                deadlines, clock, privacyKeys, ratingRequests);
        this.ratingRequestService = new cn.onewindow.core.queue.RatingRequestService(ratingRequests, cases,
                queueStore, evaluations, callers, privacyKeys, clock, servicePointService);
        String endpoint = settings.provincialEvaluationEndpoint();
        this.evaluationForwarder = new cn.onewindow.core.service.EvaluationForwarder(evaluations,
                endpoint != null && !endpoint.isBlank() ? new HttpEvaluationSink(java.net.URI.create(endpoint))
                        : new LogEvaluationSink(settings.evaluationLog() == null ? null
                        : java.nio.file.Path.of(settings.evaluationLog())), clock);
        this.deadlineChecker = new DeadlineChecker(cases, cases, deadlines, clock, approvalService, evaluationService);
        this.statsService = new StatsService(cases, deadlines, evaluations, queueService);
        NotificationSink sink = settings.notificationLog() != null
                ? new LogNotificationSink(java.nio.file.Path.of(settings.notificationLog()))
                : settings.notificationQueueUrl() != null
                ? new SqsNotificationSink(sqs != null ? sqs : AwsClients.sqs(settings),
                settings.notificationQueueUrl()) : null;
        // one-time secrets travel sealed in the outbox: opened only here, just before the SMS sink
        this.notificationRelay = sink == null ? null
                : new NotificationRelay(cases, new SealedNotificationSink(sink, privacyKeys), clock,
                // an appointment reminder is addressed from the booking: its phone is sealed, opened only here
                this::appointmentPhone);
        this.authenticator = new Authenticator(callers);
        this.sessions = new DynamoSessionStore(dynamoDb, settings.callersTable());
        // the password hasher's dummy hash (for unknown user names) is made once per JVM
        this.sessionService = new cn.onewindow.core.service.SessionService(sessions, callers, accessLog, privacyKeys,
                passwords(), rateCounter, clock);
    }

    /** The phone of a booking for its reminder SMS: sealed in the booking, opened only by the sender. */
    public java.util.Optional<String> appointmentPhone(String appointmentId) {
        return appointmentStore.find(appointmentId).map(a -> privacyKeys.outbox().open(a.sealedPhone(), a.id()));
    }

    private static cn.onewindow.core.access.Passwords passwords;

    private static synchronized cn.onewindow.core.access.Passwords passwords() {
        if (passwords == null) passwords = new cn.onewindow.core.access.Passwords();
        return passwords;
    }
}
