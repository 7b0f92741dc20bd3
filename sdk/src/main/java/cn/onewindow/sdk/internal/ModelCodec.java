package cn.onewindow.sdk.internal;

import cn.onewindow.sdk.model.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between JSON trees and the SDK's models: one reader and one writer per model, field by field (JSON names as the
 * server's OpenAPI document gives them). Keep in step with the models. Not API.
 */
public final class ModelCodec {
    private ModelCodec() {
    }

    public static Applicant applicant(JsonObject o) {
        if (o == null) return null;
        return Applicant.builder()
                .name(o.string("name"))
                .typeValue(o.string("type"))
                .idTypeValue(o.string("idType"))
                .idNumber(o.string("idNumber"))
                .phone(o.string("phone"))
                .build();
    }

    public static Map<String, Object> toJson(Applicant v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "name", v.name());
        put(m, "type", v.typeValue());
        put(m, "idType", v.idTypeValue());
        put(m, "idNumber", v.idNumber());
        put(m, "phone", v.phone());
        return m;
    }

    public static Consent consent(JsonObject o) {
        if (o == null) return null;
        return Consent.builder()
                .methodValue(o.string("method"))
                .reference(o.string("reference"))
                .givenAt(o.instant("givenAt"))
                .build();
    }

    public static Map<String, Object> toJson(Consent v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "method", v.methodValue());
        put(m, "reference", v.reference());
        put(m, "givenAt", text(v.givenAt()));
        return m;
    }

    public static Material material(JsonObject o) {
        if (o == null) return null;
        return Material.builder()
                .code(o.string("code"))
                .copies(o.integer("copies"))
                .build();
    }

    public static Map<String, Object> toJson(Material v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "code", v.code());
        put(m, "copies", v.copies());
        return m;
    }

    public static Notice notice(JsonObject o) {
        if (o == null) return null;
        return Notice.builder()
                .typeValue(o.string("type"))
                .title(o.string("title"))
                .missing(o.strings("missing"))
                .text(o.string("text"))
                .issuedAt(o.instant("issuedAt"))
                .build();
    }

    public static Map<String, Object> toJson(Notice v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "type", v.typeValue());
        put(m, "title", v.title());
        put(m, "missing", v.missing());
        put(m, "text", v.text());
        put(m, "issuedAt", text(v.issuedAt()));
        return m;
    }

    public static Suspension suspension(JsonObject o) {
        if (o == null) return null;
        return Suspension.builder()
                .kindValue(o.string("kind"))
                .reason(o.string("reason"))
                .suspendedAt(o.instant("suspendedAt"))
                .resumedAt(o.instant("resumedAt"))
                .build();
    }

    public static Map<String, Object> toJson(Suspension v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "kind", v.kindValue());
        put(m, "reason", v.reason());
        put(m, "suspendedAt", text(v.suspendedAt()));
        put(m, "resumedAt", text(v.resumedAt()));
        return m;
    }

    public static Decision decision(JsonObject o) {
        if (o == null) return null;
        return Decision.builder()
                .outcomeValue(o.string("outcome"))
                .reasons(o.strings("reasons"))
                .decidedAt(o.instant("decidedAt"))
                .decidedBy(o.string("decidedBy"))
                .build();
    }

    public static Map<String, Object> toJson(Decision v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "outcome", v.outcomeValue());
        put(m, "reasons", v.reasons());
        put(m, "decidedAt", text(v.decidedAt()));
        put(m, "decidedBy", v.decidedBy());
        return m;
    }

    public static HistoryEntry historyEntry(JsonObject o) {
        if (o == null) return null;
        return HistoryEntry.builder()
                .seq(o.intValue("seq", 0))
                .event(o.string("event"))
                .fromValue(o.string("from"))
                .toValue(o.string("to"))
                .at(o.instant("at"))
                .actorRole(o.string("actorRole"))
                .actorId(o.string("actorId"))
                .servicePointId(o.string("servicePointId"))
                .departmentCode(o.string("departmentCode"))
                .reason(o.string("reason"))
                .build();
    }

    public static Map<String, Object> toJson(HistoryEntry v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "seq", v.seq());
        put(m, "event", v.event());
        put(m, "from", v.fromValue());
        put(m, "to", v.toValue());
        put(m, "at", text(v.at()));
        put(m, "actorRole", v.actorRole());
        put(m, "actorId", v.actorId());
        put(m, "servicePointId", v.servicePointId());
        put(m, "departmentCode", v.departmentCode());
        put(m, "reason", v.reason());
        return m;
    }

    public static ServiceCase serviceCase(JsonObject o) {
        if (o == null) return null;
        return ServiceCase.builder()
                .id(o.string("id"))
                .itemCode(o.string("itemCode"))
                .itemVersion(o.intValue("itemVersion", 0))
                .itemName(o.string("itemName"))
                .modeValue(o.string("mode"))
                .statusValue(o.string("status"))
                .statusName(o.string("statusName"))
                .channelValue(o.string("channel"))
                .applicant(applicant(o.object("applicant")))
                .centerId(o.string("centerId"))
                .servicePointId(o.string("servicePointId"))
                .agentId(o.string("agentId"))
                .consent(consent(o.object("consent")))
                .materials(list(o.objects("materials"), ModelCodec::material))
                .missing(o.strings("missing"))
                .outstandingTolerable(o.strings("outstandingTolerable"))
                .submittedAt(o.instant("submittedAt"))
                .acceptedAt(o.instant("acceptedAt"))
                .dueAt(o.instant("dueAt"))
                .dueAtLocal(o.string("dueAtLocal"))
                .dueProvisional(o.booleanValue("dueProvisional", false))
                .promisedDays(o.intValue("promisedDays", 0))
                .legalDays(o.intValue("legalDays", 0))
                .suspensions(list(o.objects("suspensions"), ModelCodec::suspension))
                .extensionDays(o.integer("extensionDays"))
                .extensionReason(o.string("extensionReason"))
                .decision(decision(o.object("decision")))
                .resultNumber(o.string("resultNumber"))
                .resultIssuedAt(o.instant("resultIssuedAt"))
                .deliveredAt(o.instant("deliveredAt"))
                .deliveredTo(o.string("deliveredTo"))
                .deliveryMethod(o.string("deliveryMethod"))
                .notice(notice(o.object("notice")))
                .notices(list(o.objects("notices"), ModelCodec::notice))
                .taskDepartments(o.strings("taskDepartments"))
                .distributionDueAt(o.instant("distributionDueAt"))
                .distributedAt(o.instant("distributedAt"))
                .warnedAt(o.instant("warnedAt"))
                .warningAt(o.instant("warningAt"))
                .overdueAt(o.instant("overdueAt"))
                .overdueWorkingMinutes(o.longObject("overdueWorkingMinutes"))
                .version(o.longValue("version", 0L))
                .queueNumber(o.string("queueNumber"))
                .ticketId(o.string("ticketId"))
                .queryPassword(o.string("queryPassword"))
                .build();
    }

    public static Map<String, Object> toJson(ServiceCase v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "id", v.id());
        put(m, "itemCode", v.itemCode());
        put(m, "itemVersion", v.itemVersion());
        put(m, "itemName", v.itemName());
        put(m, "mode", v.modeValue());
        put(m, "status", v.statusValue());
        put(m, "statusName", v.statusName());
        put(m, "channel", v.channelValue());
        put(m, "applicant", toJson(v.applicant()));
        put(m, "centerId", v.centerId());
        put(m, "servicePointId", v.servicePointId());
        put(m, "agentId", v.agentId());
        put(m, "consent", toJson(v.consent()));
        put(m, "materials", listToJson(v.materials(), ModelCodec::toJson));
        put(m, "missing", v.missing());
        put(m, "outstandingTolerable", v.outstandingTolerable());
        put(m, "submittedAt", text(v.submittedAt()));
        put(m, "acceptedAt", text(v.acceptedAt()));
        put(m, "dueAt", text(v.dueAt()));
        put(m, "dueAtLocal", v.dueAtLocal());
        put(m, "dueProvisional", v.dueProvisional());
        put(m, "promisedDays", v.promisedDays());
        put(m, "legalDays", v.legalDays());
        put(m, "suspensions", listToJson(v.suspensions(), ModelCodec::toJson));
        put(m, "extensionDays", v.extensionDays());
        put(m, "extensionReason", v.extensionReason());
        put(m, "decision", toJson(v.decision()));
        put(m, "resultNumber", v.resultNumber());
        put(m, "resultIssuedAt", text(v.resultIssuedAt()));
        put(m, "deliveredAt", text(v.deliveredAt()));
        put(m, "deliveredTo", v.deliveredTo());
        put(m, "deliveryMethod", v.deliveryMethod());
        put(m, "notice", toJson(v.notice()));
        put(m, "notices", listToJson(v.notices(), ModelCodec::toJson));
        put(m, "taskDepartments", v.taskDepartments());
        put(m, "distributionDueAt", text(v.distributionDueAt()));
        put(m, "distributedAt", text(v.distributedAt()));
        put(m, "warnedAt", text(v.warnedAt()));
        put(m, "warningAt", text(v.warningAt()));
        put(m, "overdueAt", text(v.overdueAt()));
        put(m, "overdueWorkingMinutes", v.overdueWorkingMinutes());
        put(m, "version", v.version());
        put(m, "queueNumber", v.queueNumber());
        put(m, "ticketId", v.ticketId());
        return m;
    }

    public static NewCase newCase(JsonObject o) {
        if (o == null) return null;
        return NewCase.builder()
                .itemCode(o.string("itemCode"))
                .applicant(applicant(o.object("applicant")))
                .channelValue(o.string("channel"))
                .servicePointId(o.string("servicePointId"))
                .agentId(o.string("agentId"))
                .consent(consent(o.object("consent")))
                .materials(list(o.objects("materials"), ModelCodec::material))
                .unmetConditions(o.strings("unmetConditions"))
                .ticketId(o.string("ticketId"))
                .build();
    }

    public static Map<String, Object> toJson(NewCase v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "itemCode", v.itemCode());
        put(m, "applicant", toJson(v.applicant()));
        put(m, "channel", v.channelValue());
        put(m, "servicePointId", v.servicePointId());
        put(m, "agentId", v.agentId());
        put(m, "consent", toJson(v.consent()));
        put(m, "materials", listToJson(v.materials(), ModelCodec::toJson));
        put(m, "unmetConditions", v.unmetConditions());
        put(m, "ticketId", v.ticketId());
        return m;
    }

    public static Task task(JsonObject o) {
        if (o == null) return null;
        return Task.builder()
                .taskId(o.string("taskId"))
                .caseId(o.string("caseId"))
                .itemCode(o.string("itemCode"))
                .itemName(o.string("itemName"))
                .departmentCode(o.string("departmentCode"))
                .departmentName(o.string("departmentName"))
                .levelValue(o.string("level"))
                .statusValue(o.string("status"))
                .createdAt(o.instant("createdAt"))
                .deliveredAt(o.instant("deliveredAt"))
                .dueAt(o.instant("dueAt"))
                .outcomeValue(o.string("outcome"))
                .reasons(o.strings("reasons"))
                .missing(o.strings("missing"))
                .decidedAt(o.instant("decidedAt"))
                .version(o.longValue("version", 0L))
                .build();
    }

    public static Map<String, Object> toJson(Task v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "taskId", v.taskId());
        put(m, "caseId", v.caseId());
        put(m, "itemCode", v.itemCode());
        put(m, "itemName", v.itemName());
        put(m, "departmentCode", v.departmentCode());
        put(m, "departmentName", v.departmentName());
        put(m, "level", v.levelValue());
        put(m, "status", v.statusValue());
        put(m, "createdAt", text(v.createdAt()));
        put(m, "deliveredAt", text(v.deliveredAt()));
        put(m, "dueAt", text(v.dueAt()));
        put(m, "outcome", v.outcomeValue());
        put(m, "reasons", v.reasons());
        put(m, "missing", v.missing());
        put(m, "decidedAt", text(v.decidedAt()));
        put(m, "version", v.version());
        return m;
    }

    public static TaskDetail taskDetail(JsonObject o) {
        if (o == null) return null;
        return TaskDetail.builder()
                .task(task(o.object("task")))
                .serviceCase(serviceCase(o.object("caseView")))
                .build();
    }

    public static Map<String, Object> toJson(TaskDetail v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "task", toJson(v.task()));
        put(m, "caseView", toJson(v.serviceCase()));
        return m;
    }

    public static TaskDecision taskDecision(JsonObject o) {
        if (o == null) return null;
        return TaskDecision.builder()
                .decisionValue(o.string("decision"))
                .reasons(o.strings("reasons"))
                .missing(o.strings("missing"))
                .build();
    }

    public static Map<String, Object> toJson(TaskDecision v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "decision", v.decisionValue());
        put(m, "reasons", v.reasons());
        put(m, "missing", v.missing());
        return m;
    }

    public static TaskDecisionResult taskDecisionResult(JsonObject o) {
        if (o == null) return null;
        return TaskDecisionResult.builder()
                .task(task(o.object("task")))
                .serviceCase(serviceCase(o.object("caseView")))
                .build();
    }

    public static Map<String, Object> toJson(TaskDecisionResult v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "task", toJson(v.task()));
        put(m, "caseView", toJson(v.serviceCase()));
        return m;
    }

    public static AcceptanceCondition acceptanceCondition(JsonObject o) {
        if (o == null) return null;
        return AcceptanceCondition.builder()
                .code(o.string("code"))
                .description(o.string("description"))
                .legalBasis(o.string("legalBasis"))
                .build();
    }

    public static Map<String, Object> toJson(AcceptanceCondition v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "code", v.code());
        put(m, "description", v.description());
        put(m, "legalBasis", v.legalBasis());
        return m;
    }

    public static MaterialRequirement materialRequirement(JsonObject o) {
        if (o == null) return null;
        return MaterialRequirement.builder()
                .code(o.string("code"))
                .name(o.string("name"))
                .formValue(o.string("form"))
                .copies(o.integer("copies"))
                .mandatory(o.bool("mandatory"))
                .tolerable(o.bool("tolerable"))
                .build();
    }

    public static Map<String, Object> toJson(MaterialRequirement v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "code", v.code());
        put(m, "name", v.name());
        put(m, "form", v.formValue());
        put(m, "copies", v.copies());
        put(m, "mandatory", v.mandatory());
        put(m, "tolerable", v.tolerable());
        return m;
    }

    public static Department department(JsonObject o) {
        if (o == null) return null;
        return Department.builder()
                .code(o.string("code"))
                .name(o.string("name"))
                .timeLimitDays(o.integer("timeLimitDays"))
                .build();
    }

    public static Map<String, Object> toJson(Department v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "code", v.code());
        put(m, "name", v.name());
        put(m, "timeLimitDays", v.timeLimitDays());
        return m;
    }

    public static Item item(JsonObject o) {
        if (o == null) return null;
        return Item.builder()
                .code(o.string("code"))
                .version(o.integer("version"))
                .name(o.string("name"))
                .departmentCode(o.string("departmentCode"))
                .departmentName(o.string("departmentName"))
                .typeValue(o.string("type"))
                .modeValue(o.string("mode"))
                .regionCode(o.string("regionCode"))
                .legalDays(o.integer("legalDays"))
                .promisedDays(o.integer("promisedDays"))
                .fee(o.decimal("fee"))
                .feeBasis(o.string("feeBasis"))
                .conditions(list(o.objects("conditions"), ModelCodec::acceptanceCondition))
                .materials(list(o.objects("materials"), ModelCodec::materialRequirement))
                .departments(list(o.objects("departments"), ModelCodec::department))
                .escalateTo(department(o.object("escalateTo")))
                .controlled(o.bool("controlled"))
                .controlBasis(o.string("controlBasis"))
                .deemedApprovedOnTimeout(o.bool("deemedApprovedOnTimeout"))
                .warningDaysBefore(o.integer("warningDaysBefore"))
                .statusValue(o.string("status"))
                .changeTypeValue(o.string("changeType"))
                .versionedAt(o.instant("versionedAt"))
                .build();
    }

    public static Map<String, Object> toJson(Item v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "code", v.code());
        put(m, "version", v.version());
        put(m, "name", v.name());
        put(m, "departmentCode", v.departmentCode());
        put(m, "departmentName", v.departmentName());
        put(m, "type", v.typeValue());
        put(m, "mode", v.modeValue());
        put(m, "regionCode", v.regionCode());
        put(m, "legalDays", v.legalDays());
        put(m, "promisedDays", v.promisedDays());
        put(m, "fee", v.fee());
        put(m, "feeBasis", v.feeBasis());
        put(m, "conditions", listToJson(v.conditions(), ModelCodec::toJson));
        put(m, "materials", listToJson(v.materials(), ModelCodec::toJson));
        put(m, "departments", listToJson(v.departments(), ModelCodec::toJson));
        put(m, "escalateTo", toJson(v.escalateTo()));
        put(m, "controlled", v.controlled());
        put(m, "controlBasis", v.controlBasis());
        put(m, "deemedApprovedOnTimeout", v.deemedApprovedOnTimeout());
        put(m, "warningDaysBefore", v.warningDaysBefore());
        put(m, "status", v.statusValue());
        put(m, "changeType", v.changeTypeValue());
        put(m, "versionedAt", text(v.versionedAt()));
        return m;
    }

    public static CalendarYear calendarYear(JsonObject o) {
        if (o == null) return null;
        return CalendarYear.builder()
                .region(o.string("region"))
                .year(o.integer("year"))
                .holidays(o.dates("holidays"))
                .makeupWorkdays(o.dates("makeupWorkdays"))
                .build();
    }

    public static Map<String, Object> toJson(CalendarYear v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "region", v.region());
        put(m, "year", v.year());
        put(m, "holidays", strings(v.holidays()));
        put(m, "makeupWorkdays", strings(v.makeupWorkdays()));
        return m;
    }

    public static AccountabilityRecord accountabilityRecord(JsonObject o) {
        if (o == null) return null;
        return new AccountabilityRecord(o.string("caseId"), o.string("subject"), o.string("departmentCode"),
                o.string("centerId"), o.string("staffId"), o.instant("dueAt"), o.instant("detectedAt"),
                o.longValue("workingMinutesLate", 0L));
    }

    public static Figures figures(JsonObject o) {
        if (o == null) return null;
        return Figures.builder()
                .group(o.string("group"))
                .received(o.longValue("received", 0L))
                .accepted(o.longValue("accepted", 0L))
                .immediate(o.longValue("immediate", 0L))
                .immediateShare(o.decimal("immediateShare"))
                .finished(o.longValue("finished", 0L))
                .onTime(o.longValue("onTime", 0L))
                .onTimeRate(o.decimal("onTimeRate"))
                .early(o.longValue("early", 0L))
                .earlyRate(o.decimal("earlyRate"))
                .overdue(o.longValue("overdue", 0L))
                .averageActualDays(o.decimal("averageActualDays"))
                .averagePromisedDays(o.decimal("averagePromisedDays"))
                .averageLegalDays(o.decimal("averageLegalDays"))
                .satisfactionRate(o.decimal("satisfactionRate"))
                .rated(o.longValue("rated", 0L))
                .satisfied(o.longValue("satisfied", 0L))
                .dissatisfied(o.longValue("dissatisfied", 0L))
                .badRate(o.decimal("badRate"))
                .openRectifications(o.longObject("openRectifications"))
                .build();
    }

    public static Map<String, Object> toJson(Figures v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "group", v.group());
        put(m, "received", v.received());
        put(m, "accepted", v.accepted());
        put(m, "immediate", v.immediate());
        put(m, "immediateShare", v.immediateShare());
        put(m, "finished", v.finished());
        put(m, "onTime", v.onTime());
        put(m, "onTimeRate", v.onTimeRate());
        put(m, "early", v.early());
        put(m, "earlyRate", v.earlyRate());
        put(m, "overdue", v.overdue());
        put(m, "averageActualDays", v.averageActualDays());
        put(m, "averagePromisedDays", v.averagePromisedDays());
        put(m, "averageLegalDays", v.averageLegalDays());
        put(m, "satisfactionRate", v.satisfactionRate());
        put(m, "rated", v.rated());
        put(m, "satisfied", v.satisfied());
        put(m, "dissatisfied", v.dissatisfied());
        put(m, "badRate", v.badRate());
        put(m, "openRectifications", v.openRectifications());
        return m;
    }

    public static StatsReport statsReport(JsonObject o) {
        if (o == null) return null;
        return StatsReport.builder()
                .centerId(o.string("centerId"))
                .from(o.date("from"))
                .to(o.date("to"))
                .groupByValue(o.string("groupBy"))
                .total(figures(o.object("total")))
                .groups(list(o.objects("groups"), ModelCodec::figures))
                .queue(queueFigures(o.object("queue")))
                .build();
    }

    public static QueueFigures queueFigures(JsonObject o) {
        if (o == null) return null;
        return new QueueFigures(o.longValue("tickets", 0L), o.longValue("called", 0L), o.longValue("served", 0L),
                o.longValue("abandoned", 0L), o.decimal("averageWaitMinutes"), o.decimal("averageServiceMinutes"),
                o.decimal("abandonmentRate"), list(o.objects("windows"), w -> new QueueFigures.WindowThroughput(
                        w.intValue("window", 0), w.string("windowId"), w.longValue("served", 0L),
                        w.decimal("averageServiceMinutes"))));
    }

    public static Map<String, Object> toJson(QueueFigures v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "tickets", v.tickets());
        put(m, "called", v.called());
        put(m, "served", v.served());
        put(m, "abandoned", v.abandoned());
        put(m, "averageWaitMinutes", v.averageWaitMinutes());
        put(m, "averageServiceMinutes", v.averageServiceMinutes());
        put(m, "abandonmentRate", v.abandonmentRate());
        put(m, "windows", listToJson(v.windows(), w -> {
            Map<String, Object> x = new LinkedHashMap<>();
            put(x, "window", w.window());
            put(x, "windowId", w.windowId());
            put(x, "served", w.served());
            put(x, "averageServiceMinutes", w.averageServiceMinutes());
            return x;
        }));
        return m;
    }

    public static Map<String, Object> toJson(StatsReport v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "centerId", v.centerId());
        put(m, "from", text(v.from()));
        put(m, "to", text(v.to()));
        put(m, "groupBy", v.groupByValue());
        put(m, "total", toJson(v.total()));
        put(m, "groups", listToJson(v.groups(), ModelCodec::toJson));
        put(m, "queue", toJson(v.queue()));
        return m;
    }

    public static FieldError fieldError(JsonObject o) {
        if (o == null) return null;
        return FieldError.builder()
                .field(o.string("field"))
                .code(o.string("code"))
                .messageZh(o.string("messageZh"))
                .messageEn(o.string("messageEn"))
                .build();
    }

    public static Map<String, Object> toJson(FieldError v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "field", v.field());
        put(m, "code", v.code());
        put(m, "messageZh", v.messageZh());
        put(m, "messageEn", v.messageEn());
        return m;
    }

    public static Problem problem(JsonObject o) {
        if (o == null) return null;
        return Problem.builder()
                .type(o.string("type"))
                .title(o.string("title"))
                .status(o.intValue("status", 0))
                .detail(o.string("detail"))
                .code(o.string("code"))
                .messageZh(o.string("messageZh"))
                .messageEn(o.string("messageEn"))
                .errors(list(o.objects("errors"), ModelCodec::fieldError))
                .requestId(o.string("requestId"))
                .build();
    }

    public static Map<String, Object> toJson(Problem v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "type", v.type());
        put(m, "title", v.title());
        put(m, "status", v.status());
        put(m, "detail", v.detail());
        put(m, "code", v.code());
        put(m, "messageZh", v.messageZh());
        put(m, "messageEn", v.messageEn());
        put(m, "errors", listToJson(v.errors(), ModelCodec::toJson));
        put(m, "requestId", v.requestId());
        return m;
    }

    public static Map<String, Object> toJson(Rating v) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "caseId", v.caseId());
        put(m, "level", v.levelValue());
        put(m, "channel", v.channelValue());
        put(m, "applicantConfirmation", v.applicantConfirmation());
        put(m, "windowId", v.windowId());
        put(m, "staffId", v.staffId());
        put(m, "comment", v.comment());
        put(m, "ratedAt", text(v.ratedAt()));
        return m;
    }

    public static Evaluation evaluation(JsonObject o) {
        if (o == null) return null;
        return Evaluation.builder()
                .id(o.string("id"))
                .caseId(o.string("caseId"))
                .round(o.intValue("round", 0))
                .levelValue(o.string("level"))
                .channelValue(o.string("channel"))
                .comment(o.string("comment"))
                .itemCode(o.string("itemCode"))
                .itemVersion(o.intValue("itemVersion", 0))
                .itemName(o.string("itemName"))
                .departmentCode(o.string("departmentCode"))
                .regionCode(o.string("regionCode"))
                .centerId(o.string("centerId"))
                .servicePointId(o.string("servicePointId"))
                .windowId(o.string("windowId"))
                .staffId(o.string("staffId"))
                .caseStatus(o.string("caseStatus"))
                .applicantTypeValue(o.string("applicantType"))
                .idTypeValue(o.string("idType"))
                .ratedAt(o.instant("ratedAt"))
                .receivedAt(o.instant("receivedAt"))
                .source(o.string("source"))
                .batchId(o.string("batchId"))
                .queueNumber(o.string("queueNumber"))
                .build();
    }

    public static PadRequest padRequest(JsonObject o) {
        if (o == null) return null;
        return PadRequest.builder()
                .caseId(o.string("caseId"))
                .itemName(o.string("itemName"))
                .applicantName(o.string("applicantName"))
                .queueNumber(o.string("queueNumber"))
                .windowId(o.string("windowId"))
                .windowName(o.string("windowName"))
                .staffId(o.string("staffId"))
                .staffName(o.string("staffName"))
                .requestedAt(o.instant("requestedAt"))
                .ratingToken(o.string("ratingToken"))
                .build();
    }

    public static PadRequests padRequests(JsonObject o) {
        if (o == null) return null;
        return PadRequests.builder()
                .windowId(o.string("windowId"))
                .windowName(o.string("windowName"))
                .requests(list(o.objects("requests"), ModelCodec::padRequest))
                .serverTime(o.instant("serverTime"))
                .build();
    }

    public static BatchRecordError batchRecordError(JsonObject o) {
        if (o == null) return null;
        return BatchRecordError.builder()
                .index(o.intValue("index", -1))
                .caseId(o.string("caseId"))
                .code(o.string("code"))
                .messageZh(o.string("messageZh"))
                .messageEn(o.string("messageEn"))
                .build();
    }

    /** One page of {@code GET /v1/evaluation-batches/{id}}; the errors of this page only. */
    public static EvaluationBatchStatus evaluationBatchStatus(JsonObject o) {
        if (o == null) return null;
        JsonObject b = o.object("batch");
        return EvaluationBatchStatus.builder()
                .batchId(b == null ? null : b.string("id"))
                .records(b == null ? 0 : b.intValue("records", 0))
                .chunks(b == null ? 0 : b.intValue("chunks", 0))
                .acceptedAt(b == null ? null : b.instant("acceptedAt"))
                .state(o.string("state"))
                .chunksDone(o.intValue("chunksDone", 0))
                .accepted(o.intValue("accepted", 0))
                .rejected(o.intValue("rejected", 0))
                .errors(list(o.objects("errors"), ModelCodec::batchRecordError))
                .build();
    }

    private static <T> List<T> list(List<JsonObject> objects, java.util.function.Function<JsonObject, T> f) {
        List<T> out = new ArrayList<>(objects.size());
        for (JsonObject o : objects) out.add(o == null ? null : f.apply(o));
        return out;
    }

    private static <T> List<Object> listToJson(List<T> values, java.util.function.Function<T, Map<String, Object>> f) {
        if (values.isEmpty()) return null;
        List<Object> out = new ArrayList<>(values.size());
        for (T v : values) out.add(f.apply(v));
        return out;
    }

    private static List<Object> strings(List<?> values) {
        if (values.isEmpty()) return null;
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) out.add(text(v));
        return out;
    }

    /** A date or time as its ISO-8601 text, {@code null} as absent. */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value == null) return;
        if (value instanceof List && ((List<?>) value).isEmpty()) return;
        m.put(key, value);
    }
}
