package cn.onewindow.api;

import cn.onewindow.core.identity.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set by {@link CallerFilter}. */
@RequestScoped
public class CurrentCaller {
    private Caller caller;
    private cn.onewindow.core.service.SessionService.Current session;
    private String sessionToken;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** Signed in with the session cookie (not a bearer token). */
    void set(cn.onewindow.core.service.SessionService.Current session, String token) {
        this.caller = session.caller();
        this.session = session;
        this.sessionToken = token;
    }

    /** The browser session of this request, or null when it came with a bearer token. */
    public cn.onewindow.core.service.SessionService.Current session() {
        return session;
    }

    /** The session cookie's token (never logged or stored), or null. */
    String sessionToken() {
        return sessionToken;
    }

    /** The caller, or null for a citizen's call without a credential (appointments, see {@link CallerFilter}). */
    public Caller orNull() {
        return caller;
    }

    public Caller get() {
        if (caller == null) throw new IllegalStateException("no caller: CallerFilter did not run");
        return caller;
    }
}
