package io.github.capacityemulator.clienttests;

import io.github.capacityemulator.core.clusters.ClusterSettings;
import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.server.EmulatorServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ClusterNodeSummary;
import software.amazon.awssdk.services.sagemaker.model.ListClusterNodesResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ClusterScaleTest extends ClusterTestBase {

    @Test
    void aGroupOfThousandsOfNodesPagesInOrderWithoutRepeats() {
        createCluster("big", group("workers", "ml.t3.medium", 1000), group("more", "ml.c5.xlarge", 1000));
        admin.advance(CREATE);
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListClusterNodesResponse page = sageMaker.listClusterNodes(r -> r.clusterName("big").maxResults(100).nextToken(next)
                    .sortBy("NAME").sortOrder("Ascending"));
            page.clusterNodeSummaries().forEach(n -> seen.add(n.instanceGroupName() + "/" + n.instanceId()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(20);
        assertThat(seen).hasSize(2000).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(seen)).hasSize(2000);
        List<ClusterNodeSummary> byTime = allNodes("big", 100);
        assertThat(byTime).hasSize(2000);
    }

    @Test
    void quotasAreResourceLimitExceededInAwsWords() {
        try (Emulator small = Emulator.start(EmulatorSettings.defaults().withClockFrozen(true)
                .withClusters(new ClusterSettings(Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(3),
                        Duration.ofMinutes(2), Duration.ofMinutes(3), 10, 15, 12)));
             EmulatorServer server = EmulatorServer.start(small, "127.0.0.1", 0);
             var client = software.amazon.awssdk.services.sagemaker.SageMakerClient.builder()
                     .endpointOverride(server.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                     .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                     .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                             software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("111122223333", "s"))).build()) {
            ResourceLimitExceededException perCluster = catchThrowableOfType(ResourceLimitExceededException.class,
                    () -> client.createCluster(r -> r.clusterName("a").instanceGroups(group("g", "ml.t3.medium", 11))));
            assertThat(perCluster.awsErrorDetails().errorMessage()).isEqualTo("The account-level service limit 'Maximum "
                    + "number instances allowed per SageMaker HyperPod cluster' is 10 Instances, with current utilization of 0 Instances and a "
                    + "request delta of 11 Instances. Please contact AWS support to request an increase for this limit.");
            client.createCluster(r -> r.clusterName("a").instanceGroups(group("g", "ml.t3.medium", 10)));
            ResourceLimitExceededException perType = catchThrowableOfType(ResourceLimitExceededException.class,
                    () -> client.createCluster(r -> r.clusterName("b").instanceGroups(group("g", "ml.t3.medium", 3))));
            assertThat(perType.awsErrorDetails().errorMessage()).startsWith("The account-level service limit "
                    + "'ml.t3.medium for cluster usage' is 12 Instances, with current utilization of 10 Instances and a "
                    + "request delta of 3 Instances.");
            ResourceLimitExceededException across = catchThrowableOfType(ResourceLimitExceededException.class,
                    () -> client.createCluster(r -> r.clusterName("b").instanceGroups(group("g", "ml.m5.large", 6))));
            assertThat(across.awsErrorDetails().errorMessage()).startsWith("The account-level service limit 'Total number "
                    + "of instances allowed across SageMaker HyperPod clusters' is 15 Instances, with current utilization "
                    + "of 10 Instances and a request delta of 6 Instances.");
            assertThat(client.listClusters(r -> { }).clusterSummaries()).hasSize(1);
        }
    }
}
