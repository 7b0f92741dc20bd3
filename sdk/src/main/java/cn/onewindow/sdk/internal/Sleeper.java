package cn.onewindow.sdk.internal;

/** Waits between attempts; replaceable in tests. Not API. */
public interface Sleeper {
    Sleeper REAL = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
