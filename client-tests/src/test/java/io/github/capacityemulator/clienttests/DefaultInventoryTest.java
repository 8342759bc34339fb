package io.github.capacityemulator.clienttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ClusterNodeSummary;
import software.amazon.awssdk.services.sagemaker.model.DescribeClusterResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingInstanceType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The default inventory has on-demand capacity for every instance type the model lets a cluster group or a
 * training job name, not just a hand-picked few: the types come from the contract, not from a list here.
 */
class DefaultInventoryTest extends ClusterTestBase {

    /** The emulator's contract resource (generated from the published service model), on the test classpath. */
    private static final String CONTRACT = "/io/github/capacityemulator/core/contract/sagemaker-contract.json";

    private static JsonNode contractShapes() {
        try (InputStream in = DefaultInventoryTest.class.getResourceAsStream(CONTRACT)) {
            assertThat(in).as("contract resource " + CONTRACT + " on the test classpath").isNotNull();
            return new ObjectMapper().readTree(in).path("shapes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The enum values of a contract shape (empty when the contract has no such shape). */
    private static List<String> contractEnum(String shape) {
        List<String> values = new ArrayList<>();
        contractShapes().path(shape).path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Every ClusterInstanceType of the contract. */
    private static List<String> clusterInstanceTypes() {
        List<String> types = contractEnum("ClusterInstanceType");
        assertThat(types).as("ClusterInstanceType values in the contract").hasSizeGreaterThan(100).doesNotHaveDuplicates();
        return types;
    }

    /**
     * Every TrainingInstanceType: the contract carries only the shapes its emulated operations reach, and no
     * emulated operation reaches TrainingInstanceType today, so its values also come from the SDK's model (the
     * same published model, at the SDK's version); the contract's, should it carry the shape, are added.
     */
    private static List<String> trainingInstanceTypes() {
        TreeSet<String> types = new TreeSet<>(contractEnum("TrainingInstanceType"));
        TrainingInstanceType.knownValues().forEach(t -> types.add(t.toString()));
        assertThat(types).as("TrainingInstanceType values").hasSizeGreaterThan(100);
        return List.copyOf(types);
    }

    @Test
    void commonOnDemandTypesMissingFromTheOldListGetCapacity() {
        createCluster("mixed", group("cpu", "ml.c5.large", 2), group("gpu", "ml.g5.8xlarge", 2),
                group("general", "ml.m6i.large", 3));
        admin.advance(CREATE);
        DescribeClusterResponse cluster = describeCluster("mixed");
        assertThat(cluster.failureMessage()).isNull();
        assertThat(cluster.clusterStatusAsString()).isEqualTo("InService");
        assertThat(cluster.instanceGroups()).extracting(g -> g.instanceGroupName(), g -> g.instanceTypeAsString(),
                        g -> g.currentCount(), g -> g.targetCount(), g -> g.statusAsString())
                .containsExactly(tuple("cpu", "ml.c5.large", 2, 2, "InService"),
                        tuple("gpu", "ml.g5.8xlarge", 2, 2, "InService"),
                        tuple("general", "ml.m6i.large", 3, 3, "InService"));
        assertThat(allNodes("mixed", 100)).extracting(ClusterNodeSummary::instanceTypeAsString)
                .containsExactlyInAnyOrder("ml.c5.large", "ml.c5.large", "ml.g5.8xlarge", "ml.g5.8xlarge",
                        "ml.m6i.large", "ml.m6i.large", "ml.m6i.large");
        assertThat(nodeStatuses("mixed")).containsOnly("Running").hasSize(7);
    }

    @Test
    void theDefaultZoneListsEveryClusterAndTrainingInstanceTypeOfTheContract() {
        JsonNode defaultZone = admin.send("GET", "inventory", null).path("defaultZone");
        assertThat(defaultZone.isObject()).as("GET /_emulator/inventory has a defaultZone object").isTrue();
        List<String> missingForClusters = clusterInstanceTypes().stream()
                .filter(t -> !(defaultZone.path(t).canConvertToInt() && defaultZone.path(t).asInt() > 0)).toList();
        List<String> missingForTraining = trainingInstanceTypes().stream()
                .filter(t -> !(defaultZone.path(t).canConvertToInt() && defaultZone.path(t).asInt() > 0)).toList();
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(missingForClusters).as("ClusterInstanceType values without a default count > 0").isEmpty();
            soft.assertThat(missingForTraining).as("TrainingInstanceType values without a default count > 0").isEmpty();
        });
    }

    @Test
    void aOneInstanceClusterOfEveryClusterInstanceTypeComesInService() {
        Map<String, String> clusterOf = new LinkedHashMap<>();
        for (String type : clusterInstanceTypes()) {
            String name = type.replaceAll("[^a-zA-Z0-9]+", "-");
            createCluster(name, group("g", type, 1));
            clusterOf.put(type, name);
        }
        admin.advance(CREATE);
        Map<String, String> notInService = new LinkedHashMap<>();
        clusterOf.forEach((type, name) -> {
            DescribeClusterResponse cluster = describeCluster(name);
            String seen = cluster.clusterStatusAsString() + " with " + cluster.instanceGroups().get(0).currentCount()
                    + " instance(s)" + (cluster.failureMessage() == null ? "" : ": " + cluster.failureMessage());
            if (!seen.equals("InService with 1 instance(s)")) {
                notInService.put(type, seen);
            }
        });
        assertThat(notInService).as("instance types whose one-instance cluster is not InService with its instance")
                .isEmpty();
    }
}
