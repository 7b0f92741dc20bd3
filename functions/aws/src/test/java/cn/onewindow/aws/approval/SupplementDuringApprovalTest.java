package cn.onewindow.aws.approval;

import cn.onewindow.core.approval.usecase.DecideTask;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.cases.usecase.CaseCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A department asks for more materials: the case stops (one-time notice of what is missing), the applicant's
 * supplement at the window restarts it and sends the task back to the department, and fan-in completes.
 */
@ExtendWith(LocalDynamo.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SupplementDuringApprovalTest {
    private static final String ITEM = DemoData.ITEM_FIXED_ASSET_INVESTMENT;
    private static ApprovalRig rig;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        rig = ApprovalRig.create(tables);
    }

    @AfterAll
    static void tearDown() {
        rig.close();
    }

    @Test
    void aSupplementRequestSuspendsTheCaseAndTheSupplementResumesIt() throws Exception {
        String caseId = rig.intake(ITEM, "补正申请人");
        assertEquals(5, rig.drain().delivered.get());
        String zrzyTask = DepartmentTask.idFor(caseId, "zrzy");
        TaskCommand request = new TaskCommand(TaskCommand.Outcome.REQUEST_SUPPLEMENT,
                List.of("用地预审与选址意见书已过有效期"), List.of("M03"));
        rig.clock.advance(Duration.ofHours(1));

        DecideTask.Decided requested = rig.approvals.decide(ApprovalRig.dept("zrzy"), zrzyTask, request);
        assertEquals(TaskStatus.AWAITING_SUPPLEMENT, requested.task().status());
        ServiceCase.Snapshot suspended = rig.caseOf(caseId);
        assertEquals(CaseStatus.SUSPENDED, suspended.status());
        assertEquals(Suspension.Kind.SUPPLEMENT, suspended.suspensions().get(0).kind());
        assertNull(suspended.suspensions().get(0).resumedAt());
        assertEquals(NoticeType.ONE_TIME_NOTICE, suspended.notice().type());
        assertEquals(List.of("M03"), suspended.notice().missing());
        String m03 = ApprovalRig.item(ITEM).material("M03").orElseThrow().name();
        assertTrue(suspended.notice().text().contains(m03), suspended.notice().text());
        assertEquals(TaskStatus.AWAITING_SUPPLEMENT, rig.task(caseId, "zrzy").status());

        // the same request again is a replay; an approval of a task waiting for materials is refused
        assertTrue(rig.approvals.decide(ApprovalRig.dept("zrzy"), zrzyTask, request).replayed());
        assertEquals("TASK_AWAITING_SUPPLEMENT", assertThrows(DomainException.class,
                () -> rig.approvals.decide(ApprovalRig.dept("zrzy"), zrzyTask, ApprovalRig.approve())).code());

        // the other four approve meanwhile: fan-in waits for the one still waiting
        for (String d : List.of("fgw", "zjj", "sthj", "ly")) {
            rig.approvals.decide(ApprovalRig.dept(d), DepartmentTask.idFor(caseId, d), ApprovalRig.approve());
        }
        assertEquals(CaseStatus.SUSPENDED, rig.caseOf(caseId).status());
        assertEquals(0, ApprovalRig.finalTransitions(rig.history(caseId)).size());

        // the applicant brings the material to the window: review resumes, the task is back in the inbox
        rig.clock.advance(Duration.ofDays(3));
        ServiceCase.Snapshot resumed = rig.platform.caseService.supplement(ApprovalRig.WINDOW, caseId,
                new CaseCommands.Supplement(List.of(new SubmittedMaterial("M03", 1))), null).snapshot();
        assertEquals(CaseStatus.IN_REVIEW, resumed.status());
        assertNotNull(resumed.suspensions().get(0).resumedAt());
        assertTrue(resumed.dueAt().isAfter(suspended.dueAt()), "the suspended time does not count");
        DepartmentTask back = rig.task(caseId, "zrzy");
        assertEquals(TaskStatus.PENDING, back.status());
        assertTrue(rig.approvals.inbox(ApprovalRig.dept("zrzy"), "zrzy", TaskStatus.PENDING, 100, null).items()
                .stream().anyMatch(t -> t.taskId().equals(zrzyTask)));

        DecideTask.Decided approved = rig.approvals.decide(ApprovalRig.dept("zrzy"), zrzyTask,
                ApprovalRig.approve());
        assertEquals(TaskStatus.APPROVED, approved.task().status());
        assertEquals(CaseStatus.APPROVED, approved.caseSnapshot().status());
        ServiceCase.Snapshot done = rig.caseOf(caseId);
        assertEquals(CaseStatus.APPROVED, done.status());
        assertEquals(5, rig.taskItems(caseId));
        assertTrue(rig.platform.cases.tasksOf(caseId).stream().allMatch(t -> t.status() == TaskStatus.APPROVED));

        List<HistoryEntry> history = rig.history(caseId);
        assertEquals(1, ApprovalRig.count(history, "SUSPENDED"));
        assertEquals(1, ApprovalRig.count(history, "MATERIALS_SUPPLEMENTED"));
        assertEquals(1, ApprovalRig.count(history, "RESUMED"));
        List<HistoryEntry> finals = ApprovalRig.finalTransitions(history);
        assertEquals(1, finals.size(), () -> "history: " + history);
        assertEquals("APPROVED", finals.get(0).event());
        assertEquals(CaseStatus.IN_REVIEW, finals.get(0).from());
        assertEquals(0, rig.depth(rig.approvalQueue), "a returned task needs no new message");
    }

    @Test
    void twoDepartmentsAskingForMaterialsGiveOneNoticeListingEverythingMissing() throws Exception {
        String caseId = rig.intake(ITEM, "两部门补正申请人");
        assertEquals(5, rig.drain().delivered.get());
        rig.approvals.decide(ApprovalRig.dept("zrzy"), DepartmentTask.idFor(caseId, "zrzy"), new TaskCommand(
                TaskCommand.Outcome.REQUEST_SUPPLEMENT, List.of("选址意见书已过期"), List.of("M03")));
        rig.approvals.decide(ApprovalRig.dept("sthj"), DepartmentTask.idFor(caseId, "sthj"), new TaskCommand(
                TaskCommand.Outcome.REQUEST_SUPPLEMENT, List.of("环评文件缺少结论页"), List.of("M04")));

        ServiceCase.Snapshot suspended = rig.caseOf(caseId);
        assertEquals(CaseStatus.SUSPENDED, suspended.status());
        assertEquals(1, suspended.suspensions().size(), "one suspension for both requests");
        assertEquals(NoticeType.ONE_TIME_NOTICE, suspended.notice().type());
        assertEquals(Set.of("M03", "M04"), Set.copyOf(suspended.notice().missing()),
                "the applicant is told once of everything missing: " + suspended.notice().text());
        for (String code : List.of("M03", "M04")) {
            String name = ApprovalRig.item(ITEM).material(code).orElseThrow().name();
            assertTrue(suspended.notice().text().contains(name), name);
        }

        rig.platform.caseService.supplement(ApprovalRig.WINDOW, caseId, new CaseCommands.Supplement(List.of(
                new SubmittedMaterial("M03", 1), new SubmittedMaterial("M04", 1))), null);
        assertEquals(CaseStatus.IN_REVIEW, rig.caseOf(caseId).status());
        for (String d : List.of("fgw", "zrzy", "zjj", "sthj", "ly")) {
            assertEquals(TaskStatus.PENDING, rig.task(caseId, d).status(), d);
            rig.approvals.decide(ApprovalRig.dept(d), DepartmentTask.idFor(caseId, d), ApprovalRig.approve());
        }
        assertEquals(CaseStatus.APPROVED, rig.caseOf(caseId).status());
        assertEquals(1, ApprovalRig.finalTransitions(rig.history(caseId)).size());
    }

    @Test
    void aSupplementRequestedDuringASiteInspectionIsNotStranded() throws Exception {
        String caseId = rig.intake(ITEM, "勘查期间补正申请人");
        assertEquals(5, rig.drain().delivered.get());
        // the lead department stops the clock for a site inspection (特别程序)
        rig.platform.caseService.suspend(ApprovalRig.WINDOW, caseId,
                new CaseCommands.Suspend(Suspension.Kind.SITE_INSPECTION, "项目现场勘查"), null);
        assertEquals(CaseStatus.SUSPENDED, rig.caseOf(caseId).status());
        // meanwhile a department finds a material missing
        String zrzyTask = DepartmentTask.idFor(caseId, "zrzy");
        rig.approvals.decide(ApprovalRig.dept("zrzy"), zrzyTask, new TaskCommand(
                TaskCommand.Outcome.REQUEST_SUPPLEMENT, List.of("选址意见书已过期"), List.of("M03")));
        assertEquals(TaskStatus.AWAITING_SUPPLEMENT, rig.task(caseId, "zrzy").status());
        assertTrue(rig.caseOf(caseId).notice().missing().contains("M03"),
                "the applicant is told what is missing: " + rig.caseOf(caseId).notice());

        // the applicant brings it; the inspection ends
        rig.platform.caseService.supplement(ApprovalRig.WINDOW, caseId,
                new CaseCommands.Supplement(List.of(new SubmittedMaterial("M03", 1))), null);
        assertEquals(TaskStatus.PENDING, rig.task(caseId, "zrzy").status(),
                "the supplemented task goes back to its department");
        if (rig.caseOf(caseId).status() == CaseStatus.SUSPENDED) {
            rig.platform.caseService.resume(ApprovalRig.WINDOW, caseId, new CaseCommands.Resume("勘查完毕"), null);
        }
        assertEquals(CaseStatus.IN_REVIEW, rig.caseOf(caseId).status());

        for (String d : List.of("fgw", "zrzy", "zjj", "sthj", "ly")) {
            rig.approvals.decide(ApprovalRig.dept(d), DepartmentTask.idFor(caseId, d), ApprovalRig.approve());
        }
        assertEquals(CaseStatus.APPROVED, rig.caseOf(caseId).status(), "the case is not stuck");
        assertEquals(1, ApprovalRig.finalTransitions(rig.history(caseId)).size());
    }
}
