package cn.onewindow.aws;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.calendar.CalendarYear;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.points.ServiceCenter;
import cn.onewindow.core.points.ServicePoint;
import cn.onewindow.core.ports.AccessLog;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every kind of JSON document the DynamoDB adapters store (attribute {@code doc}, and the idempotency record's
 * {@code result}), with its schema version. {@link Json#write} adds {@code "schemaVersion": current} to these and
 * {@link Json#read} upgrades an older document step by step before binding it. A document without
 * {@code schemaVersion} is version 0: the shape before versions existed, which version 1 kept unchanged.
 *
 * <p>To change a stored record: bump its {@code current}, add the step from the old version to the new one
 * ({@code steps.get(i)} turns version {@code i} into {@code i + 1}; it edits the JSON tree, never the domain type),
 * and add {@code functions/aws/src/test/resources/golden/v<new>/<kind>.json} as the new release writes it. Keep the
 * older golden files: {@code StoredRecordGoldenTest} proves each still reads into the same domain object.
 */
public final class StoredRecords {

    /** One stored document kind. */
    public record Kind(String name, Class<?> type, int current, List<UnaryOperator<ObjectNode>> steps) {
        public Kind {
            if (steps.size() != current) {
                throw new IllegalArgumentException(name + ": one upgrade step per version, " + current + " needed");
            }
        }

        /** Brings a document of {@code version} to {@link #current()}. */
        ObjectNode upgrade(ObjectNode doc, int version) {
            if (version > current) {
                throw new IllegalStateException("stored " + name + " has schemaVersion " + version
                        + "; this release reads up to " + current + " (written by a newer release?)");
            }
            for (int v = version; v < current; v++) doc = steps.get(v).apply(doc);
            return doc;
        }
    }

    /** 0 → 1: the document before versions existed has the same properties as version 1. */
    static final UnaryOperator<ObjectNode> V0_TO_V1 = doc -> doc;

    /** Evaluation 1 → 2: the queue number (排队号) the rated case was served under; none before. */
    static final UnaryOperator<ObjectNode> V1_TO_V2_EVALUATION = doc -> {
        if (!doc.has("queueNumber")) doc.putNull("queueNumber");
        return doc;
    };

    private static final Map<Class<?>, Kind> KINDS = new LinkedHashMap<>();

    static {
        kind("case", ServiceCase.Snapshot.class, V0_TO_V1);          // case META, idempotency result, ledger rows
        kind("task", DepartmentTask.class, V0_TO_V1);
        kind("history", HistoryEntry.class, V0_TO_V1);
        kind("access-log", AccessLog.Entry.class, V0_TO_V1);
        kind("notification", Notification.class, V0_TO_V1);         // the outbox row (not the SQS message)
        kind("accountability", Accountability.class, V0_TO_V1);
        kind("evaluation", Evaluation.class, V0_TO_V1, V1_TO_V2_EVALUATION);
        kind("rectification", Rectification.class, V0_TO_V1);
        kind("evaluation-batch", EvaluationBatch.class, V0_TO_V1);
        kind("evaluation-batch-error", EvaluationBatch.RecordError.class, V0_TO_V1);
        kind("catalog-item", ServiceItem.class, V0_TO_V1);
        kind("calendar", CalendarYear.class, V0_TO_V1);
        kind("center", ServiceCenter.class, V0_TO_V1);
        kind("caller", Caller.class, V0_TO_V1);
        kind("service-point", ServicePoint.class, V0_TO_V1);
        kind("rating-request", cn.onewindow.core.evaluation.WindowRatingRequest.class, V0_TO_V1);
    }

    @SafeVarargs
    private static void kind(String name, Class<?> type, UnaryOperator<ObjectNode>... steps) {
        KINDS.put(type, new Kind(name, type, steps.length, List.of(steps)));
    }

    private StoredRecords() {
    }

    /** The stored kind of this type, or {@code null} for JSON that is not a stored record (messages, cursors). */
    public static Kind of(Class<?> type) {
        return KINDS.get(type);
    }

    public static List<Kind> all() {
        return List.copyOf(KINDS.values());
    }
}
