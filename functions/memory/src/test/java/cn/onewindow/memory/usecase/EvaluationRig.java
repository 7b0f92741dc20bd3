package cn.onewindow.memory.usecase;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.memory.MemoryPlatform;
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
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.cases.usecase.CaseCommands;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The in-memory platform with the demo data, a clock of its own, and cases taken to the point a test rates them. */
public final class EvaluationRig {
    static final Map<String, Caller> CALLERS = DemoData.callers();
    static final Caller WINDOW = CALLERS.get("demo-window");
    public static final Caller TERMINAL = CALLERS.get("demo-terminal");
    static final Caller SUPERVISOR = CALLERS.get("demo-supervisor");
    static final Caller DEPT_SCJG = CALLERS.get("demo-dept-scjg");
    static final Caller DEPT_FGW = CALLERS.get("demo-dept-fgw");
    static final String PHONE_LAST4 = "5678";

    final AdjustableClock clock;
    public final MemoryPlatform platform;

    public EvaluationRig(Instant start) {
        this.clock = AdjustableClock.startingAt(start);
        this.platform = MemoryPlatform.seeded(clock);
    }

    static Applicant person(String name) {
        String first17 = "33011019850101" + String.format("%03d", Math.floorMod(name.hashCode(), 1000));
        return new Applicant(name, null, IdType.RESIDENT_ID, first17 + IdentityNumbers.checkCharacter(first17),
                "1381234" + PHONE_LAST4);
    }

    /** A 企业设立登记 case (immediate) accepted, approved, result issued and delivered; returns its id. */
    public String delivered(String applicant) {
        return delivered(WINDOW, applicant);
    }

    /** The same at another window (another center's staff). */
    public String delivered(Caller window, String applicant) {
        String id = resultReady(window, applicant);
        platform.caseService.deliver(window, id, new CaseCommands.Deliver(applicant, "本人签收"), null);
        return id;
    }

    String resultReady(String applicant) {
        return resultReady(WINDOW, applicant);
    }

    String resultReady(Caller window, String applicant) {
        String id = accepted(window, applicant);
        platform.caseService.decide(window, id, new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()), null);
        platform.caseService.issueResult(window, id, new CaseCommands.IssueResult("R-" + id), null);
        return id;
    }

    String accepted(String applicant) {
        return accepted(WINDOW, applicant);
    }

    String accepted(Caller window, String applicant) {
        ServiceItem item = DemoData.items(Instant.EPOCH).stream()
                .filter(i -> i.code().equals(DemoData.ITEM_COMPANY_REGISTRATION)).findFirst().orElseThrow();
        List<SubmittedMaterial> materials = item.materials().stream().filter(MaterialRequirement::mandatory)
                .map(m -> new SubmittedMaterial(m.code(), m.copies())).toList();
        return platform.caseService.intake(window, new CaseCommands.Intake(item.code(), person(applicant), Channel.WINDOW,
                null, null, materials, List.of()), null).snapshot().id();
    }

    public static RatingRequest rating(String caseId, String level, String channel) {
        return new RatingRequest(caseId, level, channel, PHONE_LAST4, "W01", null, null, null);
    }
}
