package cn.onewindow.core.queue;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.PointTree;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Masking;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.ConcurrentUpdateException;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.evaluation.WindowRatingRequest;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.RatingRequestStore;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.evaluation.RatingTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 请评价: window staff ask the applicant of a case to rate the service on the rating PAD bound to their window; the
 * PAD polls its window's open requests. A request names the case, item, window, staff and queue number and the
 * applicant's masked name, and gives the PAD a rating token: the staff saw the applicant, so a rating sent with the
 * token in place of the last four ID characters confirms the applicant (the single route and batches alike).
 */
public final class RatingRequestService {
    /** A request older than this is no longer shown on the PAD (its token still confirms a queued rating). */
    public static final Duration SHOWN_FOR = Duration.ofHours(12);
    /** Requests a PAD lists at most. */
    public static final int MAX_PENDING = 20;

    private final RatingRequestStore store;
    private final CaseRepository cases;
    private final QueueStore queues;
    private final EvaluationRepository evaluations;
    private final CallerDirectory callers;
    private final PrivacyKeys keys;
    private final Clock clock;
    private final PointTree tree;

    /** @param tree where service points sit: who may read a case (and so get 403 rather than 404) */
    public RatingRequestService(RatingRequestStore store, CaseRepository cases, QueueStore queues,
                                EvaluationRepository evaluations, CallerDirectory callers, PrivacyKeys keys,
                                Clock clock, PointTree tree) {
        this.tree = tree;
        this.store = store;
        this.cases = cases;
        this.queues = queues;
        this.evaluations = evaluations;
        this.callers = callers;
        this.keys = keys;
        this.clock = clock;
    }

    /** The stored request and whether this call made it (false: the same request was already open). */
    public record Requested(WindowRatingRequest request, boolean created) {
    }

    /** A request as the PAD receives it. */
    public record PadRequest(String caseId, String itemName, String applicantName, String queueNumber,
                             String windowId, String windowName, String staffId, String staffName,
                             Instant requestedAt, String ratingToken) {
    }

    /**
     * What a PAD shows: its window and that window's open requests, oldest first.
     *
     * @param serverTime the platform's clock now: the PAD stamps a rating it keeps offline with its own clock
     *                   corrected by this (a device clock may be off by more than a rating's allowed skew)
     */
    public record PadView(String windowId, String windowName, List<PadRequest> requests, Instant serverTime) {
        /** The same view without the time: what its ETag is computed over (unchanged requests: 304). */
        public PadView timeless() {
            return new PadView(windowId, windowName, requests, null);
        }
    }

    public Requested request(Caller caller, String caseId, String windowId) {
        if (windowId == null || windowId.isBlank() || windowId.length() > 64) {
            throw DomainException.validation(List.of(FieldError.of("windowId", "REQUIRED",
                    "请指定窗口（1至64个字符）", "give the window (1-64 characters)")));
        }
        ServiceCase.Snapshot c = cases.find(caseId).filter(s -> AccessPolicy.canRead(caller, s, tree))
                .orElseThrow(() -> AccessPolicy.caseNotFound(caseId));
        AccessPolicy.requireRatingRequest(caller, c);
        QueueConfig.Window window = QueueConfig.parseWindowId(windowId)
                .filter(ref -> ref.centerId().equals(c.centerId()))
                .flatMap(ref -> queues.config(ref.centerId()).flatMap(cfg -> cfg.window(ref.number())))
                .orElseThrow(() -> DomainException.validation(List.of(FieldError.of("windowId", "UNKNOWN_WINDOW",
                        "该窗口不属于办件所在中心", "no such window at the case's center"))));
        if (!rateable(c)) {
            throw DomainException.illegalState("CASE_NOT_RATEABLE", "办件尚未出件或送达，暂不能评价",
                    "a case can be rated once its result was issued or delivered");
        }
        EvaluationRepository.RatingState st = evaluations.state(caseId);
        if (st != null && st.first() != null) {
            throw DomainException.conflict("ALREADY_RATED", "该办件已评价", "this case was already rated");
        }
        return RetryPolicy.standard().onConflict(() -> {
            Optional<WindowRatingRequest> prior = store.request(caseId);
            if (prior.isPresent() && prior.get().windowId().equals(windowId)
                    && prior.get().staffId().equals(caller.id())) {
                return new Requested(prior.get(), false); // asked again: the same request, not a second one
            }
            WindowRatingRequest r = new WindowRatingRequest(caseId, windowId, windowName(window), c.centerId(),
                    caller.id(), caller.name(), c.itemName(),
                    c.applicant() == null ? null : Masking.name(c.applicant().name()), c.queueNumber(),
                    clock.instant());
            if (!store.save(r, prior.orElse(null))) {
                throw new ConcurrentUpdateException("评价请求正被修改，请重试", "the rating request changed meanwhile");
            }
            return new Requested(r, true);
        });
    }

