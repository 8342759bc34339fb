package io.github.capacityemulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.error.AwsServiceException;
import io.github.capacityemulator.core.error.InternalFailure;
import io.github.capacityemulator.core.error.UnknownOperationException;
import io.github.capacityemulator.core.journal.RecordedRequest;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** {@code POST /}: decodes an awsJson1.1 request, dispatches it to the emulator, encodes the answer. */
final class AwsJsonEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AwsJsonEndpoint.class);

    static final int JOURNAL_BODY_LIMIT = 64 * 1024;

    private final Emulator emulator;
    private final AwsJsonCodec codec;
    private final String targetPrefix;

    AwsJsonEndpoint(Emulator emulator, AwsJsonCodec codec) {
        this.emulator = emulator;
        this.codec = codec;
        this.targetPrefix = emulator.contract().targetPrefix() + ".";
    }

    void handle(Context ctx) {
        long started = System.nanoTime();
        Instant arrived = Instant.now();
        String requestId = ctx.attribute(EmulatorServer.REQUEST_ID);
        RequestContext caller = CallerIdentity.of(ctx.header("Authorization"), requestId);
        String operation = null;
        JsonNode input = null;
        int bodyBytes = 0;
        try {
            arrived = emulator.now();
            operation = operationOf(ctx.header("X-Amz-Target"));
            codec.checkContentType(ctx.header("Content-Type"));
            byte[] body = codec.readBody(ctx.req().getInputStream(), ctx.req().getContentLengthLong());
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
