package io.github.capacityemulator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.journal.RecordedRequest;
import io.github.capacityemulator.core.admin.AdminRequestException;
import io.github.capacityemulator.server.admin.AdminRequest;
import io.github.capacityemulator.server.admin.AdminRoute;
import io.github.capacityemulator.server.admin.AdminRoutes;
import io.github.capacityemulator.server.auth.AccessSettings;
import io.github.capacityemulator.server.auth.AdminToken;
import io.github.capacityemulator.server.auth.RequestAuthenticator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** The HTTP edge: the awsJson1.1 endpoint at {@code POST /} and the admin API under {@code /_emulator}. */
public final class EmulatorServer implements AutoCloseable {

    /** Connections open at once, at most (documented in the README's Options). */
    static final int MAX_CONNECTIONS = 1000;
    static final Duration LOW_RESOURCES_IDLE = Duration.ofSeconds(5);
    static final String REQUEST_ID = "emulator.requestId";
    static final String OPERATION = "emulator.operation";
    static final String ERROR_CODE = "emulator.errorCode";
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final String host;
    private final SlowHeaderGuard guard;

    private EmulatorServer(Javalin app, String host, SlowHeaderGuard guard) {
        this.app = app;
        this.host = host;
        this.guard = guard;
    }

    /** Starts serving {@code emulator} on host:port ({@code 0} picks a free port). */
    public static EmulatorServer start(Emulator emulator, String host, int port) {
        return start(emulator, host, port, ServerOptions.DEFAULT_REQUEST_TIMEOUT);
    }

    /** The same, a client that stalls while it sends a request being answered after {@code requestTimeout}. */
    public static EmulatorServer start(Emulator emulator, String host, int port, Duration requestTimeout) {
        return start(emulator, host, port, requestTimeout, AccessSettings.open());
    }

    /** The same, with who may call (signatures, accounts, the admin token) as {@code access} says. */
    public static EmulatorServer start(Emulator emulator, String host, int port, Duration requestTimeout,
                                       AccessSettings access) {
        AwsJsonCodec codec = new AwsJsonCodec(requestTimeout);
        RequestAuthenticator authenticator = new RequestAuthenticator(access, Clock.systemUTC());
        AdminToken adminToken = new AdminToken(access.adminToken());
        AwsJsonEndpoint endpoint = new AwsJsonEndpoint(emulator, codec, authenticator);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(requestTimeout.toMillis());
                // Jetty's per-connection header cache matches values ignoring case by default, so a later
                // "Bearer TOKEN" differing only in case came through as the earlier, right one (AdminTokenTest).
                http.setHeaderCacheCaseSensitive(true);
            });
            // What Jetty refuses before routing (a bad URI, headers too large) is answered in the AWS envelope too.
            config.jetty.modifyServer(jetty -> {
                jetty.setErrorHandler(new AwsErrorPage());
                // Slow clients hold connections (a trickled header costs no thread, a body one); past this many,
                // Jetty accepts no more until some close, and cuts the idle ones after LOW_RESOURCES_IDLE.
                NetworkConnectionLimit limit = new NetworkConnectionLimit(MAX_CONNECTIONS, jetty);
                limit.setEndPointIdleTimeout(LOW_RESOURCES_IDLE.toMillis());
                jetty.addBean(limit);
            });
            config.startup.startupWatcherEnabled = false;
            config.requestLogger.http((ctx, ms) -> {
                if (LOG.isDebugEnabled()) {
                    String error = ctx.attribute(ERROR_CODE);
                    LOG.debug("{} {} {} -> {}{} in {} ms (request {})", ctx.method(), ctx.path(),
                            ctx.<String>attribute(OPERATION), ctx.statusCode(), error == null ? "" : " " + error,
                            String.format("%.1f", ms), ctx.<String>attribute(REQUEST_ID));
                }
            });
            config.routes.before(ctx -> {
                String requestId = UUID.randomUUID().toString();
                ctx.attribute(REQUEST_ID, requestId);
                ctx.header("x-amzn-RequestId", requestId);
            });
            config.routes.post("/", endpoint::handle);
            for (AdminRoute route : AdminRoutes.all()) {
                config.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(),
                        ctx -> runAdmin(ctx, emulator, route, adminToken));
            }
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith(AdminRoutes.ROOT)) {
                    if (!adminToken.permits(ctx.header("Authorization"))) {
                        unauthorized(ctx);
                        return;
                    }
                    adminError(ctx, 404, "no admin route " + ctx.method() + " " + ctx.path());
                } else {
                    endpoint.writeError(ctx, new RouteNotFound("No route for " + ctx.method() + " " + ctx.path()
                            + ": SageMaker operations are POST / with an X-Amz-Target header."));
                    // Journalled too: a client pointed at a wrong path should see its calls there.
                    RequestContext caller = authenticator.claimed(ctx.header("Authorization"), ctx.attribute(REQUEST_ID));
                    emulator.record(new RecordedRequest(emulator.now(), null, caller.account(), caller.region(), 404,
                            "UnknownOperationException", 0, caller.requestId(), null));
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                adminError(ctx, 500, "internal error: " + e);
            });
        });
        SlowHeaderGuard guard = new SlowHeaderGuard(requestTimeout);
        try {
            app.start(host, port);
            for (Connector connector : app.jettyServer().server().getConnectors()) {
                connector.addEventListener(guard);
            }
        } catch (RuntimeException e) {
            app.stop();
            guard.close();
            throw e;
        }
        return new EmulatorServer(app, host, guard);
    }

    private static void runAdmin(Context ctx, Emulator emulator, AdminRoute route, AdminToken adminToken) {
        if (!route.path().equals(AdminRoutes.HEALTH) && !adminToken.permits(ctx.header("Authorization"))) {
            unauthorized(ctx);
            return;
        }
        JsonNode body;
        try {
            String text = ctx.body();
            body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            adminError(ctx, 400, "the body is not valid JSON: " + e.getOriginalMessage());
            return;
        }
        if (!body.isObject()) {
            adminError(ctx, 400, "the body must be a JSON object");
            return;
        }
        JsonNode answer;
        try {
            answer = route.task().run(emulator.admin(), new AdminRequest(body, ctx.pathParamMap(), queryOf(ctx)));
        } catch (AdminRequestException e) {
            adminError(ctx, 400, e.getMessage());
            return;
        }
        // Streamed, not built as one string: a full journal is megabytes, and its string twice that again.
        ctx.status(200).contentType("application/json");
        try {
            JSON.writeValue(ctx.outputStream(), answer);
        } catch (IOException e) {
            LOG.debug("the client went away while an admin answer was written", e);
        } catch (RuntimeException | Error e) {
            if (ctx.res().isCommitted()) {
                // The 200 is out: cut the connection, so that the client sees a broken answer, not a short one.
                ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                        .getEndPoint().close();
            }
            throw e;
        }
    }

    private static java.util.Map<String, String> queryOf(Context ctx) {
        java.util.Map<String, String> query = new java.util.HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty()) {
                query.put(k, v.get(0));
            }
        });
        return query;
    }

    private static void unauthorized(Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"sagemaker-emulator admin\"");
        adminError(ctx, 401, "the admin API needs Authorization: Bearer <the --admin-token the emulator was started with>");
    }

    private static void adminError(Context ctx, int status, String message) {
        ctx.status(status).json(JSON.createObjectNode().put("error", message));
    }

    public int port() {
        return app.port();
    }

    public String host() {
        return host;
    }

    /** The base URI clients point their SDK at. */
    public URI endpoint() {
        return URI.create("http://" + host + ":" + port());
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            guard.close();
        }
    }
}
