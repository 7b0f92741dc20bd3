package cn.onewindow.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baseline function: returns its input with an {@code "echoedBy"} field added.
 *
 * <p>Three small conveniences make it usable as a test fixture for the local Lambda platform without changing
 * what it costs to start:
 * <ul>
 *   <li>an SQS event ({@code "Records"}) whose record body contains {@code "fail"} is reported in
 *       {@code "batchItemFailures"} (partial batch response); a body containing {@code "crash"} makes the whole
 *       invocation fail;</li>
 *   <li>an input field {@code "sleepMillis"} delays the answer (to observe concurrency);</li>
 *   <li>an API Gateway HTTP API v2 event ({@code "requestContext": {"http": …}}) is answered with a 200 response
 *       whose body is the echo.</li>
 * </ul>
 */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static final String ECHOED_BY = "onewindow-baseline-lambda";

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> out = new LinkedHashMap<>(input == null ? Map.of() : input);
        out.put("echoedBy", ECHOED_BY);
        out.put("pid", ProcessHandle.current().pid());
        out.put("requestId", context == null ? null : context.getAwsRequestId());

        if (out.get("sleepMillis") instanceof Number millis) {
            try {
                Thread.sleep(millis.longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (out.get("Records") instanceof List<?> records) {
            List<Map<String, Object>> failures = new ArrayList<>();
            for (Object r : records) {
                if (r instanceof Map<?, ?> record && record.get("body") instanceof String body) {
                    if (body.contains("crash")) {
                        throw new IllegalStateException("crash requested by message " + record.get("messageId"));
                    }
                    if (body.contains("fail")) {
                        failures.add(Map.of("itemIdentifier", String.valueOf(record.get("messageId"))));
                    }
                }
            }
            if (!failures.isEmpty()) {
                out.put("batchItemFailures", failures);
            }
        }
        if (out.get("requestContext") instanceof Map<?, ?> rc && rc.containsKey("http")) {
            return Map.of(
                    "statusCode", 200,
                    "headers", Map.of("content-type", "application/json"),
                    "body", toJson(out));
        }
        return out;
    }

    private static String toJson(Object value) {
        try {
            return JsonHolder.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Created on first HTTP use only, so the event path's start-up cost stays the baseline. */
    private static final class JsonHolder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
