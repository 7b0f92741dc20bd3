package cn.onewindow.sdk.examples;

import cn.onewindow.sdk.ConflictException;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.RetryPolicy;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.MaterialRequirement;
import cn.onewindow.sdk.model.Task;
import cn.onewindow.sdk.model.TaskDecision;
import cn.onewindow.sdk.model.TaskDecisionResult;
import cn.onewindow.sdk.model.TaskDetail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A department system (here 发改 fgw) polling its pending tasks and deciding them. */
public class DepartmentInbox {

    public static void main(String[] args) {
        OneWindowClient client = OneWindowClient.builder()
                .baseUrl(args.length > 0 ? args[0] : "http://localhost:8080")
                .token("demo-dept-fgw")                        // the department's own token
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .retryPolicy(RetryPolicy.defaults())
                .userAgent("fgw-approval-system/3.2")
                .build();
        int decided = pollOnce(client, "fgw");
        System.out.println(decided + " task(s) decided");
        // in production: run pollOnce every minute or so from a scheduler
    }

    /** One poll: every pending task, fetched page by page, checked and decided. */
    public static int pollOnce(OneWindowClient client, String department) {
        int decided = 0;
        for (Task task : client.tasks().pending(department)) {
            TaskDetail detail = client.tasks().get(task.taskId());
            List<String> missing = missingMaterials(client, detail);
            TaskDecision decision = missing.isEmpty()
                    ? TaskDecision.approve()
                    : TaskDecision.requestSupplement(missing, "请补齐材料");
            try {
                TaskDecisionResult r = client.tasks().decide(task.taskId(), decision);
                System.out.printf("%s %s → task %s, case %s%n", task.caseId(), task.itemName(),
                        r.task().statusValue(), r.serviceCase().statusValue());
                decided++;
            } catch (ConflictException alreadyDecided) {
                // decided meanwhile by another instance of this system: nothing to do
            }
        }
        return decided;
    }

    /** Codes of the item's mandatory materials that the case does not hold. */
    static List<String> missingMaterials(OneWindowClient client, TaskDetail detail) {
        List<String> handedIn = new ArrayList<>();
        for (Material m : detail.serviceCase().materials()) handedIn.add(m.code());
        List<String> missing = new ArrayList<>();
        for (MaterialRequirement r : client.catalog()
                .item(detail.serviceCase().itemCode(), detail.serviceCase().itemVersion()).materials()) {
            if (Boolean.TRUE.equals(r.mandatory()) && !Boolean.TRUE.equals(r.tolerable())
                    && !handedIn.contains(r.code())) {
                missing.add(r.code());
            }
        }
        return missing;
    }
}
