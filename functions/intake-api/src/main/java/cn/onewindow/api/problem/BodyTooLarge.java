package cn.onewindow.api.problem;

import java.io.IOException;

/**
 * Thrown by the API's counting body stream once a request body passes the limit; answered as
 * {@code 413 BODY_TOO_LARGE} by {@link ProblemMappers}. It lives with the problem mappers (not with the stream that
 * throws it) so the mapping of errors depends on nothing in the resource package.
 */
public final class BodyTooLarge extends IOException {
    public BodyTooLarge() {
        super("request body over the limit");
    }
}