    /** The open requests of the window the calling PAD is bound to, without cases rated meanwhile. */
    public PadView pending(Caller caller) {
        AccessPolicy.requirePad(caller);
        String windowId = store.boundWindow(caller.id()).orElseThrow(() -> DomainException.notFound(
                "TERMINAL_NOT_BOUND", "该评价器尚未绑定窗口，请联系管理员", "this PAD is not bound to a window"));
        String windowName = QueueConfig.parseWindowId(windowId)
                .flatMap(ref -> queues.config(ref.centerId()).flatMap(cfg -> cfg.window(ref.number())))
                .map(RatingRequestService::windowName).orElse(windowId);
        List<WindowRatingRequest> open = store.pending(windowId, clock.instant().minus(SHOWN_FOR), MAX_PENDING);
        Map<String, EvaluationRepository.RatingState> states = open.isEmpty() ? Map.of()
                : evaluations.states(open.stream().map(WindowRatingRequest::caseId).toList());
        List<PadRequest> out = new ArrayList<>();
        for (WindowRatingRequest r : open) {
            EvaluationRepository.RatingState st = states.get(r.caseId());
            if (st == null || st.first() != null) continue;
            out.add(new PadRequest(r.caseId(), r.itemName(), r.applicantName(), r.queueNumber(), r.windowId(),
                    r.windowName(), r.staffId(), r.staffName(), r.requestedAt(), token(r)));
        }
        return new PadView(windowId, windowName, out, clock.instant());
    }

    /** Binds a PAD (a TERMINAL caller) to a window of its center. Administrators only. */
    public String bind(Caller caller, String terminalId, String windowId) {
        AccessPolicy.requirePadBinder(caller);
        Caller terminal = callers.account(terminalId).map(CallerDirectory.Account::caller)
                .filter(AccessPolicy::isPad)
                .orElseThrow(() -> DomainException.notFound("TERMINAL_NOT_FOUND", "评价器不存在", "no terminal "
                        + terminalId));
        boolean known = windowId != null && QueueConfig.parseWindowId(windowId)
                .filter(ref -> ref.centerId().equals(terminal.centerId()))
                .flatMap(ref -> queues.config(ref.centerId()).flatMap(cfg -> cfg.window(ref.number()))).isPresent();
        if (!known) {
            throw DomainException.validation(List.of(FieldError.of("windowId", "UNKNOWN_WINDOW",
                    "该窗口不属于评价器所在中心", "no such window at the terminal's center")));
        }
        store.bind(terminalId, windowId);
        return windowId;
    }

    /** The window a PAD is bound to (for the PAD itself and administrators). */
    public Optional<String> boundWindow(String terminalId) {
        return store.boundWindow(terminalId);
    }

    static boolean rateable(ServiceCase.Snapshot c) {
        return c.resultIssuedAt() != null || c.deliveredAt() != null || c.status() == CaseStatus.RESULT_READY
                || c.status() == CaseStatus.DELIVERED;
    }

    static String windowName(QueueConfig.Window w) {
        return w.number() + "号窗口 " + w.name();
    }

    /** The request's rating token (see {@link RatingTokens}). */
    public String token(WindowRatingRequest r) {
        return RatingTokens.token(keys, r);
    }
}
