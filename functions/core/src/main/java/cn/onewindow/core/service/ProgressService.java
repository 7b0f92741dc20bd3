package cn.onewindow.core.service;

import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.Masking;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.RateCounter;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The citizen's progress query (办件进度查询): the case number and the query password printed on the notice give the
 * status, the due date and the steps so far, with nothing personal beyond the masked applicant name. No caller: the
 * password is the credential, so tries are limited per case number and per client address (fixed hourly windows,
 * atomic counters), and an unknown case, a case without a password and a wrong password get the same answer.
 */
public final class ProgressService {
    /** Tries per case number in one window. */
    public static final int MAX_TRIES_PER_CASE = 10;
    /** Tries per client address in one window. */
    public static final int MAX_TRIES_PER_ADDRESS = 60;
    public static final Duration WINDOW = Duration.ofHours(1);
    private static final String TOO_MANY = "查询过于频繁，请稍后再试";
    private static final TryLimit PER_ADDRESS = new TryLimit("progress#addr", MAX_TRIES_PER_ADDRESS, WINDOW, TOO_MANY);
    private static final TryLimit PER_CASE = new TryLimit("progress#case", MAX_TRIES_PER_CASE, WINDOW, TOO_MANY);
    /** Events of the history a citizen sees; the others (internal hand-offs, reads, code tries) are left out. */
    private static final Set<String> HIDDEN = Set.of("PICKUP_CODE_TRIED", "PICKUP_CODE_REISSUED");

    private final CaseRepository cases;
    private final RateCounter counters;
    private final PrivacyKeys keys;
    private final Clock clock;

    public ProgressService(CaseRepository cases, RateCounter counters, PrivacyKeys keys, Clock clock) {
        this.cases = cases;
        this.counters = counters;
        this.keys = keys;
        this.clock = clock;
    }

    /** What the citizen sees. */
    public record Progress(String caseNumber, String itemName, CaseStatus status, String applicantName,
                           Instant submittedAt, Instant acceptedAt, Instant dueAt, Instant closedAt,
                           List<Step> steps) {
    }

    /** One step: what happened and when, never who (staff) or why (free text may hold names). */
    public record Step(Instant at, String event, CaseStatus status) {
    }

    /** The keyed hash of a case's query password, bound to the case. */
    public static String passwordHash(Pseudonyms p, String caseId, String password) {
        return cn.onewindow.core.cases.usecase.CaseSecrets.queryPasswordHash(p, caseId, password);
    }

    /**
     * @param clientAddress the caller's address (API Gateway {@code requestContext.http.sourceIp}); null counts as
     *                      one shared unknown address
     * @throws DomainException 404 {@code PROGRESS_NOT_FOUND} for an unknown case or a wrong or missing password;
     *                         429 {@code RATE_LIMITED} past a try limit
     */
    public Progress query(String caseNumber, String password, String clientAddress) {
        String address = keys.pseudonyms().key(Pseudonyms.CLIENT_ADDRESS, clientAddress == null ? "-" : clientAddress);
        PER_ADDRESS.charge(counters, address, clock);
        boolean wellFormed = caseNumber != null && caseNumber.length() <= 64 && password != null
                && password.length() <= 32;
        if (wellFormed) {
            PER_CASE.charge(counters, caseNumber, clock);
        }
        ServiceCase.Snapshot s = wellFormed ? cases.find(caseNumber).orElse(null) : null;
        boolean matches = s != null && keys.pseudonyms().matches(s.queryPasswordHash(), Pseudonyms.QUERY_PASSWORD,
                s.id() + ":" + password);
        if (!matches) {
            throw DomainException.notFound("PROGRESS_NOT_FOUND", "办件编号或查询密码不正确",
                    "no case with this number and query password");
        }
        List<Step> steps = cases.history(s.id()).stream().filter(h -> !HIDDEN.contains(h.event()))
                .map(ProgressService::step).toList();
        return new Progress(s.id(), s.itemName(), s.status(),
                s.applicant() == null ? null : Masking.name(s.applicant().name()), s.submittedAt(), s.acceptedAt(),
                s.dueAt(), s.closedAt(), steps);
    }

    private static Step step(HistoryEntry h) {
        return new Step(h.at(), h.event(), h.to());
    }
}
