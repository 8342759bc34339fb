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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: a data directory written by an emulator whose schema this one does not know is refused, never migrated
 * wrong: the emulator, run as users run it (a separate JVM), exits with status 1 and one line on stderr naming the
 * problem, and every byte of state in the directory is as it was.
 */
class IncompatibleDataDirectoryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process launch(Path data, Path stdout, Path stderr) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
                "--port=0", "--data-dir", data.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    /** Runs the emulator on {@code data}, creates one cluster, and stops it with SIGTERM as a container runtime would. */
    private static void writeAClusterAndStop(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
                "--port=0", "--data-dir", data.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).startsWith("SageMaker emulator listening on http://127.0.0.1:");
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(line.substring(line.indexOf("http://"))))
                    .header("X-Amz-Target", "SageMaker.CreateCluster").header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"ClusterName\":\"kept\",\"InstanceGroups\":[{"
                            + "\"InstanceGroupName\":\"g\",\"InstanceType\":\"ml.t3.medium\",\"InstanceCount\":1,"
                            + "\"ExecutionRole\":\"arn:aws:iam::123456789012:role/x\",\"LifeCycleConfig\":{"
                            + "\"SourceS3Uri\":\"s3://b/l\",\"OnCreate\":\"on_create.sh\"}}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    /** The directory's database, opened with the settings the emulator opens it with (H2 stores WRITE_DELAY). */
    private static Connection open(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("emulator").toAbsolutePath()
                + ";WRITE_DELAY=0", "sa", "");
    }

    /** The whole database as SQL, schema and rows (H2's SCRIPT): what "the directory's data" is. */
    private static List<String> dump(Path data) throws SQLException {
        List<String> script = new ArrayList<>();
        try (Connection c = open(data); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SCRIPT")) {
            while (rs.next()) {
                script.add(rs.getString(1));
            }
        }
        return script;
    }

    private static int clustersVersion(Path data) throws SQLException {
        try (Connection c = open(data); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM module_schema WHERE module = 'clusters'")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    @Test
    void aDirectoryWrittenByANewerEmulatorIsRefusedWithAClearMessageAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        writeAClusterAndStop(data);
        int ours = clustersVersion(data);
        try (Connection c = open(data); Statement st = c.createStatement()) {
            // What an emulator with one more clusters migration would have recorded.
            assertThat(st.executeUpdate("UPDATE module_schema SET version = version + 1 WHERE module = 'clusters'")).isOne();
        }
        List<String> before = dump(data);
        assertThat(before).anyMatch(line -> line.contains("'kept'"));

        Path stdout = dir.resolve("out.txt");
        Path stderr = dir.resolve("err.txt");
        Process refused = launch(data, stdout, stderr);
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(refused.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(stderr)).containsExactly("error: cannot open the emulator's state in " + data
                + ": this database was written by a newer emulator (its clusters schema is version " + (ours + 1)
                + ", this emulator's is " + ours + "); it is left unchanged: open it with that emulator or a later one,"
                + " or start with an empty --data-dir");
        assertThat(Files.readString(stdout)).as("no ready line").isEmpty();
        assertThat(dump(data)).as("the directory's schema and rows").isEqualTo(before);
        assertThat(data.resolve("emulator.trace.db")).doesNotExist();
    }

    @Test
    void aDirectoryOfTheEmulatorBeforeModuleVersionsIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (Connection c = open(data); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE schema_version (version INT NOT NULL)");
            st.execute("INSERT INTO schema_version (version) VALUES (3)");
        }
        List<String> before = dump(data);

        Path stderr = dir.resolve("err.txt");
        Process refused = launch(data, dir.resolve("out.txt"), stderr);
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(refused.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(stderr)).containsExactly("error: cannot open the emulator's state in " + data
                + ": this database was written by emulator 0.1, whose schema has no per-module versions; it cannot be"
                + " brought up to date and is left unchanged: start with an empty --data-dir");
        assertThat(dump(data)).as("no module_schema table, nothing migrated").isEqualTo(before);
    }
}
