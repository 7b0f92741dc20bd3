package cn.onewindow.api;

import cn.onewindow.api.problem.ProblemMappers;
import cn.onewindow.core.common.DomainException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body size limit where no Content-Length says it in advance (a chunked request, or an event body the Lambda
 * bridge hands over): the body is read through a counting stream that stops at the limit, answered as a problem.
 */
public class BodyLimit {

    /** Thrown by the counting stream once the body passes the limit. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over the limit");
        }
    }

    /** Counts what is read and refuses to go past {@code max} bytes. */
    static final class Counting extends FilterInputStream {
        private final long max;
        private long read;

        Counting(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) throw new TooLarge();
        }
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e, HttpHeaders headers) {
        return tooLarge(headers);
    }

    public static Response tooLarge(HttpHeaders headers) {
        return ProblemMappers.toResponse(new DomainException(DomainException.Kind.TOO_LARGE, "BODY_TOO_LARGE",
                "请求体超过1MB上限", "the request body exceeds the 1 MB limit"),
                ProblemMappers.requestId(headers == null ? null : headers.getRequestHeaders()));
    }
}
