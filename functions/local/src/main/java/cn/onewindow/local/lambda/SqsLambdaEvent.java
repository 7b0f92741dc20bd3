package cn.onewindow.local.lambda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The event Lambda sends a function for a batch of SQS messages of one queue: {@code {"Records":[{"messageId",
 * "receiptHandle","body","attributes","messageAttributes","md5OfBody","eventSource":"aws:sqs","eventSourceARN",
 * "awsRegion"}]}}.
 */
final class SqsLambdaEvent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<MessageSystemAttributeName> OPTIONAL_ATTRIBUTES = List.of(
            MessageSystemAttributeName.AWS_TRACE_HEADER,
            MessageSystemAttributeName.SEQUENCE_NUMBER,
            MessageSystemAttributeName.MESSAGE_GROUP_ID,
            MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);

    private final String queueArn;
    private final String region;

    SqsLambdaEvent(String queueArn, String region) {
        this.queueArn = queueArn;
        this.region = region;
    }

    /** The event for {@code batch}. */
    String of(List<Message> batch) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (Message m : batch) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            Map<MessageSystemAttributeName, String> attrs = m.attributes();
            attributes.put("ApproximateReceiveCount", attrs.getOrDefault(
                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
            attributes.put("SentTimestamp", attrs.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP,
                    Long.toString(System.currentTimeMillis())));
            attributes.put("SenderId", attrs.getOrDefault(MessageSystemAttributeName.SENDER_ID, "000000000000"));
            attributes.put("ApproximateFirstReceiveTimestamp", attrs.getOrDefault(
                    MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, attributes.get("SentTimestamp")
                            .asText()));
            for (MessageSystemAttributeName optional : OPTIONAL_ATTRIBUTES) {
                String value = attrs.get(optional);
                if (value != null) {
                    attributes.put(optional.toString(), value);
                }
            }
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            m.messageAttributes().forEach((name, value) -> messageAttributes.set(name, messageAttribute(value)));
            r.put("md5OfBody", m.md5OfBody() != null ? m.md5OfBody() : md5Hex(m.body()));
            if (m.md5OfMessageAttributes() != null && !m.messageAttributes().isEmpty()) {
                r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
            }
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", region);
        }
        return root.toString();
    }

    private static ObjectNode messageAttribute(MessageAttributeValue value) {
        ObjectNode a = JSON.createObjectNode();
        if (value.stringValue() != null) {
            a.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            a.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        }
        ArrayNode strings = a.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = a.putArray("binaryListValues");
        for (SdkBytes b : value.binaryListValues()) {
            binaries.add(Base64.getEncoder().encodeToString(b.asByteArray()));
        }
        a.put("dataType", value.dataType());
        return a;
    }

    private static String md5Hex(String body) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
