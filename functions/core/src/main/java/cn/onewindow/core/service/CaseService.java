package cn.onewindow.core.service;

import cn.onewindow.core.timers.Deadlines;
import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.access.PointTree;
import cn.onewindow.core.cases.Consent;
import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.ports.ServicePointDirectory;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.calendar.Deadline;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.calendar.ExtensionPolicy;
import cn.onewindow.core.calendar.ExtensionRefusedException;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.ConcurrentUpdateException;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.intake.IntakeAssessment;
import cn.onewindow.core.intake.IntakeRules;
import cn.onewindow.core.intake.NoticeTexts;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.IdempotencyClaim;
import cn.onewindow.core.ports.IdempotencyClaimTaken;
import cn.onewindow.core.ports.IdempotencyRecord;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.ports.TaskWrite;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The case use cases: intake and every later step. Each write is atomic (case, history, timers and idempotency
 * record in one store transaction), guarded by the case version, and retried on a concurrent update.
 */
public final class CaseService {
    private static final int MAX_MATERIALS = 100;

    private final CaseRepository cases;
    private final CatalogRepository catalog;
    private final IdempotencyStore idempotency;
    private final Deadlines deadlines;
    private final Clock clock;
    private final Supplier<String> caseIds;
    private final ApprovalService approvals;
    private final PointTree tree;
    private final ServicePointDirectory points;
    private final AccessLog accessLog;
    private final cn.onewindow.core.privacy.PrivacyKeys keys;
    /** The queue tickets a case may be taken in under; null where the function has no queue. */
    private final cn.onewindow.core.ports.TicketLinks tickets;

    public CaseService(CaseRepository cases, CatalogRepository catalog, IdempotencyStore idempotency,
                       Deadlines deadlines, Clock clock, Supplier<String> caseIds, ApprovalService approvals) {
        this(cases, catalog, idempotency, deadlines, clock, caseIds, approvals, PointTree.FLAT, null, null,
                cn.onewindow.core.privacy.PrivacyKeys.none());
    }

    /**
     * @param tree      where service points sit (township and county staff read their subtree)
     * @param points    the service points (an agent of a closed point submits nothing new); may be null
     * @param accessLog where reads of a clear identity are recorded; may be null
     * @param keys      the pseudonym secret (request fingerprints, pick-up code hashes) and the outbox sealer (the
     *                  SMS that carries a pick-up code is stored encrypted)
     */
    public CaseService(CaseRepository cases, CatalogRepository catalog, IdempotencyStore idempotency,
                       Deadlines deadlines, Clock clock, Supplier<String> caseIds, ApprovalService approvals,
                       PointTree tree, ServicePointDirectory points, AccessLog accessLog,
                       cn.onewindow.core.privacy.PrivacyKeys keys) {
        this(cases, catalog, idempotency, deadlines, clock, caseIds, approvals, tree, points, accessLog, keys, null);
    }

    /** @param tickets the queue tickets an intake may name (排队号 being served); null: none */
    public CaseService(CaseRepository cases, CatalogRepository catalog, IdempotencyStore idempotency,
                       Deadlines deadlines, Clock clock, Supplier<String> caseIds, ApprovalService approvals,
                       PointTree tree, ServicePointDirectory points, AccessLog accessLog,
                       cn.onewindow.core.privacy.PrivacyKeys keys, cn.onewindow.core.ports.TicketLinks tickets) {
        this.tickets = tickets;
        this.keys = keys;
        this.tree = tree;
        this.points = points;
        this.accessLog = accessLog;
        this.approvals = approvals;
        this.cases = cases;
        this.catalog = catalog;
        this.idempotency = idempotency;
        this.deadlines = deadlines;
        this.clock = clock;
        this.caseIds = caseIds;
    }

    // ---- intake ----------------------------------------------------------------------------------------------

