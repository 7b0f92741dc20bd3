package cn.onewindow.memory.contract;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskLevel;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.CaseWrite;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Cases, tasks and ids for the port contracts: every test works on ids of its own, so stores may be shared. */
public final class ContractFixtures {
    /** Friday 2025-04-25 10:00 in Shanghai. */
    public static final Instant T0 = Instant.parse("2025-04-25T02:00:00Z");
    public static final Caller WINDOW = DemoData.callers().get("demo-window");
    public static final Caller SUPERVISOR = DemoData.callers().get("demo-supervisor");
    public static final Actor ACTOR = WINDOW.asActor();
    private static final ServiceItem ITEM = DemoData.items(Instant.EPOCH).stream()
            .filter(i -> i.code().equals(DemoData.ITEM_COMPANY_REGISTRATION)).findFirst().orElseThrow();

    private ContractFixtures() {
    }

    /** A fresh id with the given prefix, unique across tests and runs (letters, digits and dashes only). */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static Applicant applicant() {
        String first17 = "33011019850101123";
        return new Applicant("张三", null, IdType.RESIDENT_ID, first17 + IdentityNumbers.checkCharacter(first17),
                "13812345678");
    }

    /** A case just submitted at a center and point, not stored yet (its first history line pending). */
    public static ServiceCase submitted(String caseId, String centerId, String pointId, Instant at) {
        return ServiceCase.submit(caseId, ITEM, applicant(), Channel.WINDOW, centerId, pointId, null, List.of(), at,
                ACTOR);
    }

    /** The write that creates {@code c}, with its pending history and no timers. */
    public static CaseWrite create(ServiceCase c) {
        return new CaseWrite(c.snapshot(), true, 0, c.pendingHistory(), List.of(), null);
    }

    /** A task of a case for a department, in the given status, created and due at the given instants. */
    public static DepartmentTask task(String caseId, String department, TaskStatus status, Instant createdAt,
                                      Instant dueAt) {
        return new DepartmentTask(DepartmentTask.idFor(caseId, department), caseId, ITEM.code(), ITEM.name(),
                department, department, TaskLevel.JOINT, status, createdAt, null, dueAt, null, List.of(), List.of(),
                null, null, null, null, 0);
    }
}
