package cn.onewindow.api;

import cn.onewindow.core.identity.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set by {@link CallerFilter}. */
@RequestScoped
public class CurrentCaller {
    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) throw new IllegalStateException("no caller: CallerFilter did not run");
        return caller;
    }
}
