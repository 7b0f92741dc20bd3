package cn.onewindow.core.service;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.Passwords;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.core.ports.SessionStore;
import cn.onewindow.core.service.SessionService.Current;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A caller's user name and password: set by an administrator, or changed by the signed-in user. Either way the
 * sessions under the previous password end (a user's own change keeps the session it was made in).
 */
final class CredentialChange {
    private final SessionStore store;
    private final CallerDirectory callers;
    private final Passwords passwords;
    private final SignInAudit audit;
    private final WrongPasswords wrongPasswords;
    private final Clock clock;

    CredentialChange(SessionStore store, CallerDirectory callers, Passwords passwords, SignInAudit audit,
                     WrongPasswords wrongPasswords, Clock clock) {
        this.store = store;
        this.callers = callers;
        this.passwords = passwords;
        this.audit = audit;
        this.wrongPasswords = wrongPasswords;
        this.clock = clock;
    }

    /** The user name is unique ({@code 409 USERNAME_TAKEN}); SYSTEM callers get none. */
    void setCredentials(Caller admin, String callerId, String username, String password) {
        AccessPolicy.requireCredentialAdministrator(admin);
        CallerDirectory.Account account = callers.account(callerId).orElseThrow(() ->
                DomainException.notFound("CALLER_NOT_FOUND", "调用方不存在", "no caller " + callerId));
        Validator v = new Validator().notBlank(username, "username");
        if (username != null && !username.isBlank()) {
            v.require(SessionService.normalize(username).matches("[a-z0-9][a-z0-9_.@-]{2,63}"), "username",
                    "INVALID_USERNAME", "用户名应为3至64位字母、数字、点、下划线、@或连字符",
                    "3–64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        FieldError weak = Passwords.policy(password, "password");
        if (weak != null) v.addAll(List.of(weak));
        v.throwIfInvalid();
        if (!AccessPolicy.maySignIn(account.caller())) {
            throw DomainException.forbidden("FORBIDDEN", "系统调用方不能登录", "SYSTEM callers do not sign in");
        }
        String name = SessionService.normalize(username);
        if (!store.setCredential(callerId, name, passwords.hash(password), UUID.randomUUID().toString(),
                clock.instant())) {
            throw DomainException.conflict("USERNAME_TAKEN", "该用户名已被占用", "this user name belongs to another caller");
        }
        audit.log("CREDENTIALS_SET", callerId, name);
    }

    /** The current password is checked like a sign-in (wrong ones count towards the lockout). */
    void changePassword(Current session, String currentPassword, String newPassword) {
        Validator v = new Validator().notBlank(currentPassword, "currentPassword")
                .maxLength(currentPassword, Passwords.MAX_LENGTH, "currentPassword");
        FieldError weak = Passwords.policy(newPassword, "newPassword");
        if (weak != null) v.addAll(List.of(weak));
        v.throwIfInvalid();
        String name = store.usernameOf(session.caller().id()).orElseThrow(WrongPasswords::invalidCredentials);
        SessionStore.Credential c = store.credential(name).orElseThrow(WrongPasswords::invalidCredentials);
        if (WrongPasswords.locked(c, clock.instant())) throw WrongPasswords.lockedOut();
        if (!passwords.verify(c.passwordHash(), currentPassword)) {
            wrongPasswords.count(name, c);
        }
        if (newPassword.equals(currentPassword)) {
            throw DomainException.validation(List.of(FieldError.of("newPassword", "UNCHANGED",
                    "新密码不能与原密码相同", "the new password equals the current one")));
        }
        if (!store.changePassword(name, c.credentialId(), passwords.hash(newPassword), UUID.randomUUID().toString(),
                session.tokenHash(), clock.instant())) {
            throw DomainException.conflict("CONCURRENT_UPDATE", "密码正被同时修改，请重试",
                    "the password was changed meanwhile; retry");
        }
        audit.log("PASSWORD_CHANGED", session.caller().id(), name);
    }
}
