package cn.onewindow.local.lambda;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A function's answer to an SQS batch, read by Lambda's rules for partial batch responses
 * ({@code FunctionResponseTypes: [ReportBatchItemFailures]}): the ids of the messages to keep on the queue, or
 * {@link InvalidResponseException} where Lambda would count the whole batch as failed.
 */
final class BatchItemFailures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchItemFailures() {
    }

    /**
     * Message ids the function reported as failed, by Lambda's rules for partial batch responses.
     *
     * @throws InvalidResponseException when Lambda would treat the response as a failure of the whole batch
     */
    static Set<String> parse(String response, Set<String> batchIds) {
        if (response == null || response.isBlank()) {
            return Set.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(response);
        } catch (JsonProcessingException e) {
            throw new InvalidResponseException("response is not JSON: " + abbreviate(response));
        }
        if (root == null || root.isNull()) {
            return Set.of();
        }
        if (!root.isObject()) {
            throw new InvalidResponseException("response is not a JSON object: " + abbreviate(response));
        }
        JsonNode list = root.get("batchItemFailures");
        if (list == null || list.isNull()) {
            return Set.of();
        }
        if (!list.isArray()) {
            throw new InvalidResponseException("batchItemFailures is not a list: " + abbreviate(response));
        }
        Set<String> failed = new HashSet<>();
        for (JsonNode item : list) {
            JsonNode id = item.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty() || !batchIds.contains(id.asText())) {
                throw new InvalidResponseException("invalid itemIdentifier in " + item);
            }
            failed.add(id.asText());
        }
        return failed;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    /** A response Lambda rejects: the whole batch counts as failed. */
    static final class InvalidResponseException extends RuntimeException {
        InvalidResponseException(String message) {
            super(message);
        }
    }
}
