package cn.onewindow.core.service;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.CallerProfiles;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.core.ports.ServicePointDirectory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * Callers and their credentials, managed by administrators: create, move, rotate the token, deactivate, reactivate.
 */
public final class CallerService {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A caller with a token shown this once (only its hash is kept). */
    public record Issued(CallerDirectory.Account account, String token) {
    }

    /** What an administrator sends to create or change a caller (null = unchanged on a change). */
    public record Spec(String id, Role role, String name, String centerId, String cityCode, String servicePointId,
                       String departmentCode) {
    }

    private final CallerDirectory callers;
    private final ServicePointDirectory points;
    private final Clock clock;

    public CallerService(CallerDirectory callers, ServicePointDirectory points, Clock clock) {
        this.callers = callers;
        this.points = points;
        this.clock = clock;
    }

    public Issued create(Caller admin, Spec spec) {
        AccessPolicy.requireAdministrator(admin);
        Validator v = new Validator();
        v.notBlank(spec.id(), "id");
        if (spec.id() != null) {
            v.require(spec.id().matches("[A-Za-z0-9][A-Za-z0-9_.-]{2,63}"), "id", "INVALID_ID",
                    "编号应为3至64位字母、数字、点、下划线或连字符", "3–64 letters, digits, '.', '_' or '-'");
        }
        v.notNull(spec.role(), "role");
        v.require(spec.role() == null || CallerProfiles.creatable(spec.role()), "role", "INVALID_VALUE", "不能创建系统角色",
                "SYSTEM callers are not created");
        Caller c = new Caller(spec.id(), spec.role(), spec.name(), spec.centerId(), spec.cityCode(),
                spec.servicePointId(), spec.departmentCode());
        checkProfile(v, c);
        v.throwIfInvalid();
        String token = newToken();
        callers.create(c, Tokens.hash(token), clock.instant());
        return new Issued(get(admin, c.id()), token);
    }

    public Issued rotate(Caller admin, String callerId) {
        AccessPolicy.requireAdministrator(admin);
        get(admin, callerId);
        String token = newToken();
        callers.rotate(callerId, Tokens.hash(token), clock.instant());
        return new Issued(get(admin, callerId), token);
    }

    /**
     * Deactivates a caller: its token is refused from the next request on, and nothing but {@link #reactivate}
     * makes it active again (a rotation is refused with {@code 409 CALLER_DEACTIVATED}; changes, demo seeding and
     * re-imports keep it inactive). Deactivating an inactive caller changes nothing.
     */
    public CallerDirectory.Account deactivate(Caller admin, String callerId) {
        AccessPolicy.requireAdministrator(admin);
        get(admin, callerId);
        callers.deactivate(callerId, clock.instant(), admin.id());
        return get(admin, callerId);
    }

    /**
     * An administrator's explicit reactivation of a deactivated caller, with a reason: a new token (shown once; the
     * revoked one stays revoked), recorded in the caller's life cycle (who, when, why).
     */
    public Issued reactivate(Caller admin, String callerId, String reason) {
        AccessPolicy.requireAdministrator(admin);
        get(admin, callerId);
        new Validator().notBlank(reason, "reason").maxLength(reason, 500, "reason").throwIfInvalid();
        String token = newToken();
        callers.reactivate(callerId, Tokens.hash(token), clock.instant(), admin.id(), reason.strip());
        return new Issued(get(admin, callerId), token);
    }

    /** Moves or renames a caller; the cases it handled keep its id and their own service point. */
    public CallerDirectory.Account change(Caller admin, String callerId, Spec change) {
        AccessPolicy.requireAdministrator(admin);
        Caller was = get(admin, callerId).caller();
        Caller c = new Caller(was.id(), was.role(), or(change.name(), was.name()), or(change.centerId(), was.centerId()),
                or(change.cityCode(), was.cityCode()), or(change.servicePointId(), was.servicePointId()),
                or(change.departmentCode(), was.departmentCode()));
        Validator v = new Validator();
        v.require(change.role() == null || change.role() == was.role(), "role", "IMMUTABLE",
                "角色不能修改，请新建调用方", "the role cannot change; create another caller");
        v.require(change.id() == null || change.id().equals(callerId), "id", "IMMUTABLE", "编号不能修改",
                "the id cannot change");
        checkProfile(v, c);
        v.throwIfInvalid();
        callers.update(c);
        return get(admin, callerId);
    }

    public CallerDirectory.Account get(Caller admin, String callerId) {
        if (!AccessPolicy.seesAccounts(admin)) throw notFound(callerId);
        return callers.account(callerId).orElseThrow(() -> notFound(callerId));
    }

    public List<CallerDirectory.Account> list(Caller admin) {
        AccessPolicy.requireAdministrator(admin);
        return callers.accounts();
    }

    private void checkProfile(Validator v, Caller c) {
        CallerProfiles.check(v, c, points);
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static DomainException notFound(String id) {
        return DomainException.notFound("CALLER_NOT_FOUND", "调用方不存在", "no caller " + id);
    }

    /** 32 random bytes, URL-safe: about 256 bits. */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "ow_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
