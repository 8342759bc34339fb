package io.github.capacityemulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.error.AwsServiceException;
import io.github.capacityemulator.core.error.InternalFailure;
import io.github.capacityemulator.core.error.UnknownOperationException;
import io.github.capacityemulator.core.journal.RecordedRequest;
import io.github.capacityemulator.server.auth.RequestAuthenticator;
import io.github.capacityemulator.server.auth.SignedRequest;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** {@code POST /}: decodes an awsJson1.1 request, dispatches it to the emulator, encodes the answer. */
final class AwsJsonEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AwsJsonEndpoint.class);

    static final int JOURNAL_BODY_LIMIT = 64 * 1024;

    private final Emulator emulator;
    private final AwsJsonCodec codec;
    private final String targetPrefix;
    private final RequestAuthenticator authenticator;

    AwsJsonEndpoint(Emulator emulator, AwsJsonCodec codec, RequestAuthenticator authenticator) {
        this.emulator = emulator;
        this.codec = codec;
        this.authenticator = authenticator;
        this.targetPrefix = emulator.contract().targetPrefix() + ".";
    }

    void handle(Context ctx) {
        long started = System.nanoTime();
        Instant arrived = Instant.now();
        String requestId = ctx.attribute(EmulatorServer.REQUEST_ID);
        // Journalled as who it claims to be until (and unless) its signature proves it.
        RequestContext caller = authenticator.claimed(ctx.header("Authorization"), requestId);
        String target = ctx.header("X-Amz-Target");
        // The journal names the operation of a refused call too, when its target names one.
        String operation = target != null && target.startsWith(targetPrefix) && target.length() > targetPrefix.length()
                ? target.substring(targetPrefix.length()) : null;
        JsonNode input = null;
        int bodyBytes = 0;
        try {
            arrived = emulator.now();
            byte[] body = codec.readBody(ctx.req().getInputStream(), ctx.req().getContentLengthLong());
            // As in AWS, who calls is settled before what is called: an unsigned call to any target is refused alike.
            caller = authenticator.authenticate(new SignedRequest(ctx.method().name(), ctx.path(), ctx.queryString(),
                    name -> headerValues(ctx, name), body), requestId);
            operation = operationOf(target);
            codec.checkContentType(ctx.header("Content-Type"));
            input = codec.parse(body);
            bodyBytes = body.length;
            JsonNode output = emulator.dispatch(caller, operation, input);
            ctx.status(200).contentType(AwsJsonCodec.CONTENT_TYPE).result(codec.encodeResult(output));
        } catch (AwsServiceException e) {
            writeError(ctx, e);
        } catch (Exception e) {
            LOG.error("unexpected failure serving {} (request {})", operation, requestId, e);
            writeError(ctx, new InternalFailure("The emulator failed unexpectedly (request " + requestId + "): " + e));
        }
        ctx.attribute(EmulatorServer.OPERATION, operation);
        // The journal keeps bodies up to a size, so that it cannot fill the heap with 5 MiB requests.
        JsonNode journalled = bodyBytes > JOURNAL_BODY_LIMIT ? codec.mapper().createObjectNode()
                .put("_omitted", "a body of " + bodyBytes + " bytes; the journal keeps bodies up to " + JOURNAL_BODY_LIMIT)
                : input;
        emulator.record(new RecordedRequest(arrived, operation, caller.account(), caller.region(), ctx.statusCode(),
                ctx.attribute(EmulatorServer.ERROR_CODE), (System.nanoTime() - started) / 1_000_000, requestId, journalled));
    }

    private static List<String> headerValues(Context ctx, String name) {
        return Collections.list(ctx.req().getHeaders(name));
    }

    private String operationOf(String target) {
        if (target == null || target.isBlank()) {
            throw new UnknownOperationException("Missing X-Amz-Target header: send X-Amz-Target: "
                    + targetPrefix + "<Operation>.");
        }
        if (!target.startsWith(targetPrefix) || target.length() == targetPrefix.length()) {
            throw new UnknownOperationException("Operation " + target + " is not a SageMaker operation:"
                    + " X-Amz-Target must be " + targetPrefix + "<Operation>.");
        }
        return target.substring(targetPrefix.length());
    }

    void writeError(Context ctx, AwsServiceException e) {
        ctx.status(ErrorStatus.of(e))
                .header("x-amzn-ErrorType", e.code())
                .contentType(AwsJsonCodec.CONTENT_TYPE)
                .result(codec.encodeError(e));
        ctx.attribute(EmulatorServer.ERROR_CODE, e.code());
    }
}
