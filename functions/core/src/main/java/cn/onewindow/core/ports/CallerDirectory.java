package cn.onewindow.core.ports;

import cn.onewindow.core.access.Caller;

import java.util.Optional;

/** Credentials: callers looked up by the SHA-256 hash of their bearer token. */
public interface CallerDirectory {

    Optional<Caller> byTokenHash(String tokenHash);

    void put(String tokenHash, Caller caller);
}
