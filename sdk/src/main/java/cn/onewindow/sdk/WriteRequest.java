package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.Json;
import cn.onewindow.sdk.internal.ModelCodec;
import cn.onewindow.sdk.model.DecisionOutcome;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import cn.onewindow.sdk.model.SuspensionKind;
import cn.onewindow.sdk.model.TaskDecision;
import cn.onewindow.sdk.model.TaskDecisionResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One write as it goes over the wire: the same whether it is sent at once or queued in the outbox. */
final class WriteRequest {
    /** What the answer holds. */
    enum Kind { CASE, TASK_DECISION }

    final String method;
    final String path;
    final String body;
    final Kind kind;
    final String description;

    WriteRequest(String method, String path, String body, Kind kind, String description) {
        this.method = method;
        this.path = path;
        this.body = body;
        this.kind = kind;
        this.description = description;
    }

    /** The answer to a {@link Kind#CASE} write: the case after it, marked when the server had done it before. */
    static ServiceCase caseAnswer(HttpEngine.Response r) {
        return ModelCodec.serviceCase(r.object()).toBuilder().replayed(r.replayed()).build();
    }

    /** The answer to a {@link Kind#TASK_DECISION}: the task and its case, marked when done before. */
    static TaskDecisionResult taskAnswer(HttpEngine.Response r) {
        return ModelCodec.taskDecisionResult(r.object()).toBuilder().replayed(r.replayed()).build();
    }

    static WriteRequest submit(NewCase c) {
        if (c == null) throw new IllegalArgumentException("a case to submit is required");
        return new WriteRequest("POST", "/v1/cases", Json.write(ModelCodec.toJson(c)), Kind.CASE,
                "submit " + c.itemCode());
    }

    static WriteRequest supplement(String caseId, List<Material> materials) {
        List<Object> list = new ArrayList<>();
        if (materials != null) for (Material m : materials) list.add(ModelCodec.toJson(m));
        return onCase(caseId, "materials", body("materials", list), "supplement");
    }

    static WriteRequest decide(String caseId, DecisionOutcome outcome, List<String> reasons) {
        if (outcome == null) throw new IllegalArgumentException("an outcome is required");
        return onCase(caseId, "decision", body("outcome", send(outcome), "reasons", reasons), "decide " + outcome);
    }

    static WriteRequest suspend(String caseId, SuspensionKind kind, String reason) {
        if (kind == null) throw new IllegalArgumentException("a kind is required");
        return onCase(caseId, "suspensions", body("kind", send(kind), "reason", reason), "suspend");
    }

    static WriteRequest resume(String caseId, String note) {
        return onCase(caseId, "resume", body("note", note), "resume");
    }

    static WriteRequest extend(String caseId, int days, String reason) {
        return onCase(caseId, "extension", body("days", days, "reason", reason), "extend");
    }

    static WriteRequest issueResult(String caseId, String resultNumber) {
        return onCase(caseId, "result", body("resultNumber", resultNumber), "issue result");
    }

    static WriteRequest deliver(String caseId, String deliveredTo, String confirmation) {
        return onCase(caseId, "delivery", body("deliveredTo", deliveredTo, "confirmation", confirmation), "deliver");
    }

    static WriteRequest deliverWithPickupCode(String caseId, String deliveredTo, String pickupCode) {
        if (pickupCode == null || pickupCode.trim().isEmpty()) {
            throw new IllegalArgumentException("a pick-up code is required");
        }
        return onCase(caseId, "delivery", body("deliveredTo", deliveredTo, "confirmationCode", pickupCode.trim()),
                "deliver");
    }

    static WriteRequest reissuePickupCode(String caseId) {
        return onCase(caseId, "pickup-code", body(), "reissue pick-up code of");
    }

    static WriteRequest deliverWithSignature(String caseId, String deliveredTo, String signature) {
        if (signature == null || signature.trim().isEmpty()) {
            throw new IllegalArgumentException("a signature is required");
        }
        return onCase(caseId, "delivery", body("deliveredTo", deliveredTo, "signature", signature), "deliver");
    }

    static WriteRequest withdraw(String caseId, String reason) {
        return onCase(caseId, "withdrawal", body("reason", reason), "withdraw");
    }

    static WriteRequest decideTask(String taskId, TaskDecision d) {
        if (d == null || d.decisionValue() == null) throw new IllegalArgumentException("a decision is required");
        return new WriteRequest("POST", "/v1/tasks/" + HttpEngine.segment(taskId) + "/decision",
                Json.write(ModelCodec.toJson(d)), Kind.TASK_DECISION, "decide task " + taskId + " " + d.decisionValue());
    }

    private static WriteRequest onCase(String caseId, String action, Map<String, Object> body, String what) {
        return new WriteRequest("POST", "/v1/cases/" + HttpEngine.segment(caseId) + "/" + action, Json.write(body),
                Kind.CASE, what + " " + caseId);
    }

    private static String send(Enum<?> e) {
        if ("UNKNOWN".equals(e.name())) {
            throw new IllegalArgumentException(e.getDeclaringClass().getSimpleName() + ".UNKNOWN cannot be sent");
        }
        return e.name();
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v == null || (v instanceof List && ((List<?>) v).isEmpty())) continue;
            m.put((String) kv[i], v);
        }
        return m;
    }
}