    public Written intake(Caller caller, Commands.Intake cmd, String idempotencyKey) {
        IdempotencyClaim claim = claim(caller, "intake", null, cmd, idempotencyKey);
        Optional<Written> replay = replay(claim);
        if (replay.isPresent()) return replay.get();

        validate(cmd);
        ServiceItem item = catalog.current(cmd.itemCode()).orElseThrow(() -> DomainException.unprocessable(
                "UNKNOWN_ITEM", "事项不存在：" + cmd.itemCode(), "no catalog item " + cmd.itemCode()));
        AccessPolicy.requireIntake(caller, item, cmd.channel());
        if (AccessPolicy.takesCasesForItsPoint(caller) && points != null && caller.servicePointId() != null
                && points.find(caller.servicePointId()).map(p -> !p.open()).orElse(false)) {
            throw DomainException.illegalState("SERVICE_POINT_CLOSED", "本服务点已撤销，不能再受理新的代办件",
                    "this service point is closed and takes no new cases");
        }
        if (cmd.consent() != null) {
            Instant given = cmd.consent().givenAt();
            new Validator().require(cmd.channel() == Channel.VILLAGE_AGENT, "consent", "CONSENT_NOT_APPLICABLE",
                            "只有代办件记录委托", "consent is recorded for VILLAGE_AGENT cases only")
                    .notNull(cmd.consent().method(), "consent.method")
                    .maxLength(cmd.consent().reference(), 100, "consent.reference")
                    .require(given == null || (!given.isAfter(clock.instant().plusSeconds(300))
                                    && given.isAfter(clock.instant().minus(java.time.Duration.ofDays(366)))),
                            "consent.givenAt", "OUT_OF_RANGE", "委托时间应在一年内且不晚于当前时间",
                            "consent is given within the last year and not in the future")
                    .throwIfInvalid();
        }
        List<String> unknown = IntakeRules.unknownMaterials(item, cmd.materials());
        if (!unknown.isEmpty()) {
            Validator v = new Validator();
            for (int i = 0; i < cmd.materials().size(); i++) {
                SubmittedMaterial m = cmd.materials().get(i);
                v.require(!unknown.contains(m.code()), "materials[" + i + "].code", "UNKNOWN_MATERIAL",
                        "该事项没有此材料：" + m.code(), "the item has no material " + m.code());
            }
            v.throwIfInvalid();
        }
        for (String cond : cmd.unmetConditions()) {
            if (item.conditions().stream().noneMatch(c -> c.code().equals(cond))) {
                throw DomainException.validation(List.of(cn.onewindow.core.common.FieldError.of("unmetConditions",
                        "UNKNOWN_CONDITION", "该事项没有此受理条件：" + cond, "the item has no condition " + cond)));
            }
        }

        Instant now = clock.instant();
        Actor actor = caller.asActor();
        String servicePoint = caller.servicePointId();
        String agent = cmd.channel() == Channel.VILLAGE_AGENT ? caller.id() : null;
        ServiceCase c = ServiceCase.submit(caseIds.get(), item, cmd.applicant(), cmd.channel(), caller.centerId(),
                servicePoint, agent, cmd.materials(), now, actor);
        if (cmd.channel() == Channel.VILLAGE_AGENT && cmd.consent() != null) {
            c.recordConsent(new Consent(cmd.consent().method(), cmd.consent().reference(),
                    cmd.consent().givenAt() == null ? now : cmd.consent().givenAt()));
        }
        DeadlineCalculator calc = deadlines.calculatorFor(caller.centerId());
        List<DepartmentTask> tasks = applyAssessment(c, item,
                IntakeRules.assess(item, cmd.materials(), cmd.unmetConditions()), calc, now, actor);
        // the query password printed on the notice (办件进度查询): every case that stays open gets one
        // (a service built without the key ring, as in domain tests, issues none)
        String password = c.status() == CaseStatus.NOT_ACCEPTED || !keys.hasPseudonyms() ? null : newPickupCode();
        if (password != null) c.queryPassword(ProgressService.passwordHash(keys.pseudonyms(), c.id(), password));
        if (cmd.ticketId() != null) {
            if (tickets == null) {
                throw DomainException.validation(List.of(cn.onewindow.core.common.FieldError.of("ticketId",
                        "TICKET_NOT_FOUND", "排队号不存在", "no such queue ticket")));
            }
            c.servedUnderTicket(cmd.ticketId(), tickets.numberOf(caller, cmd.ticketId()));
        }
        Written w = save(c, true, 0, calc, claim, creating(tasks), List.of());
        if (!w.replayed()) {
            approvals.publish(tasks);
            if (tickets != null && cmd.ticketId() != null) tickets.linkCase(cmd.ticketId(), c.id());
            return new Written(w.snapshot(), false, password);
        }
        return w;
    }

