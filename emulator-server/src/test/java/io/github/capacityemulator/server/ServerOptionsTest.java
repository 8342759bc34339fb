package io.github.capacityemulator.server;

import org.junit.jupiter.api.Test;

import io.github.capacityemulator.core.clusters.ClusterSettings;
import io.github.capacityemulator.core.jobs.TrainingJobSettings;
import io.github.capacityemulator.server.auth.AccessSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerOptionsTest {

    private static ServerOptions parse(Map<String, String> env, String... args) {
        return ServerOptions.parse(args, env::get);
    }

    @Test
    void defaults() {
        assertThat(parse(Map.of())).isEqualTo(new ServerOptions("127.0.0.1", 4590, null, false, null, Duration.ofMinutes(2), 50, ClusterSettings.defaults(), 1.0, 1000, TrainingJobSettings.defaults(), Duration.ofSeconds(30), AccessSettings.open(), false));
    }

    @Test
    void flagsInBothForms() {
        assertThat(parse(Map.of(), "--port", "0", "--host=0.0.0.0", "--data-dir", "/tmp/emu", "--clock=frozen"))
                .isEqualTo(new ServerOptions("0.0.0.0", 0, Path.of("/tmp/emu"), true, null, Duration.ofMinutes(2), 50, ClusterSettings.defaults(), 1.0, 1000, TrainingJobSettings.defaults(), Duration.ofSeconds(30), AccessSettings.open(), false));
        assertThat(parse(Map.of(), "--port=4600").port()).isEqualTo(4600);
    }

    @Test
    void environmentVariablesAndAFlagBeatsItsVariable() {
        Map<String, String> env = Map.of("EMULATOR_PORT", "5000", "EMULATOR_HOST", "127.0.0.2",
                "EMULATOR_DATA_DIR", "/data", "EMULATOR_CLOCK", "frozen");
        assertThat(parse(env)).isEqualTo(new ServerOptions("127.0.0.2", 5000, Path.of("/data"), true, null, Duration.ofMinutes(2), 50, ClusterSettings.defaults(), 1.0, 1000, TrainingJobSettings.defaults(), Duration.ofSeconds(30), AccessSettings.open(), false));
        assertThat(parse(env, "--port", "6000", "--clock", "real"))
                .isEqualTo(new ServerOptions("127.0.0.2", 6000, Path.of("/data"), false, null, Duration.ofMinutes(2), 50, ClusterSettings.defaults(), 1.0, 1000, TrainingJobSettings.defaults(), Duration.ofSeconds(30), AccessSettings.open(), false));
    }

    @Test
    void trainingPlanSettings() {
        ServerOptions o = parse(Map.of("EMULATOR_PAYMENT_DELAY", "30"), "--inventory", "/etc/inv.json",
                "--max-training-plans=3");
        assertThat(o.inventory()).isEqualTo(Path.of("/etc/inv.json"));
        assertThat(o.paymentDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.maxTrainingPlans()).isEqualTo(3);
        assertThatThrownBy(() -> parse(Map.of(), "--payment-delay", "-1"))
                .hasMessage("--payment-delay must be a whole number >= 0, not '-1'");
        assertThatThrownBy(() -> parse(Map.of(), "--max-training-plans", "0"))
                .hasMessage("--max-training-plans must be a whole number >= 1, not '0'");
    }

    @Test
    void clusterDelaysAndQuotas() {
        ServerOptions o = parse(Map.of("EMULATOR_CLUSTER_CREATE_DELAY", "60"), "--node-replace-delay=5",
                "--max-instances-per-cluster", "10");
        assertThat(o.clusters().createDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.clusters().nodeReplaceDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.clusters().updateDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.clusters().maxInstancesPerCluster()).isEqualTo(10);
        assertThat(ServerOptions.usage()).contains("--cluster-create-delay", "EMULATOR_CLUSTER_UPDATE_DELAY",
                "--cluster-software-update-delay", "--cluster-delete-delay", "--node-replace-delay",
                "--max-cluster-instances", "--max-instances-per-type");
    }

    @Test
    void trainingJobRuntimeAndQuotas() {
        ServerOptions o = parse(Map.of("EMULATOR_TRAINING_JOB_QUOTAS", "ml.p5.48xlarge=8, ml.g5.xlarge=0"),
                "--training-job-runtime=600");
        assertThat(o.jobs().runtime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.jobs().quotas()).isEqualTo(Map.of("ml.p5.48xlarge", 8, "ml.g5.xlarge", 0));
        assertThat(o.jobs().starting()).isEqualTo(TrainingJobSettings.defaults().starting());
        assertThat(parse(Map.of(), "--request-timeout", "5").requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(parse(Map.of("EMULATOR_REQUEST_TIMEOUT", "7")).requestTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThatThrownBy(() -> parse(Map.of(), "--request-timeout", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse(Map.of(), "--training-job-quotas", "ml.p5.48xl=8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--training-job-quotas: unknown training instance type in the quotas: ml.p5.48xl");
        assertThatThrownBy(() -> parse(Map.of(), "--training-job-quotas", "p5=8")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--training-job-quotas must be TYPE=N,...");
        assertThatThrownBy(() -> parse(Map.of(), "--training-job-quotas", "ml.p5.48xlarge=-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number >= 0");
        assertThatThrownBy(() -> parse(Map.of(), "--training-job-runtime", "soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--training-job-runtime must be a whole number");
    }

    @Test
    void clockRateAndJournalSize() {
        ServerOptions o = parse(Map.of("EMULATOR_JOURNAL_SIZE", "5"), "--clock-rate=60");
        assertThat(o.clockRate()).isEqualTo(60.0);
        assertThat(o.journalSize()).isEqualTo(5);
        assertThatThrownBy(() -> parse(Map.of(), "--clock-rate", "0"))
                .hasMessage("--clock-rate must be a number > 0 (at most 1000000), not '0'");
        assertThat(ServerOptions.usage()).contains("--clock-rate", "EMULATOR_CLOCK_RATE", "--journal-size");
    }

    @Test
    void signaturesAccountsAndTheAdminToken() {
        ServerOptions o = parse(Map.of("EMULATOR_ADMIN_TOKEN", "s3cret"), "--require-signature",
                "--credentials", "AKIDA:secret-a, 111122223333:secret:with:colons", "--accounts=AKIDA=444455556666");
        assertThat(o.access()).isEqualTo(new AccessSettings(true,
                Map.of("AKIDA", "secret-a", "111122223333", "secret:with:colons"), Map.of("AKIDA", "444455556666"), "s3cret"));
        assertThat(parse(Map.of("EMULATOR_REQUIRE_SIGNATURE", "true", "EMULATOR_CREDENTIALS", "K:S")).access()
                .requireSignature()).isTrue();
        assertThat(parse(Map.of(), "--require-signature=false").access().requireSignature()).isFalse();
        // Accounts map keys without strict signing too: the account a key acts as is not a matter of trust.
        assertThat(parse(Map.of("EMULATOR_ACCOUNTS", "AKIDB=555566667777")).access().accounts())
                .isEqualTo(Map.of("AKIDB", "555566667777"));
        assertThatThrownBy(() -> parse(Map.of(), "--require-signature"))
                .hasMessage("--require-signature needs --credentials KEY:SECRET[,KEY:SECRET...] to verify signatures with");
        assertThatThrownBy(() -> parse(Map.of(), "--require-signature=yes"))
                .hasMessage("--require-signature must be true or false, not 'yes'");
        assertThatThrownBy(() -> parse(Map.of(), "--credentials", "AKIDA"))
                .hasMessageStartingWith("--credentials must be KEY:SECRET[,KEY:SECRET...]");
        assertThatThrownBy(() -> parse(Map.of(), "--accounts", "AKIDA=12345"))
                .hasMessage("--accounts must be KEY=ACCOUNT[,KEY=ACCOUNT...] with 12-digit account ids, not 'AKIDA=12345'");
        assertThatThrownBy(() -> parse(Map.of(), "--admin-token", " ")).hasMessage("--admin-token must not be blank");
        assertThatThrownBy(() -> parse(Map.of(), "--credentials", "A1:x,A1:y"))
                .hasMessage("--credentials names the access key A1 twice");
        assertThatThrownBy(() -> parse(Map.of(), "--accounts", "A1=111122223333,A1=444455556666"))
                .hasMessage("--accounts names the access key A1 twice");
        assertThat(ServerOptions.usage()).contains("--require-signature ", "EMULATOR_REQUIRE_SIGNATURE", "--credentials",
                "EMULATOR_CREDENTIALS", "--accounts", "EMULATOR_ACCOUNTS", "--admin-token", "EMULATOR_ADMIN_TOKEN");
    }

    @Test
    void badValuesAreRefusedWithAReason() {
        assertThatThrownBy(() -> parse(Map.of(), "--port", "http")).hasMessage("--port must be a number from 0 to 65535, not 'http'");
        assertThatThrownBy(() -> parse(Map.of(), "--port=70000")).hasMessage("--port must be a number from 0 to 65535, not '70000'");
        assertThatThrownBy(() -> parse(Map.of("EMULATOR_CLOCK", "slow"))).hasMessage("--clock must be 'real' or 'frozen', not 'slow'");
        assertThatThrownBy(() -> parse(Map.of(), "--verbose")).hasMessage("unknown option: --verbose");
        assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessage("--port needs a value");
    }

    @Test
    void helpListsEveryFlagAndItsVariable() {
        assertThat(parse(Map.of(), "--help").help()).isTrue();
        assertThat(ServerOptions.usage()).contains("--port", "EMULATOR_PORT", "--host", "EMULATOR_HOST",
                "--data-dir", "EMULATOR_DATA_DIR", "--clock", "EMULATOR_CLOCK", "--inventory", "EMULATOR_INVENTORY",
                "--payment-delay", "EMULATOR_PAYMENT_DELAY", "--max-training-plans", "EMULATOR_MAX_TRAINING_PLANS",
                "--help", "4590");
    }
}
