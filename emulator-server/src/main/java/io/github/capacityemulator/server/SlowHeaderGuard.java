package io.github.capacityemulator.server;

import org.eclipse.jetty.io.Connection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose bytes keep coming but make no request for two request timeouts: a client trickling its
 * headers a byte at a time never trips Jetty's idle timeout (it only bounds silence) and would keep its connection
 * for as long as it liked. Checked once per timeout per connection; a quiet connection is the idle timeout's business.
 */
final class SlowHeaderGuard implements Connection.Listener, AutoCloseable {

    private final long periodMillis;
    private final ScheduledThreadPoolExecutor checks = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "emulator-slow-header-guard");
        t.setDaemon(true);
        return t;
    });
    private final Map<Connection, ScheduledFuture<?>> watched = new ConcurrentHashMap<>();

    SlowHeaderGuard(Duration requestTimeout) {
        this.periodMillis = requestTimeout.toMillis();
        checks.setRemoveOnCancelPolicy(true); // a closed connection's check leaves the queue at once, not at its time
    }

    @Override
    public void onOpened(Connection connection) {
        long[] last = {connection.getMessagesIn(), connection.getBytesIn(), 0};
        watched.put(connection, checks.scheduleAtFixedRate(() -> {
            long messages = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            // Two periods in a row: a pooled connection used just before a check is not mistaken for a trickle.
            last[2] = messages == last[0] && bytes > last[1] ? last[2] + 1 : 0;
            if (last[2] >= 2) {
                connection.getEndPoint().close(); // bytes kept arriving for two timeouts, and no request was made
            }
            last[0] = messages;
            last[1] = bytes;
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS));
    }

    @Override
    public void onClosed(Connection connection) {
        ScheduledFuture<?> check = watched.remove(connection);
        if (check != null) {
            check.cancel(false);
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
