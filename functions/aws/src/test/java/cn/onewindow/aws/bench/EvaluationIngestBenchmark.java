package cn.onewindow.aws.bench;

import cn.onewindow.aws.AwsClients;
import cn.onewindow.aws.AccessGuard;
import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.CaseCopies;
import cn.onewindow.aws.DemoSeeder;
import cn.onewindow.aws.Platform;
import cn.onewindow.aws.SqsEvaluationBatchQueue;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.infrastructure.ProvisionedResources;
import cn.onewindow.infrastructure.TemplateModel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * 好差评 batch ingestion throughput against raw BatchWriteItem of the same items (issue 5).
 *
 * <p>N delivered cases (one case through intake, decision, result and delivery; its META item copied under N ids,
 * untimed). Rounds of 10,000 ratings, interleaved: <b>ours</b> = {@code EvaluationService.acceptBatch} (what
 * {@code POST /v1/evaluation-batches} calls: batch header, split into chunks, one SQS message each to ElasticMQ),
 * then one poller receiving up to 5 messages at a time (the template's BatchSize) and handling each as
 * {@code EvaluationIngestHandler} does (parse, {@code EvaluationService.ingest}: batched reads of the cases, checks,
 * BatchWriteItem of 25, the chunk record), deleting it after success; the ingestion side uses the ingestion
 * function's own environment (cases table only) and guarded client. <b>raw</b> = the rating items ours stored in that
 * round, read back untimed and written with BatchWriteItem of 25 to the cases table of a second set of tables
 * provisioned from the same template (same item shapes, same indexes) and holding the same case META items (so both
 * sides write into a table of the same size). Single-threaded on both sides.
 *
 * <pre>
 * java -cp "functions/aws/target/test-classes:functions/aws/target/classes:$(cat functions/aws/target/bench.classpath)" \
 *   cn.onewindow.aws.bench.EvaluationIngestBenchmark 100000
 * </pre>
 * Arguments: {@code N [ROUND]} (defaults 100,000 and 10,000; a first round of 2,000 warms both sides up and is left
 * out).
 */
public final class EvaluationIngestBenchmark {
    static final Instant START = Instant.parse("2025-04-25T02:00:00Z");
    static final String PHONE_LAST4 = "5678";
    static final int WARMUP = 2_000;

    private EvaluationIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int round = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        EmbeddedAws.Options options = ApprovalBenchmark.emulatorOptions();
        log("EvaluationIngestBenchmark: %d ratings in rounds of %d (warm-up %d), %d cores", n, round, WARMUP,
                Runtime.getRuntime().availableProcessors());
        try (EmbeddedAws aws = EmbeddedAws.start(options)) {
            TemplateModel model = TemplateModel.load();
            String stamp = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            ProvisionedResources ours = aws.provision(model, "evb" + stamp);
            ProvisionedResources raw = aws.provision(model, "evbraw" + stamp);
            String casesTable = ours.tableName("CasesTable");
            String rawTable = raw.tableName("CasesTable");
            String queue = ours.queueUrl("EvaluationQueue");
            Map<String, String> env = new HashMap<>();
            env.put(AwsSettings.ENV_DYNAMODB_ENDPOINT, aws.dynamoDbEndpoint().toString());
            env.put(AwsSettings.ENV_SQS_ENDPOINT, aws.sqsEndpoint().toString());
            env.put(AwsSettings.ENV_CASES_TABLE, casesTable);
            env.put(AwsSettings.ENV_REFERENCE_TABLE, ours.tableName("ReferenceTable"));
            env.put(AwsSettings.ENV_IDEMPOTENCY_TABLE, ours.tableName("IdempotencyTable"));
            env.put(AwsSettings.ENV_CALLERS_TABLE, ours.tableName("CallersTable"));
            env.put(AwsSettings.ENV_EVALUATION_QUEUE_URL, queue);
            AdjustableClock clock = AdjustableClock.startingAt(START);
            OpTimes oursOps = new OpTimes();
            OpTimes rawOps = new OpTimes();
            try (DynamoDbClient ddb = ApprovalBenchmark.dynamo(aws, null);
                 DynamoDbClient rawDb = ApprovalBenchmark.dynamo(aws, rawOps);
                 DynamoDbClient ingestDb = DynamoDbClient.builder().httpClient(AwsClients.httpClient())
                         .endpointOverride(aws.dynamoDbEndpoint()).region(EmbeddedAws.REGION)
                         .credentialsProvider(EmbeddedAws.localCredentials())
                         .overrideConfiguration(c -> c.addExecutionInterceptor(new AccessGuard(casesTable, Set.of()))
                                 .addExecutionInterceptor(oursOps))
                         .build();
                 SqsClient sqs = ApprovalBenchmark.sqs(aws, null)) {
                Platform intake = new Platform(AwsSettings.fromEnvironment(env), clock, ddb);
                DemoSeeder.seed(intake, clock.instant());
                Map<String, String> ingestEnv = new HashMap<>();
                ingestEnv.put(AwsSettings.ENV_DYNAMODB_ENDPOINT, aws.dynamoDbEndpoint().toString());
                ingestEnv.put(AwsSettings.ENV_CASES_TABLE, casesTable);
                Platform ingest = new Platform(AwsSettings.fromEnvironment(ingestEnv), clock, ingestDb);

                String template = delivered(intake);
                long t = System.nanoTime();
                List<String> ids = CaseCopies.of(ddb, casesTable, template, WARMUP + n);
                // the baseline's table holds the same cases: a write into a table of 100,000 cases costs more than
                // into an empty one, and ours pays that too
                CaseCopies.of(ddb, casesTable, template, WARMUP + n, rawTable);
                log("seeded %,d delivered cases in %.1f s (untimed)", WARMUP + n, (System.nanoTime() - t) / 1e9);

                Caller terminal = DemoData.callers().get("demo-terminal");
                Bench b = new Bench(intake, ingest, ddb, rawDb, sqs, queue, casesTable, rawTable, terminal);
                b.round(ids.subList(0, WARMUP));
                b.oursNanos = 0;
                b.rawNanos = 0;
                oursOps.reset();
                rawOps.reset();
                b.ratings = 0;
                for (int from = WARMUP; from < WARMUP + n; from += round) {
                    b.round(ids.subList(from, Math.min(WARMUP + n, from + round)));
                    log("  %,d ratings: ours %.1f s, raw %.1f s", b.ratings, b.oursNanos / 1e9, b.rawNanos / 1e9);
                }
                double oursRate = b.ratings / (b.oursNanos / 1e9);
                double rawRate = b.ratings / (b.rawNanos / 1e9);
                log("");
                log("ratings            %,d (%d messages)", b.ratings, b.messages);
                log("ours  (accept + split + ElasticMQ + ingest)  %.1f s  %.0f ratings/s", b.oursNanos / 1e9,
                        oursRate);
                log("raw   (BatchWriteItem of 25, same items)     %.1f s  %.0f ratings/s", b.rawNanos / 1e9,
                        rawRate);
                log("ratio ours / raw time: %.2f", b.oursNanos / (double) b.rawNanos);
                // issue 17: at least 0.8 x raw BatchWriteItem throughput = at most 1.25 x its time
                Guard.line("ingestion ours / raw BatchWriteItem time", b.oursNanos / (double) b.rawNanos, 1.25);
                oursOps.print("ours, the ingestion function's store calls:");
                rawOps.print("raw, the baseline's store calls:");
            }
        }
    }

    static final class Bench {
        final Platform intake;
        final Platform ingest;
        final DynamoDbClient ddb;
        final DynamoDbClient rawDb;
        final SqsClient sqs;
        final String queue;
        final String table;
        final String rawTable;
        final Caller terminal;
        long oursNanos;
        long rawNanos;
        long ratings;
        long messages;
        int batches;

        Bench(Platform intake, Platform ingest, DynamoDbClient ddb, DynamoDbClient rawDb, SqsClient sqs, String queue,
              String table, String rawTable, Caller terminal) {
            this.intake = intake;
            this.ingest = ingest;
            this.ddb = ddb;
            this.rawDb = rawDb;
            this.sqs = sqs;
            this.queue = queue;
            this.table = table;
            this.rawTable = rawTable;
            this.terminal = terminal;
        }

        void round(List<String> caseIds) {
            String[] levels = {"VERY_SATISFIED", "SATISFIED", "BASIC", "SATISFIED", "VERY_SATISFIED"};
            List<RatingRequest> records = new ArrayList<>(caseIds.size());
            for (int i = 0; i < caseIds.size(); i++) {
                records.add(new RatingRequest(caseIds.get(i), levels[i % levels.length], "EVALUATOR", PHONE_LAST4,
                        "W01", null, null, null));
            }
            // ours: accept, split, enqueue; then consume and ingest
            long t0 = System.nanoTime();
            EvaluationBatch batch = intake.evaluationService.acceptBatch(terminal, records, "bench-" + (++batches));
            int stored = 0;
            int done = 0;
            while (done < batch.chunks()) {
                List<Message> ms = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(5)
                        .visibilityTimeout(360).waitTimeSeconds(1)).messages();
                for (Message m : ms) {
                    EvaluationBatch.ChunkResult r = ingest.evaluationService.ingest(
                            SqsEvaluationBatchQueue.parse(m.body()));
                    stored += r.stored();
                    done++;
                    sqs.deleteMessage(d -> d.queueUrl(queue).receiptHandle(m.receiptHandle()));
                }
            }
            oursNanos += System.nanoTime() - t0;
            if (stored != caseIds.size()) throw new IllegalStateException("stored " + stored + " of " + caseIds.size());
            messages += batch.chunks();

            // raw: the same rating items, read back (untimed), written with BatchWriteItem of 25
            List<Map<String, AttributeValue>> items = readRatings(caseIds);
            if (items.size() != caseIds.size()) throw new IllegalStateException("read back " + items.size());
            long t1 = System.nanoTime();
            for (int from = 0; from < items.size(); from += 25) {
                List<WriteRequest> writes = new ArrayList<>(25);
                for (Map<String, AttributeValue> i : items.subList(from, Math.min(items.size(), from + 25))) {
                    writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build());
                }
                Map<String, List<WriteRequest>> req = Map.of(rawTable, writes);
                while (req != null && !req.isEmpty()) {
                    var send = req;
                    var r = rawDb.batchWriteItem(w -> w.requestItems(send));
                    req = r.hasUnprocessedItems() && !r.unprocessedItems().isEmpty() ? r.unprocessedItems() : null;
                }
            }
            rawNanos += System.nanoTime() - t1;
            ratings += caseIds.size();
        }

        private List<Map<String, AttributeValue>> readRatings(List<String> caseIds) {
            List<Map<String, AttributeValue>> out = new ArrayList<>();
            for (int from = 0; from < caseIds.size(); from += 100) {
                List<Map<String, AttributeValue>> keys = new ArrayList<>();
                for (String id : caseIds.subList(from, Math.min(caseIds.size(), from + 100))) {
                    keys.add(Map.of("pk", AttributeValue.fromS("CASE#" + id), "sk", AttributeValue.fromS("EVAL#1")));
                }
                Map<String, KeysAndAttributes> req = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
                while (req != null && !req.isEmpty()) {
                    var send = req;
                    BatchGetItemResponse r = ddb.batchGetItem(g -> g.requestItems(send));
                    out.addAll(r.responses().getOrDefault(table, List.of()));
                    req = r.hasUnprocessedKeys() && !r.unprocessedKeys().isEmpty() ? r.unprocessedKeys() : null;
                }
            }
            return out;
        }
    }

    /** A 企业设立登记 case accepted, approved, result issued and delivered through the case service. */
    static String delivered(Platform p) {
        Map<String, Caller> callers = DemoData.callers();
        Caller window = callers.get("demo-window");
        ServiceItem item = DemoData.items(Instant.EPOCH).stream()
                .filter(i -> i.code().equals(DemoData.ITEM_COMPANY_REGISTRATION)).findFirst().orElseThrow();
        List<SubmittedMaterial> materials = item.materials().stream().filter(MaterialRequirement::mandatory)
                .map(m -> new SubmittedMaterial(m.code(), m.copies())).toList();
        String first17 = "33011019850101001";
        Applicant a = new Applicant("评价人", null, IdType.RESIDENT_ID,
                first17 + IdentityNumbers.checkCharacter(first17), "1381234" + PHONE_LAST4);
        String id = p.caseService.intake(window, new CaseCommands.Intake(item.code(), a, Channel.WINDOW, null, null,
                materials, List.of()), null).snapshot().id();
        p.caseService.decide(window, id, new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()), null);
        p.caseService.issueResult(window, id, new CaseCommands.IssueResult("R-" + id), null);
        p.caseService.deliver(window, id, new CaseCommands.Deliver("评价人", "本人签收"), null);
        return id;
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }
}
