package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.JsonObject;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Ledger;
import cn.onewindow.sdk.model.LedgerEntry;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Service points (便民服务点): the monthly ledger (台帐) of errands, for the point's agents, the township staff above
 * it and supervisors. Get it from {@link OneWindowClient#servicePoints()}. Thread-safe.
 */
public final class ServicePointsApi extends ApiPart {
    ServicePointsApi(HttpEngine http) {
        super(http);
    }

    /**
     * Every errand submitted at the point in the month (Asia/Shanghai), oldest first, the villagers masked.
     *
     * @param servicePointId e.g. {@code 330110-T01-V01}
     * @throws NotFoundException when the point is outside the caller's reach (or does not exist)
     */
    public Ledger ledger(String servicePointId, YearMonth month) {
        if (servicePointId == null || month == null) throw new IllegalArgumentException("servicePointId and month");
        JsonObject o = http.get("/v1/service-points/" + HttpEngine.segment(servicePointId) + "/ledger",
                Collections.singletonMap("month", month.toString())).object();
        List<LedgerEntry> entries = new ArrayList<>();
        for (JsonObject r : o.objects("rows")) {
            String status = r.string("status");
            entries.add(new LedgerEntry(r.string("caseId"), r.instant("submittedAt"), r.string("agentId"),
                    r.string("villagerName"), r.string("villagerIdNumber"), r.string("villagerPhone"),
                    r.string("itemCode"), r.string("itemName"), status == null ? null : CaseStatus.of(status),
                    r.string("statusName"), r.string("result"), r.string("resultNumber"), r.instant("resultIssuedAt"),
                    r.instant("deliveredAt"), r.string("deliveredTo"), r.string("deliveryMethod"),
                    r.string("consentMethod")));
        }
        return new Ledger(o.string("servicePointId"), YearMonth.parse(o.string("month")), entries);
    }
}
