package cn.onewindow.aws.evaluation;

import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.aws.DynamoCaseRepository;
import cn.onewindow.aws.DynamoEvaluationRepository;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.service.EvaluationForwarder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.onewindow.aws.evaluation.EvaluationRig.TERMINAL;
import static cn.onewindow.aws.evaluation.EvaluationRig.rating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay's rating forwarding (好差评 → provincial system) reads the due-time index from a checkpoint: an idle tick
 * costs one or two bucket queries, and a rating the province refuses for hours is still forwarded once it answers.
 * Real dynoxide; queries counted by an SDK interceptor on the forwarder's own client.
 */
@ExtendWith(LocalDynamo.class)
class RatingForwardingCheckpointTest {
    static final Duration LOOK_BACK = Duration.ofDays(2);

    @Test
    void idleTicksAreCheapAndARatingRefusedForHoursIsForwardedAtLast(LocalDynamo.Tables tables) {
        EvaluationRig rig = new EvaluationRig(tables, Instant.parse("2025-04-25T02:00:00Z"));
        AtomicInteger queries = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request().getClass().getSimpleName().equals("QueryRequest")) queries.incrementAndGet();
            }
        };
        try (DynamoDbClient counted = tables.aws().dynamoDbClientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build()) {
            String cases = tables.casesTable();
            String idempotency = tables.settings().idempotencyTable();
            DynamoEvaluationRepository repo = new DynamoEvaluationRepository(counted, cases, idempotency);
            DynamoCaseRepository checkpoints = new DynamoCaseRepository(counted, cases, idempotency);
            AtomicBoolean provinceUp = new AtomicBoolean(false);
            List<String> forwarded = new CopyOnWriteArrayList<>();
            EvaluationForwarder forwarder = new EvaluationForwarder(repo, e -> {
                if (!provinceUp.get()) throw new IllegalStateException("503 from the province");
                forwarded.add(e.id());
            }, rig.clock);

            forwarder.run(LOOK_BACK, checkpoints); // no checkpoint yet: the whole look-back once
            for (int i = 0; i < 3; i++) {
                rig.clock.advance(Duration.ofMinutes(5));
                queries.set(0);
                forwarder.run(LOOK_BACK, checkpoints);
                assertTrue(queries.get() <= 2, "an idle tick reads one or two hour buckets: " + queries.get());
            }

            String caseId = rig.delivered("检查点");
            rig.platform.evaluationService.rate(TERMINAL, rating(caseId, "SATISFIED", "PAD"), null);
            for (int i = 0; i < 48; i++) { // four hours of ticks with the province down
                rig.clock.advance(Duration.ofMinutes(5));
                assertEquals(0, forwarder.run(LOOK_BACK, checkpoints).forwarded());
            }
            provinceUp.set(true);
            for (int i = 0; i < 13 && forwarded.isEmpty(); i++) { // within the longest backoff (1 h)
                rig.clock.advance(Duration.ofMinutes(5));
                forwarder.run(LOOK_BACK, checkpoints);
            }
            assertEquals(List.of(Evaluation.idFor(caseId, 1)), forwarded, "forwarded once the province answers");
            rig.clock.advance(Duration.ofMinutes(5));
            queries.set(0);
            assertEquals(0, forwarder.run(LOOK_BACK, checkpoints).forwarded());
            assertTrue(queries.get() <= 2, "idle again: " + queries.get());
        }
    }
}
