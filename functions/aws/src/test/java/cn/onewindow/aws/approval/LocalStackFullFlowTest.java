package cn.onewindow.aws.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.aws.SqsEvaluationBatchQueue;
import cn.onewindow.aws.evaluation.EvaluationRig;
import cn.onewindow.aws.targets.LocalStackTarget;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.service.DeadlineChecker;
import cn.onewindow.infrastructure.TemplateModel;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The whole flow against LocalStack's DynamoDB and SQS (tables and queues created from template.yaml, as the local
 * system and the cloud do): intake of a five-department joint case, fan-out over SQS, delivery by the approval worker,
 * the five decisions, fan-in, a deadline check, and a batch of ratings through the evaluation queue and ingestion.
 * Needs a Docker engine; skipped where none runs (as on the development machines). To run it where Docker does:
 * {@code ./mvnw -B verify -pl functions/aws -am -Dtest=LocalStackFullFlowTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackFullFlowTest {
    private static LocalStackTarget localStack;
    private static LocalDynamo.Tables tables;
    private static ApprovalRig rig;

    @BeforeAll
    static void start() {
        localStack = LocalStackTarget.start();
        tables = LocalDynamo.tablesOn(localStack, TemplateModel.load(), "flow");
        rig = ApprovalRig.create(tables);
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
        if (localStack != null) {
            localStack.close();
        }
    }

    @Test
    void jointCaseFromIntakeThroughParallelApprovalToARatingBatch() throws Exception {
        // intake and fan-out: one task and one message per department
        String caseId = rig.intake(DemoData.ITEM_FIXED_ASSET_INVESTMENT, "王建国");
        List<String> departments = ApprovalRig.departments(DemoData.ITEM_FIXED_ASSET_INVESTMENT).stream()
                .map(d -> d.code()).toList();
        assertEquals(5, departments.size());
        assertEquals(5, rig.taskItems(caseId));

        // the approval worker takes the messages from LocalStack's SQS
        assertEquals(5, rig.drain().delivered.get());
        assertEquals(CaseStatus.IN_REVIEW, rig.caseOf(caseId).status());

        // every department approves; the last decision moves the case once
        for (String d : departments) {
            rig.approvals.decide(ApprovalRig.dept(d), DepartmentTask.idFor(caseId, d), ApprovalRig.approve());
        }
        assertEquals(CaseStatus.APPROVED, rig.caseOf(caseId).status());
        assertEquals(1, ApprovalRig.finalTransitions(rig.history(caseId)).size());

        // a deadline check a working day later finds nothing overdue on the decided case
        rig.clock.advance(Duration.ofDays(1));
        DeadlineChecker.Result checked = rig.platform.deadlineChecker.run();
        assertEquals(0, checked.overdue());

        // a day's ratings from an evaluator device, through the evaluation queue and the ingestion code
        EvaluationRig ratings = new EvaluationRig(tables, ApprovalRig.FRIDAY_10_SHANGHAI);
        List<RatingRequest> records = List.of(
                EvaluationRig.rating(ratings.delivered("评价人甲"), "VERY_SATISFIED", "EVALUATOR"),
                EvaluationRig.rating(ratings.delivered("评价人乙"), "SATISFIED", "EVALUATOR"),
                EvaluationRig.rating("NO-SUCH-CASE", "SATISFIED", "EVALUATOR"));
        EvaluationBatch batch = ratings.platform.evaluationService.acceptBatch(EvaluationRig.TERMINAL, records,
                "localstack-day-1");
        try (SqsClient sqs = tables.aws().sqsClient()) {
            int handled = 0;
            for (int round = 0; round < 20 && handled < batch.chunks(); round++) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(ratings.evaluationQueue)
                        .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                for (Message m : messages) {
                    ratings.platform.evaluationService.ingest(SqsEvaluationBatchQueue.parse(m.body()));
                    sqs.deleteMessage(d -> d.queueUrl(ratings.evaluationQueue).receiptHandle(m.receiptHandle()));
                    handled++;
                }
            }
        }
        EvaluationBatch.Status status = ratings.platform.evaluationService.batchStatus(EvaluationRig.TERMINAL,
                batch.id(), 100, null);
        assertEquals("COMPLETED", status.state(), () -> status.toString());
        assertEquals(2, status.accepted());
        assertEquals(1, status.rejected());
        assertEquals(1, status.errors().size(), () -> "one bad record: " + status);
        assertEquals(2, status.errors().get(0).index(), "the bad record is named by its index");
    }
}