    private static List<TaskWrite> creating(List<DepartmentTask> tasks) {
        return tasks.stream().map(t -> new TaskWrite(t, true, 0)).toList();
    }

    /** Applies the intake rules' outcome; returns the department tasks an accepted joint or escalated case needs. */
    private List<DepartmentTask> applyAssessment(ServiceCase c, ServiceItem item, IntakeAssessment a,
                                                 DeadlineCalculator calc, Instant now, Actor actor) {
        switch (a.outcome()) {
            case NOT_ACCEPTED -> c.refuse(a.refusalReason(), a.refusalBasis(),
                    NoticeTexts.notAccepted(c.snapshot(), item.name(), a.refusalReason(), a.refusalBasis(), now),
                    now, actor);
            case AWAITING_MATERIALS -> c.awaitMaterials(a.missing(),
                    NoticeTexts.oneTimeNotice(c.snapshot(), item, a.missing(), now), now, actor);
            case ACCEPTED, ACCEPTED_WITH_DEFICIENCY -> {
                Deadline due = calc.dueAfterWorkingDays(now, item.promisedDays());
                c.accept(due.dueAt(), due.provisional(), a.outstandingTolerable(),
                        NoticeTexts.acceptance(c.snapshot(), item, due.dueAt(), due.provisional(),
                                a.outstandingTolerable(), now), now, actor);
                return cn.onewindow.core.approval.JointApproval.fanOut(c, item, calc, now, actor);
            }
        }
        return List.of();
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    public ServiceCase.Snapshot get(Caller caller, String caseId) {
        ServiceCase.Snapshot s = cases.find(caseId).orElseThrow(() -> AccessPolicy.caseNotFound(caseId));
        AccessPolicy.requireCase(caller, s, null, tree);
        return s;
    }

    /** Records that the caller was shown the applicant's identity in clear (when its role sees it so). */
    public void recordIdentityRead(Caller caller, ServiceCase.Snapshot s, String what) {
        if (accessLog == null || s.applicant() == null || !AccessPolicy.seesClearIdentity(caller)) return;
        accessLog.record(new AccessLog.Entry(s.id(), caller.id(), caller.role().name(), caller.servicePointId(),
                caller.centerId(), clock.instant(), what));
    }

    /** Who read the applicant's identity in clear: supervisors only. */
    public List<AccessLog.Entry> identityReads(Caller caller, String caseId) {
        if (!AccessPolicy.canReadIdentityLog(caller)) {
            cases.find(caseId).ifPresent(s -> {
                if (AccessPolicy.canRead(caller, s, tree)) {
                    throw DomainException.forbidden("FORBIDDEN", "仅电子监察可查看身份信息查阅记录",
                            "only supervisors read the identity access log");
                }
            });
            throw AccessPolicy.caseNotFound(caseId);
        }
        cases.find(caseId).orElseThrow(() -> AccessPolicy.caseNotFound(caseId));
        return accessLog == null ? List.of() : accessLog.of(caseId);
    }

    public List<HistoryEntry> history(Caller caller, String caseId) {
        get(caller, caseId);
        return cases.history(caseId);
    }

    public Page<ServiceCase.Snapshot> list(Caller caller, CaseQuery q) {
        CaseQuery scoped = AccessPolicy.listScope(caller, q, tree);
        return cases.list(scoped);
    }


    // ---- later steps -----------------------------------------------------------------------------------------

    public Written supplement(Caller caller, String caseId, Commands.Supplement cmd, String key) {
        Validator v = new Validator();
        v.require(!cmd.materials().isEmpty(), "materials", "REQUIRED", "请至少提交一项材料", "give at least one material");
        validateMaterials(v, cmd.materials());
        v.throwIfInvalid();
        return mutate(caller, caseId, CaseAction.SUPPLEMENT, "supplement", cmd, key, (c, ctx) -> {
            ServiceItem item = itemOf(c.snapshot());
            boolean waitingForDepartment = c.status() == CaseStatus.SUSPENDED
                    && c.currentSuspension().kind() == Suspension.Kind.SUPPLEMENT;
            List<String> unknown = IntakeRules.unknownMaterials(item, cmd.materials());
            if (!unknown.isEmpty()) {
                throw DomainException.validation(List.of(cn.onewindow.core.common.FieldError.of("materials",
                        "UNKNOWN_MATERIAL", "该事项没有此材料：" + String.join(",", unknown),
                        "the item has no material " + String.join(",", unknown))));
            }
            c.supplement(cmd.materials(), ctx.now, ctx.actor);
            if (c.status() == CaseStatus.AWAITING_MATERIALS) {
                IntakeAssessment a = IntakeRules.assessMaterials(item, c.snapshot().materials());
                if (a.outcome() != IntakeAssessment.Outcome.AWAITING_MATERIALS) {
                    ctx.created.addAll(applyAssessment(c, item, a, ctx.calc, ctx.now, ctx.actor));
                }
            } else if (waitingForDepartment) {
                ctx.tasks.addAll(cn.onewindow.core.approval.usecase.ReturnWaitingTasks.afterSupplement(c, cases.tasksOf(c.id()), ctx.calc,
                        ctx.now, ctx.actor));
            } else if (!c.snapshot().taskDepartments().isEmpty()) {
                ctx.tasks.addAll(cn.onewindow.core.approval.usecase.ReturnWaitingTasks.whileClockStands(c, cases.tasksOf(c.id()), ctx.calc, ctx.now,
                        ctx.actor));
            }
        });
    }

    public Written decide(Caller caller, String caseId, Commands.Decide cmd, String key) {
        Validator v = new Validator();
        v.notNull(cmd.outcome(), "outcome");
        v.require(cmd.outcome() != Decision.Outcome.DENY || cmd.reasons().stream().anyMatch(r -> r != null && !r.isBlank()),
                "reasons", "REASONS_REQUIRED", "不予许可须说明理由", "a denial needs at least one reason");
        v.require(cmd.reasons().size() <= 20, "reasons", "TOO_MANY", "理由过多", "at most 20 reasons");
        cmd.reasons().forEach(r -> v.maxLength(r, 500, "reasons"));
        v.throwIfInvalid();
        return mutate(caller, caseId, CaseAction.DECIDE, "decide", cmd, key, (c, ctx) -> {
            if (c.snapshot().mode() == HandlingMode.JOINT || c.snapshot().mode() == HandlingMode.ESCALATED) {
                throw DomainException.illegalState("DECIDED_BY_DEPARTMENT_TASKS",
                        "联办件、上报件由部门审批任务作出决定，不能直接决定",
                        "a JOINT or ESCALATED case is decided through its department tasks, not directly");
            }
            Decision d = new Decision(cmd.outcome(), cmd.reasons(), ctx.now, ctx.actor);
            Notice notice = cmd.outcome() == Decision.Outcome.DENY
                    ? NoticeTexts.denial(c.snapshot(), cmd.reasons(), ctx.now) : null;
            c.decide(d, notice, ctx.now);
            if (notice != null) {
                ctx.notifications().addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.DENIED,
                        sms(c.snapshot(), "经审查不予许可，请到窗口领取退办通知书"), ctx.now));
            }
        });
    }

    public Written suspend(Caller caller, String caseId, Commands.Suspend cmd, String key) {
        new Validator().notNull(cmd.kind(), "kind").notBlank(cmd.reason(), "reason").maxLength(cmd.reason(), 500, "reason")
                .throwIfInvalid();
        return mutate(caller, caseId, CaseAction.CLOCK, "suspend", cmd, key, (c, ctx) -> {
            c.suspend(cmd.kind(), cmd.reason(),
                    NoticeTexts.suspension(c.snapshot(), cmd.kind(), cmd.reason(), ctx.now), ctx.now, ctx.actor);
            ctx.notifications().addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.SUSPENDED,
                    sms(c.snapshot(), "因" + cmd.kind().chinese() + "暂停计时：" + cmd.reason()), ctx.now));
        });
    }

    public Written resume(Caller caller, String caseId, Commands.Resume cmd, String key) {
        return mutate(caller, caseId, CaseAction.CLOCK, "resume", cmd, key, (c, ctx) -> {
            Suspension open = c.currentSuspension();
            Deadline d = ctx.calc.resume(c.snapshot().dueAt(), open.suspendedAt(), ctx.now);
            c.resume(d.dueAt(), d.provisional(), ctx.now, ctx.actor);
            Deadlines.rearmWarning(c, ctx.calc, ctx.now);
            ctx.notifications().addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.RESUMED,
                    sms(c.snapshot(), "已恢复计时，办结时间调整为" + NoticeTexts.localTime(d.dueAt())), ctx.now));
        });
    }

    public Written extend(Caller caller, String caseId, Commands.Extend cmd, String key) {
        return mutate(caller, caseId, CaseAction.CLOCK, "extend", cmd, key, (c, ctx) -> {
            ServiceCase.Snapshot s = c.snapshot();
            if (s.dueAt() == null) {
                throw DomainException.illegalState("EXTENSION_NOT_POSSIBLE", "办件尚未受理，不能延期",
                        "a case that was not accepted has no deadline to extend");
            }
            try {
                ExtensionPolicy.standard().check(s.extensionDays() != null, s.mode() == HandlingMode.JOINT,
                        s.promisedDays(), s.legalDays(), cmd.days(), cmd.reason());
            } catch (ExtensionRefusedException e) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, e.code(), e.messageZh(), e.messageEn());
            }
            Deadline d = ctx.calc.extend(s.dueAt(), cmd.days());
            c.extend(cmd.days(), cmd.reason(), d.dueAt(), d.provisional(),
                    NoticeTexts.extension(s, cmd.days(), cmd.reason(), d.dueAt(), ctx.now), ctx.now, ctx.actor);
            Deadlines.rearmWarning(c, ctx.calc, ctx.now);
            ctx.notifications().addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.EXTENDED,
                    sms(c.snapshot(), "延期" + cmd.days() + "个工作日，办结时间调整为" + NoticeTexts.localTime(d.dueAt())),
                    ctx.now));
        });
    }

    public Written issueResult(Caller caller, String caseId, Commands.IssueResult cmd, String key) {
        new Validator().maxLength(cmd.resultNumber(), 64, "resultNumber").throwIfInvalid();
        return mutate(caller, caseId, CaseAction.ISSUE_RESULT, "result", cmd, key, (c, ctx) -> {
            String number = cmd.resultNumber() != null && !cmd.resultNumber().isBlank() ? cmd.resultNumber()
                    : "R-" + c.id();
            c.issueResult(number, NoticeTexts.resultReady(c.snapshot(), number, ctx.now), ctx.now, ctx.actor);
            if (c.snapshot().agentId() == null) {
                ctx.notifications().addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.RESULT_READY,
                        sms(c.snapshot(), "已办结，请凭受理回执领取结果"), ctx.now));
            } else {
                // 代办: the villager gets a pick-up code (取件码) that the agent enters at the hand-over; the agent is
                // told the result is ready, without the code
                String code = newPickupCode();
                c.pickupCode(pickupHash(c.id(), code));
                for (Notification n : Notifications.toApplicant(c.snapshot(), Notification.Kind.RESULT_READY,
                        sms(c.snapshot(), "已办结，代办员将为您送达，取件码" + code + "，请在签收时告知代办员"), ctx.now)) {
                    ctx.notifications().add(n.recipient() == Notification.Recipient.APPLICANT ? sealed(n)
                            : new Notification(n.id(), n.caseId(), n.kind(), n.recipient(), n.recipientId(), null,
                            "【代办提醒】办件" + c.id() + "（" + c.snapshot().itemName()
                                    + "）已出件，请领取结果并送达申请人，签收时核验取件码或请申请人签名。", n.createdAt()));
                }
            }
        });
    }

    /**
     * The hand-over of the result. An agent confirms it with the pick-up code the applicant received
     * ({@code confirmationCode}) or the recipient's signature ({@code signature}); window staff hand over in person.
     */
    public Written deliver(Caller caller, String caseId, Commands.Deliver cmd, String key) {
        Validator v = new Validator().notBlank(cmd.deliveredTo(), "deliveredTo")
                .maxLength(cmd.deliveredTo(), 100, "deliveredTo").maxLength(cmd.confirmation(), 100, "confirmation")
                .maxLength(cmd.signature(), 200, "signature");
        if (cmd.confirmationCode() != null) {
            v.require(cmd.confirmationCode().matches("\\d{6}"), "confirmationCode", "INVALID_CODE",
                    "取件码应为6位数字", "the pick-up code has 6 digits");
        }
        v.throwIfInvalid();
        boolean confirmed = cmd.confirmationCode() != null || (cmd.signature() != null && !cmd.signature().isBlank())
                || (cmd.confirmation() != null && !cmd.confirmation().isBlank());
        return mutate(caller, caseId, CaseAction.DELIVER, "deliver", cmd, key, (c, ctx) -> {
            // a case not ready for hand-over says so first; then an agent must show the villager confirmed it
            cn.onewindow.core.cases.CaseStateMachine.check(c.status(), CaseStatus.DELIVERED);
            if (AccessPolicy.handOverNeedsApplicantConfirmation(caller) && !confirmed) {
                throw DomainException.validation(List.of(cn.onewindow.core.common.FieldError.of("confirmationCode",
                        "CONFIRMATION_REQUIRED", "代办送达须核验取件码或由申请人签名",
                        "an agent's hand-over needs the applicant's pick-up code or signature")));
            }
            String method = null;
            String confirmation = cmd.confirmation();
            if (cmd.confirmationCode() != null) {
                // every try is audited in the history (who, when, outcome; never the code) and kept even when the
                // try is refused; five wrong codes in a row lock the code until a supervisor reissues one
                ServiceCase.Snapshot s = c.snapshot();
                if (s.pickupCodeLocked()) {
                    c.pickupCodeTried(ServiceCase.PickupTry.LOCKED, ctx.now, ctx.actor);
                    ctx.refusal()[0] = DomainException.conflict("PICKUP_CODE_LOCKED",
                            "取件码已连续输错" + ServiceCase.PICKUP_CODE_MAX_FAILURES + "次被锁定，请联系电子监察重新发放",
                            "the pick-up code is locked after " + ServiceCase.PICKUP_CODE_MAX_FAILURES
                                    + " wrong tries; a supervisor can issue a new one");
                    return;
                }
                if (!pickupMatches(s.pickupCodeHash(), c.id(), cmd.confirmationCode())) {
                    c.pickupCodeTried(ServiceCase.PickupTry.MISMATCHED, ctx.now, ctx.actor);
                    int left = ServiceCase.PICKUP_CODE_MAX_FAILURES - c.snapshot().pickupCodeFailures();
                    ctx.refusal()[0] = DomainException.unprocessable("CONFIRMATION_CODE_MISMATCH",
                            "取件码不正确" + (left > 0 ? "，还可尝试" + left + "次" : "，取件码已锁定"),
                            "the pick-up code does not match" + (left > 0 ? "; " + left + " tries left"
                                    : "; the code is now locked"));
                    return;
                }
                c.pickupCodeTried(ServiceCase.PickupTry.MATCHED, ctx.now, ctx.actor);
                method = "CONFIRMATION_CODE";
                if (confirmation == null) confirmation = "取件码核验通过";
            } else if (cmd.signature() != null && !cmd.signature().isBlank()) {
                method = "SIGNATURE";
                if (confirmation == null) confirmation = cmd.signature();
            } else if (AccessPolicy.handOverNeedsApplicantConfirmation(caller)) {
                method = "SIGNATURE"; // the recipient's signed confirmation, referenced in `confirmation`
            }
            c.deliver(cmd.deliveredTo(), confirmation, method, ctx.now, ctx.actor);
        });
    }

    /**
     * A supervisor issues a new pick-up code (the old one was locked after wrong tries, or lost): it goes to the
     * applicant by SMS through the outbox (encrypted there), the old code stops working, the lock is lifted.
     */
    public Written reissuePickupCode(Caller caller, String caseId, String key) {
        return mutate(caller, caseId, CaseAction.REISSUE_PICKUP_CODE, "reissue-pickup-code", "reissue-pickup-code",
                key, (c, ctx) -> {
                    String code = newPickupCode();
                    c.reissuePickupCode(pickupHash(c.id(), code), ctx.now, ctx.actor);
                    for (Notification n : Notifications.toApplicant(c.snapshot(), Notification.Kind.PICKUP_CODE_REISSUED,
                            sms(c.snapshot(), "取件码已重新发放，新取件码" + code + "，原取件码作废，请在签收时告知代办员"),
                            ctx.now)) {
                        if (n.recipient() == Notification.Recipient.APPLICANT) ctx.notifications().add(sealed(n));
                    }
                });
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String newPickupCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** A keyed HMAC of the code bound to its case (a 6-digit code is no secret against an unkeyed hash). */
    private String pickupHash(String caseId, String code) {
        return keys.pseudonyms().key(cn.onewindow.core.privacy.Pseudonyms.PICKUP_CODE, caseId + ":" + code);
    }

    /** Constant-time check under the secret the stored hash names (current or previous). */
    private boolean pickupMatches(String stored, String caseId, String code) {
        return keys.pseudonyms().matches(stored, cn.onewindow.core.privacy.Pseudonyms.PICKUP_CODE, caseId + ":" + code);
    }

    /**
     * The outbox item of an SMS that carries a one-time secret: the stored text has it masked, the full text is
     * sealed for the sender (who alone can open it).
     */
    private Notification sealed(Notification n) {
        return new Notification(n.id(), n.caseId(), n.kind(), n.recipient(), n.recipientId(), n.phone(),
                cn.onewindow.core.privacy.OneTimeSecrets.mask(n.text()), n.createdAt(),
                keys.outbox().seal(n.text(), n.id()));
    }

    public Written withdraw(Caller caller, String caseId, Commands.Withdraw cmd, String key) {
        new Validator().notBlank(cmd.reason(), "reason").maxLength(cmd.reason(), 500, "reason").throwIfInvalid();
        return mutate(caller, caseId, CaseAction.WITHDRAW, "withdraw", cmd, key,
                (c, ctx) -> c.withdraw(cmd.reason(), ctx.now, ctx.actor));
    }

    // ---- machinery -------------------------------------------------------------------------------------------

    /**
     * What a change needs besides the case.
     *
     * @param refusal set by a change that is refused but must still be recorded (a wrong pick-up code: its audit
     *                line and try count are saved, without the idempotency record, then the refusal is thrown)
     */
    private record Ctx(Instant now, Actor actor, DeadlineCalculator calc, List<DepartmentTask> created,
                       List<TaskWrite> tasks, List<Notification> notifications, DomainException[] refusal) {
    }

    private Written mutate(Caller caller, String caseId, CaseAction action, String op, Object cmd, String key,
                           BiConsumer<ServiceCase, Ctx> change) {
        IdempotencyClaim claim = claim(caller, op, caseId, cmd, key);
        Optional<Written> replay = replay(claim);
        if (replay.isPresent()) return replay.get();
        return RetryPolicy.standard().onConflict(() -> {
            ServiceCase.Snapshot before = cases.find(caseId).orElseThrow(() -> AccessPolicy.caseNotFound(caseId));
            AccessPolicy.requireCase(caller, before, action, tree);
            ServiceCase c = ServiceCase.restore(before);
            Instant now = clock.instant();
            DeadlineCalculator calc = deadlines.calculatorFor(before.centerId());
            Ctx ctx = new Ctx(now, caller.asActor(), calc, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new DomainException[1]);
            change.accept(c, ctx);
            List<TaskWrite> tasks = new ArrayList<>(ctx.tasks());
            tasks.addAll(creating(ctx.created()));
            if (ctx.refusal()[0] != null) {
                save(c, false, before.version(), calc, null, tasks, ctx.notifications());
                throw ctx.refusal()[0];
            }
            Written w = save(c, false, before.version(), calc, claim, tasks, ctx.notifications());
            if (!w.replayed()) approvals.publish(ctx.created());
            return w;
        });
    }

    private Written save(ServiceCase c, boolean create, long expectedVersion, DeadlineCalculator calc,
                         IdempotencyClaim claim, List<TaskWrite> tasks, List<Notification> notifications) {
        try {
            ServiceCase.Snapshot stored = cases.save(new CaseWrite(c.snapshot(), create, expectedVersion,
                    c.pendingHistory(), deadlines.timersFor(c, calc, tasks), claim, tasks, List.of(), notifications));
            return new Written(stored, false);
        } catch (IdempotencyClaimTaken taken) {
            return replay(claim).orElseThrow(() -> DomainException.conflict("IDEMPOTENCY_IN_PROGRESS",
                    "相同幂等键的请求正在处理，请稍后重试", "a request with this Idempotency-Key is in progress; retry"));
        } catch (DomainException e) {
            // on DynamoDB two transactions racing for one idempotency key can fail as a plain conflict
            if (ConcurrentUpdateException.is(e) && claim != null) {
                Optional<Written> first = replay(claim);
                if (first.isPresent()) return first.get();
            }
            throw e;
        }
    }

    private ServiceItem itemOf(ServiceCase.Snapshot s) {
        return catalog.version(s.itemCode(), s.itemVersion()).orElseThrow(() -> new IllegalStateException(
                "case " + s.id() + " refers to missing item version " + s.itemCode() + " v" + s.itemVersion()));
    }

    private IdempotencyClaim claim(Caller caller, String op, String caseId, Object cmd, String key) {
        if (key == null) return null;
        if (key.isBlank() || key.length() > 128 || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw DomainException.validation(List.of(cn.onewindow.core.common.FieldError.of("Idempotency-Key",
                    "INVALID_IDEMPOTENCY_KEY", "幂等键应为1至128个可见ASCII字符",
                    "Idempotency-Key must be 1–128 visible ASCII characters")));
        }
        String scope = caller.id() + "#" + op + "#" + (caseId == null ? "" : caseId) + "#" + key;
        // a keyed fingerprint: the body holds the applicant's identity, which an unkeyed hash would give away
        List<String> hashes = keys.pseudonyms().candidates(cn.onewindow.core.privacy.Pseudonyms.REQUEST,
                String.valueOf(cmd));
        return new IdempotencyClaim(scope, hashes.get(0), hashes.subList(1, hashes.size()));
    }

    private Optional<Written> replay(IdempotencyClaim claim) {
        if (claim == null) return Optional.empty();
        Optional<IdempotencyRecord> rec = idempotency.findRecord(claim.scopeKey());
        if (rec.isEmpty()) return Optional.empty();
        if (!claim.sameRequestAs(rec.get().requestHash())) {
            throw DomainException.unprocessable("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一个不同的请求",
                    "this Idempotency-Key was already used for a different request");
        }
        return Optional.of(new Written(rec.get().result(), true));
    }

    private static void validate(Commands.Intake cmd) {
        Validator v = new Validator();
        v.notBlank(cmd.itemCode(), "itemCode").maxLength(cmd.itemCode(), 40, "itemCode");
        v.maxLength(cmd.ticketId(), 64, "ticketId");
        v.notNull(cmd.channel(), "channel");
        v.notNull(cmd.applicant(), "applicant");
        if (cmd.applicant() != null) {
            var a = cmd.applicant();
            v.notBlank(a.name(), "applicant.name").maxLength(a.name(), 100, "applicant.name");
            v.notNull(a.idType(), "applicant.idType");
            v.notBlank(a.idNumber(), "applicant.idNumber");
            if (a.idType() != null && a.idNumber() != null && !a.idNumber().isBlank()) {
                v.require(IdentityNumbers.valid(a.idType(), a.idNumber()), "applicant.idNumber", "INVALID_ID_NUMBER",
                        "证件号码无效（长度、出生日期或校验位不符）", "the identity number is invalid (length, date or check digit)");
            }
            v.notBlank(a.phone(), "applicant.phone");
            if (a.phone() != null && !a.phone().isBlank()) {
                v.require(IdentityNumbers.validPhone(a.phone()), "applicant.phone", "INVALID_PHONE",
                        "联系电话应为11位手机号或带区号的固定电话", "phone must be an 11-digit mobile or a landline with area code");
            }
        }
        v.require(cmd.materials().size() <= MAX_MATERIALS, "materials", "TOO_MANY", "材料过多",
                "at most " + MAX_MATERIALS + " materials");
        validateMaterials(v, cmd.materials());
        v.require(cmd.unmetConditions().size() <= 50, "unmetConditions", "TOO_MANY", "过多", "too many");
        v.throwIfInvalid();
    }

    private static void validateMaterials(Validator v, List<SubmittedMaterial> materials) {
        for (int i = 0; i < materials.size(); i++) {
            SubmittedMaterial m = materials.get(i);
            if (m == null) {
                v.require(false, "materials[" + i + "]", "REQUIRED", "必填", "is required");
                continue;
            }
            v.notBlank(m.code(), "materials[" + i + "].code").maxLength(m.code(), 32, "materials[" + i + "].code");
            v.range(m.copies(), 1, 100, "materials[" + i + "].copies");
        }
    }

    /** The text of an SMS about a case: item, case number, what happened. Never carries identity numbers. */
    static String sms(ServiceCase.Snapshot c, String what) {
        return cn.onewindow.core.notify.Notifications.sms(c, what);
    }

    /** Only supervisors and admins see all centers; used by the API to reject impossible filters early. */
    public static boolean seesAllCenters(Caller caller) {
        return AccessPolicy.seesAllCenters(caller);
    }
}
