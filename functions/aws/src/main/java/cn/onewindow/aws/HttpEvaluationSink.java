package cn.onewindow.aws;

import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.ports.ProvincialEvaluationSink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forwards a rating to the provincial 好差评 system over HTTPS ({@code ProvincialEvaluationEndpoint}): one JSON
 * {@code POST} per rating, with the rating id as {@code Idempotency-Key} so that a retry after a lost answer is not
 * a second rating there. Any status but 2xx (and any I/O failure) throws: the forwarder keeps it and retries.
 */
public final class HttpEvaluationSink implements ProvincialEvaluationSink {
    private final HttpClient client;
    private final URI endpoint;

    public HttpEvaluationSink(URI endpoint) {
        this.endpoint = endpoint;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What the national reporting needs, nothing personal: the applicant is a hash. */
    static String payload(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("evaluationId", e.id());
        m.put("caseNumber", e.caseId());
        m.put("round", e.round());
        m.put("level", e.level());
        m.put("channel", e.channel());
        m.put("itemCode", e.itemCode());
        m.put("itemVersion", e.itemVersion());
        m.put("itemName", e.itemName());
        m.put("departmentCode", e.departmentCode());
        m.put("regionCode", e.regionCode());
        m.put("centerId", e.centerId());
        m.put("servicePointId", e.servicePointId());
        m.put("windowId", e.windowId());
        m.put("staffId", e.staffId());
        m.put("caseStatus", e.caseStatus());
        m.put("applicantType", e.applicantType());
        m.put("idType", e.idType());
        m.put("applicantKey", e.applicantKey());
        m.put("ratedAt", String.valueOf(e.ratedAt()));
        m.put("comment", e.comment());
        return Json.write(m);
    }

    @Override
    public void forward(Evaluation e) {
        HttpRequest req = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Idempotency-Key", e.id())
                .POST(HttpRequest.BodyPublishers.ofString(payload(e))).build();
        try {
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("provincial system answered " + r.statusCode());
            }
        } catch (IOException ex) {
            throw new IllegalStateException("provincial system unreachable: " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
