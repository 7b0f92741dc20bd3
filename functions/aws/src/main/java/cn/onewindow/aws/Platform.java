package cn.onewindow.aws;

import cn.onewindow.core.access.Authenticator;
import cn.onewindow.core.ports.ApprovalQueue;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.service.CalendarService;
import cn.onewindow.core.service.CaseIds;
import cn.onewindow.core.service.CaseService;
import cn.onewindow.core.service.CatalogService;
import cn.onewindow.core.service.Deadlines;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

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

    public Platform(AwsSettings settings, Clock clock) {
        this(settings, clock, AwsClients.dynamoDb(settings), settings.approvalQueueUrl() == null ? null
                : new SqsApprovalQueue(AwsClients.sqs(settings), settings.approvalQueueUrl()));
    }

    /** Without an approval queue (tests of storage and intake that do not exercise parallel approval). */
    public Platform(AwsSettings settings, Clock clock, DynamoDbClient dynamoDb) {
        this(settings, clock, dynamoDb, null);
    }

    /**
     * @param approvalQueue null where no queue is configured: joint and escalated tasks are then written but their
     *                      messages wait for the relay of a function that has the queue
     */
    public Platform(AwsSettings settings, Clock clock, DynamoDbClient dynamoDb, ApprovalQueue approvalQueue) {
        this.settings = settings;
        this.clock = clock;
        this.dynamoDb = dynamoDb;
        this.cases = new DynamoCaseRepository(dynamoDb, settings.casesTable(), settings.idempotencyTable());
        this.reference = new DynamoReferenceRepository(dynamoDb, settings.referenceTable());
        this.callers = new DynamoCallerDirectory(dynamoDb, settings.callersTable());
        this.deadlines = new Deadlines(reference, reference, clock);
        ApprovalQueue queue = approvalQueue != null ? approvalQueue : messages -> {
            throw new IllegalStateException("no approval queue configured");
        };
        this.approvalService = new ApprovalService(cases, reference, queue, deadlines, clock);
        this.caseService = new CaseService(cases, reference, cases, deadlines, clock, new CaseIds(clock),
                approvalService);
        this.catalogService = new CatalogService(reference, clock);
        this.calendarService = new CalendarService(reference, deadlines);
        this.authenticator = new Authenticator(callers);
    }
}
