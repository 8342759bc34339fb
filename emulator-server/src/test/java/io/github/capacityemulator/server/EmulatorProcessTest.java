package io.github.capacityemulator.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as users run it: a separate JVM, one ready line on stdout, clean stop on SIGTERM. */
class EmulatorProcessTest {

    private static Process launch(Path stdout, Path stderr, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    @Test
    void printsOneReadyLineServesAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "--port=0", "--data-dir", dir.resolve("data").toString(), "--clock", "frozen")
                .redirectError(stderr.toFile()).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line = stdout.readLine(); // blocks until the emulator says it is ready
            assertThat(line).matches("SageMaker emulator listening on http://127\\.0\\.0\\.1:\\d+");
            URI endpoint = URI.create(line.substring(line.indexOf("http://")));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> clock = http.send(HttpRequest.newBuilder(endpoint.resolve("/_emulator/clock")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(clock.body()).contains("\"frozen\":true");
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(endpoint)
                    .header("X-Amz-Target", "SageMaker.ListClusters")
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            // SIGTERM as a container runtime sends it (Process.destroy would also close our end of the pipe).
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
            assertThat(stdout.readLine()).as("nothing after the ready line").isNull();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readString(stderr)).contains("SageMaker emulator stopped");
        assertThat(dir.resolve("data").resolve("emulator.mv.db")).exists();
    }

    @Test
    void helpListsTheFlagsAndExits(@TempDir Path dir) throws Exception {
        Path stdout = dir.resolve("out.txt");
        Process process = launch(stdout, dir.resolve("err.txt"), "--help");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(stdout)).contains("--port", "--host", "--data-dir", "--clock", "--help");
    }

    @Test
    void aBadInventoryFileExitsWithStatus2AndTheReason(@TempDir Path dir) throws Exception {
        Path inventory = Files.writeString(dir.resolve("inventory.json"), "{\"regions\":{\"r\":{\"Zone A\":{}}}}");
        Path stderr = dir.resolve("err.txt");
        Process process = launch(dir.resolve("out.txt"), stderr, "--inventory", inventory.toString());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(stderr)).startsWith("error: cannot read the inventory file " + inventory
                + ": regions.r.Zone A: 'Zone A' is not an Availability Zone name such as us-east-1a");
    }

    @Test
    void aDataDirectoryOfTheEmulatorBeforeModuleVersionsExitsWithStatus1AndTheReason(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + data.resolve("emulator"), "sa", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE schema_version (version INT NOT NULL)");
            st.execute("INSERT INTO schema_version (version) VALUES (3)");
        }
        Path stderr = dir.resolve("err.txt");
        Process process = launch(dir.resolve("out.txt"), stderr, "--port", "0", "--data-dir", data.toString());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(stderr)).startsWith("error: cannot open the emulator's state in " + data)
                .contains("start with an empty --data-dir").doesNotContain("Exception in thread");
    }

    @Test
    void aBadFlagExitsWithStatus2AndTheReason(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("err.txt");
        Process process = launch(dir.resolve("out.txt"), stderr, "--clock", "sideways");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        try (BufferedReader err = new BufferedReader(new InputStreamReader(Files.newInputStream(stderr)))) {
            assertThat(err.readLine()).isEqualTo("error: --clock must be 'real' or 'frozen', not 'sideways'");
        }
    }
}
