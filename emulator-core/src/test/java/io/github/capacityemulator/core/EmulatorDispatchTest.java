package io.github.capacityemulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.admin.AdminRequestException;
import io.github.capacityemulator.core.error.InternalFailure;
import io.github.capacityemulator.core.error.NotImplementedException;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.error.UnknownOperationException;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.clusters.ClusterFacts;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorDispatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext CALLER = new RequestContext("000000000000", "us-east-1", "req-1");

    private Emulator emulator = Emulator.start(EmulatorSettings.defaults().withCheckResponses(true));

    @AfterEach
    void close() {
        emulator.close();
    }

    private JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void responseChecksAreOnInThisSuite() {
        assertThat(EmulatorSettings.defaults().checkResponses()).isTrue();
    }

    @Test
    void describeOfAMissingResourceNamesIt() throws Exception {
        assertThatThrownBy(() -> emulator.dispatch(CALLER, "DescribeCluster", json("{\"ClusterName\":\"ghost\"}")))
                .isInstanceOf(ResourceNotFound.class).hasMessage("Cluster 'ghost' does not exist.");
        String arn = "arn:aws:sagemaker:us-east-1:000000000000:cluster/abcdefghijkl";
        assertThatThrownBy(() -> emulator.dispatch(CALLER, "DescribeCluster", json("{\"ClusterName\":\"" + arn + "\"}")))
                .isInstanceOf(ResourceNotFound.class).hasMessage("Cluster '" + arn + "' does not exist.");
        assertThatThrownBy(() -> emulator.dispatch(CALLER, "DescribeTrainingPlan", json("{\"TrainingPlanName\":\"p1\"}")))
                .isInstanceOf(ResourceNotFound.class).hasMessage("Training plan 'p1' does not exist.");
    }

    @Test
    void listsOfAnEmptyStoreAreEmpty() throws Exception {
        assertThat(emulator.dispatch(CALLER, "ListClusters", json("{}")).toString())
                .isEqualTo("{\"ClusterSummaries\":[]}");
        assertThat(emulator.dispatch(CALLER, "ListTrainingPlans", json("{\"MaxResults\":5}")).toString())
                .isEqualTo("{\"TrainingPlanSummaries\":[]}");
    }

    @Test
    void aForgedNextTokenIsAValidationException() throws Exception {
        assertThatThrownBy(() -> emulator.dispatch(CALLER, "ListClusters", json("{\"NextToken\":\"forged\"}")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void operationsAreResolvedAgainstTheContract() throws Exception {
        assertThatThrownBy(() -> emulator.dispatch(CALLER, "UpdateTrainingJob", json("{}")))
                .isInstanceOf(NotImplementedException.class)
                .hasMessageStartingWith("UpdateTrainingJob is not emulated");
        assertThatThrownBy(() -> emulator.dispatch(CALLER, "MakeCoffee", json("{}")))
                .isInstanceOf(UnknownOperationException.class)
                .hasMessage("Operation MakeCoffee is not a SageMaker operation.");
        assertThatThrownBy(() -> emulator.dispatch(CALLER, "CreateCluster", json("{\"ClusterName\":\"bad_name!\"}")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void withResponseChecksOnAResponseThatBreaksTheModelFailsLoudly(@TempDir Path dir) throws Exception {
        emulator.close();
        // A stored cluster whose name no API call could have given it.
        String arn = "arn:aws:sagemaker:us-east-1:000000000000:cluster/abcdefghijkl";
        storeDriftedCluster(dir, arn);
        emulator = Emulator.start(EmulatorSettings.defaults().withDataDir(dir).withCheckResponses(true));
        assertThatThrownBy(() -> emulator.dispatch(CALLER, "DescribeCluster", json("{\"ClusterName\":\"" + arn + "\"}")))
                .isInstanceOf(InternalFailure.class)
                .hasMessageContaining("does not conform to the service model")
                .hasMessageContaining("Value 'drifted_name!' at 'clusterName' failed to satisfy constraint");
        emulator.close();

        // Production leaves the check off: the same body goes out unchecked.
        emulator = Emulator.start(EmulatorSettings.defaults().withDataDir(dir).withCheckResponses(false));
        assertThat(emulator.dispatch(CALLER, "DescribeCluster", json("{\"ClusterName\":\"" + arn + "\"}"))
                .path("ClusterName").asText()).isEqualTo("drifted_name!");
    }

    /** Writes, straight into a store file, a cluster that breaks the model. */
    static void storeDriftedCluster(Path dir, String arn) {
        Emulator.start(EmulatorSettings.defaults().withDataDir(dir)).close();
        try (Store store = Store.inDirectory(dir, List.of())) {
            ResourceTable<ClusterFacts> clusters = new ResourceTable<>("cluster", ClusterFacts.class);
            ClusterFacts facts = new ClusterFacts("drifted_name!", arn, 0L, null, JSON.createObjectNode(), List.of(),
                    List.of(), null, null);
            store.write(sql -> {
                clusters.insert(sql, "000000000000", "us-east-1", "drifted_name!", arn, 0L, facts);
                return null;
            });
        }
    }

    @Test
    void adminMovesTheClockAndResetRestoresIt() {
        Instant before = emulator.admin().clock().now();
        emulator.admin().advanceClock(Duration.ofDays(10));
        assertThat(emulator.now()).isAfterOrEqualTo(before.plus(Duration.ofDays(10)));
        assertThatThrownBy(() -> emulator.admin().setClock(before, false)).isInstanceOf(AdminRequestException.class);
        assertThatThrownBy(() -> emulator.admin().advanceClock(Duration.ofSeconds(-1)))
                .isInstanceOf(AdminRequestException.class);
        emulator.admin().reset();
        assertThat(emulator.now()).isBefore(before.plus(Duration.ofDays(1)));
        assertThat(emulator.admin().health().status()).isEqualTo("ok");
        assertThat(emulator.admin().health().version()).isNotBlank().isNotEqualTo("unknown");
    }
}
