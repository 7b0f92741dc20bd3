package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.JsonObject;
import cn.onewindow.sdk.model.Progress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The citizen's progress query (办件进度查询): the case number and the query password printed on the acceptance
 * notice; no token needed. Get it from {@link OneWindowClient#progress()}.
 */
public final class ProgressApi extends ApiPart {
    /** The header that carries the query password. */
    public static final String PASSWORD_HEADER = "X-Query-Password";
    ProgressApi(HttpEngine http) {
        super(http);
    }

    /**
     * @throws NotFoundException      {@code PROGRESS_NOT_FOUND}: no such case, or a wrong password (the same answer)
     * @throws RateLimitedException   {@code RATE_LIMITED}: too many tries for the case number or from this address
     *                                this hour; {@link RateLimitedException#retryAfter()} says how long to wait
     */
    public Progress query(String caseNumber, String queryPassword) {
        if (queryPassword == null) throw new IllegalArgumentException("queryPassword");
        JsonObject o = http.get("/v1/progress/" + HttpEngine.segment(caseNumber), null,
                Collections.singletonMap(PASSWORD_HEADER, queryPassword)).object();
        List<Progress.Step> steps = new ArrayList<>();
        for (JsonObject s : o.objects("steps")) {
            steps.add(new Progress.Step(s.instant("at"), s.string("event"), s.string("status")));
        }
        return new Progress(o.string("caseNumber"), o.string("itemName"), o.string("status"),
                o.string("applicantName"), o.instant("submittedAt"), o.instant("acceptedAt"), o.instant("dueAt"),
                o.instant("closedAt"), steps);
    }
}
