package io.github.capacityemulator.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The answer to what Jetty refuses before a route sees it: a request line, URI or header it cannot read (400, 414,
 * 431...). Jetty's status stays; the body is the AWS envelope instead of Jetty's HTML page, so that an SDK reads a
 * SerializationException (the request could not be read) rather than an unparseable page.
 */
final class AwsErrorPage extends ErrorHandler {


    @Override
    public boolean errorPageForMethod(String method) {
        return true; // every method, CONNECT and made-up ones included, gets the envelope
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ByteBuffer body = envelope(response.getHeaders(), code, message);
        response.write(true, body, callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        return envelope(fields, status, reason);
    }

    private static ByteBuffer envelope(HttpFields.Mutable headers, int code, String reason) {
        String type = code == 404 || code == 405 ? "UnknownOperationException"
                : code >= 500 && code != HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? "InternalFailure" : "SerializationException";
        String why = reason == null || reason.isBlank() ? HttpStatus.getMessage(code) : reason;
        byte[] body = AwsJsonCodec.errorEnvelope(type, "The request could not be read as HTTP: " + why + " (" + code + ").");
        headers.put(HttpHeader.CONTENT_TYPE, AwsJsonCodec.CONTENT_TYPE);
        headers.put("x-amzn-ErrorType", type);
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.remove(HttpHeader.CACHE_CONTROL);
        headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
        return ByteBuffer.wrap(body);
    }
}
