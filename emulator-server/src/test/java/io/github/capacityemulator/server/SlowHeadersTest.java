package io.github.capacityemulator.server;

import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that trickle their headers: a byte a second never trips the idle timeout, so each would hold its connection
 * as long as it liked. A connection whose bytes make no request for two request timeouts is closed, so a crowd of
 * them (more than {@link EmulatorServer#MAX_CONNECTIONS}) is shed and the server answers again. Found by review
 * (issue 10): one header byte a second held a connection for as long as the client kept it up.
 */
class SlowHeadersTest {

    @Test
    void aCrowdTricklingHeadersIsShed() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorSettings.defaults());
             EmulatorServer server = EmulatorServer.start(emulator, "127.0.0.1", 0, Duration.ofSeconds(3))) {
            int port = server.endpoint().getPort();
            List<Socket> crowd = new ArrayList<>();
            try {
                for (int i = 0; i < EmulatorServer.MAX_CONNECTIONS + 20; i++) {
                    Socket s = new Socket("127.0.0.1", port);
                    s.setSoTimeout(1);
                    s.getOutputStream().write("GET /_emulator/health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                    crowd.add(s);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                int open = crowd.size();
                while (open > 100 && System.nanoTime() < deadline) {
                    open = 0;
                    for (Socket s : crowd) {
                        if (stillOpen(s)) {
                            open++;
                        }
                    }
                    Thread.sleep(1000); // the trickle's pace: one more header byte per connection a second
                }
                assertThat(open).as("connections still held by trickling clients").isLessThanOrEqualTo(100);
            } finally {
                for (Socket s : crowd) {
                    s.close();
                }
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write("GET /_emulator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
            }
        }
    }

    /** Sends one more header byte; false once the server has closed the connection. */
    private static boolean stillOpen(Socket s) {
        try {
            InputStream in = s.getInputStream();
            try {
                if (in.read() < 0) {
                    return false;
                }
            } catch (SocketTimeoutException nothingYet) {
                // open and silent: as expected for an unfinished request
            }
            s.getOutputStream().write('a');
            s.getOutputStream().flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }
}
