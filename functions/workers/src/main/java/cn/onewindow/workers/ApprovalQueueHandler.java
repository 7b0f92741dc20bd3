package cn.onewindow.workers;

import cn.onewindow.core.approval.usecase.DeliverTask;
import cn.onewindow.aws.SqsApprovalQueue;
import cn.onewindow.core.service.ApprovalService;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The approval worker: delivers each task of the approval queue to its department's inbox and records the
 * hand-off in the case history. Reports partial batch failures, so one bad message is retried (and ends in the
 * dead-letter queue after the queue's maxReceiveCount) without failing its neighbours. Duplicates are harmless.
 */
@Singleton
@Named("approval")
public class ApprovalQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = Logger.getLogger(ApprovalQueueHandler.class);

    private final ApprovalService approvals;

    @Inject
    public ApprovalQueueHandler(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        // message ids and task ids only: bodies carry no personal data, but logs never echo them anyway
        PartialBatch<DeliverTask.Delivery> batch = PartialBatch.handle(event, "approval", LOG,
                body -> approvals.deliver(SqsApprovalQueue.parse(body)));
        long delivered = batch.results().stream().filter(d -> d == DeliverTask.Delivery.DELIVERED).count();
        LOG.infof("approval batch: %d delivered, %d duplicates, %d failed", delivered,
                batch.results().size() - delivered, batch.failed());
        return batch.response();
    }
}
