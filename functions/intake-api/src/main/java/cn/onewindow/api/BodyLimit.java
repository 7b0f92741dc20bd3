package cn.onewindow.api;

import cn.onewindow.api.problem.BodyTooLarge;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body size limit where no Content-Length says it in advance (a chunked request, or an event body the Lambda
 * bridge hands over): the body is read through a counting stream that stops at the limit by throwing
 * {@link BodyTooLarge}, which {@code ProblemMappers} answers as {@code 413 BODY_TOO_LARGE}.
 */
public class BodyLimit {

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

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > max) throw new BodyTooLarge();
        }
    }
}
