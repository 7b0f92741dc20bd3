package cn.onewindow.aws;

import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.ports.ProvincialEvaluationSink;
import java.util.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The local stand-in for the provincial 好差评 system (and the cloud's when no endpoint is configured): one JSON line
 * per rating, in a file or the function log. What it writes is what the HTTPS client would send: no identity number,
 * no phone, no name (the applicant appears as a hash).
 */
public final class LogEvaluationSink implements ProvincialEvaluationSink {
    private static final Logger LOG = Logger.getLogger(LogEvaluationSink.class.getName());
    private final Path file;

    /** @param file null: the function log */
    public LogEvaluationSink(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void forward(Evaluation e) {
        String line = HttpEvaluationSink.payload(e);
        if (file == null) {
            LOG.info("provincial evaluation (forwarding disabled): " + line);
            return;
        }
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
