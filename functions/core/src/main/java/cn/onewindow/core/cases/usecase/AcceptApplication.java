package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Consent;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.intake.IntakeRules;
import cn.onewindow.core.ports.IdempotencyClaim;
import cn.onewindow.core.ports.ServicePointDirectory;
import cn.onewindow.core.ports.TicketLinks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A window or a village agent takes in an application (收件): the case is submitted and at once not accepted,
 * told what is missing (一次性告知) or accepted (受理, the clock starts; a joint or escalated case gets its
 * department tasks). A case that stays open gets a query password, answered once in clear. One write with the
 * history, timers, tasks and idempotency record; the tasks' messages and the queue ticket's link follow it.
 */
public final class AcceptApplication {
    private final CaseWrites writes;
    private final Supplier<String> caseIds;
    private final ServicePointDirectory points;
    private final TicketLinks tickets;

    /**
     * @param points  the service points (an agent of a closed point submits nothing new); may be null
     * @param tickets the queue tickets an intake may name (排队号 being served); null: none
     */
    public AcceptApplication(CaseWrites writes, Supplier<String> caseIds, ServicePointDirectory points,
                             TicketLinks tickets) {
        this.writes = writes;
        this.caseIds = caseIds;
        this.points = points;
        this.tickets = tickets;
    }

    public CaseWritten accept(Caller caller, CaseCommands.Intake cmd, String idempotencyKey) {
        IdempotencyClaim claim = writes.requests.claim(caller, "intake", null, cmd, idempotencyKey);
        Optional<CaseWritten> replay = writes.requests.replay(claim);
        if (replay.isPresent()) return replay.get();

        IntakeValidation.validate(cmd);
        ServiceItem item = writes.catalog.current(cmd.itemCode()).orElseThrow(() -> DomainException.unprocessable(
                "UNKNOWN_ITEM", "事项不存在：" + cmd.itemCode(), "no catalog item " + cmd.itemCode()));
        AccessPolicy.requireIntake(caller, item, cmd.channel());
        if (AccessPolicy.takesCasesForItsPoint(caller) && points != null && caller.servicePointId() != null
                && points.find(caller.servicePointId()).map(p -> !p.open()).orElse(false)) {
            throw DomainException.illegalState("SERVICE_POINT_CLOSED", "本服务点已撤销，不能再受理新的代办件",
                    "this service point is closed and takes no new cases");
        }
        IntakeValidation.validateConsent(cmd, writes.clock);
        IntakeValidation.requireKnownCodes(item, cmd);

        Instant now = writes.clock.instant();
        Actor actor = caller.asActor();
        String agent = cmd.channel() == Channel.VILLAGE_AGENT ? caller.id() : null;
        ServiceCase c = ServiceCase.submit(caseIds.get(), item, cmd.applicant(), cmd.channel(), caller.centerId(),
                caller.servicePointId(), agent, cmd.materials(), now, actor);
        if (cmd.channel() == Channel.VILLAGE_AGENT && cmd.consent() != null) {
            c.recordConsent(new Consent(cmd.consent().method(), cmd.consent().reference(),
                    cmd.consent().givenAt() == null ? now : cmd.consent().givenAt()));
        }
        DeadlineCalculator calc = writes.deadlines.calculatorFor(caller.centerId());
        List<DepartmentTask> tasks = IntakeOutcome.apply(c, item,
                IntakeRules.assess(item, cmd.materials(), cmd.unmetConditions()), calc, now, actor);
        // the query password printed on the notice (办件进度查询): every case that stays open gets one
        // (a platform built without the key ring, as in domain tests, issues none)
        String password = c.status() == CaseStatus.NOT_ACCEPTED || !writes.secrets.issuesPasswords() ? null
                : CaseSecrets.newCode();
        if (password != null) c.queryPassword(writes.secrets.queryPasswordHash(c.id(), password));
        if (cmd.ticketId() != null) {
            if (tickets == null) {
                throw DomainException.validation(List.of(FieldError.of("ticketId",
                        "TICKET_NOT_FOUND", "排队号不存在", "no such queue ticket")));
            }
            c.servedUnderTicket(cmd.ticketId(), tickets.numberOf(caller, cmd.ticketId()));
        }
        CaseWritten w = writes.save(c, true, 0, calc, claim, CaseWrites.creating(tasks), List.of());
        if (!w.replayed()) {
            writes.outbox.publish(tasks);
            if (tickets != null && cmd.ticketId() != null) tickets.linkCase(cmd.ticketId(), c.id());
            return new CaseWritten(w.snapshot(), false, password);
        }
        return w;
    }
}
