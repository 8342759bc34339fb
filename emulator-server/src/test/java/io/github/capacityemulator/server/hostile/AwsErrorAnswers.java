package io.github.capacityemulator.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * What every answer to a hostile request must be: a 4xx in the AWS error envelope the SDKs parse. The header
 * {@code x-amzn-ErrorType} names the error (the SDKs read it first), the content type is awsJson's, the body is a
 * JSON object with {@code __type} (the same code) and a message, under {@code message} as the emulator writes it or
 * {@code Message} as some AWS services do; and, like every response, an {@code x-amzn-RequestId}.
 */
final class AwsErrorAnswers {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsErrorAnswers() {
    }

    /** Every way the answer breaks the rules; empty when it keeps them all. */
    static List<String> problems(HostileRequest request, RawHttp.Answer answer) {
        List<String> out = new ArrayList<>();
        Expected expected = request.expected();
        if (answer.closed()) {
            if (!expected.mayClose()) {
                out.add("no answer: the connection closed");
            }
            return out;
        }
        if (answer.status() < 400 || answer.status() > 499) {
            out.add("status " + answer.status() + ", not a 4xx");
        } else if (expected.status() != 0 && answer.status() != expected.status()) {
            out.add("status " + answer.status() + ", not " + expected.status());
        }
        String type = answer.header("x-amzn-ErrorType");
        if (type == null || type.isBlank()) {
            out.add("no x-amzn-ErrorType header");
        } else if (!expected.codes().contains(type)) {
            out.add("error " + type + ", not one of " + expected.codes());
        }
        if (!CONTENT_TYPE.equals(answer.header("Content-Type"))) {
            out.add("Content-Type " + answer.header("Content-Type") + ", not " + CONTENT_TYPE);
        }
        if (answer.header("x-amzn-RequestId") == null) {
            out.add("no x-amzn-RequestId header");
        }
        if (request.method().equals("HEAD")) {
            return out; // HTTP forbids a body in the answer to HEAD: the headers are the envelope
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            out.add("the body is not JSON: " + e.getMessage());
            return out;
        }
        if (body == null || !body.isObject()) {
            out.add("the body is not a JSON object");
            return out;
        }
        if (!body.path("__type").isTextual() || type != null && !body.get("__type").asText().equals(type)) {
            out.add("__type " + body.get("__type") + " does not match x-amzn-ErrorType " + type);
        }
        JsonNode message = body.has("message") ? body.get("message") : body.get("Message");
        if (message == null || !message.isTextual() || message.asText().isBlank()) {
            out.add("no message in the body");
        }
        return out;
    }
}
