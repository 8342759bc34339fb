package io.github.capacityemulator.core.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.clusters.ClusterSettings;
import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.core.caller.RequestContext;

import java.time.Duration;
import java.util.Arrays;

/**
 * Is a ListClusterNodes page O(page)? Times pages of 100 nodes from a 100-node cluster (the baseline) and
 * from a 2500-node cluster, in the same run, and prints the ratio. Not a test: run it with
 * {@code mvn -q -pl emulator-core -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.capacityemulator.core.bench.NodePagingBenchmark}
 */
public final class NodePagingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext CALLER = new RequestContext("000000000000", "us-east-1", "bench");
    private static final int WARMUP = 300;
    private static final int RUNS = 1000;

    private NodePagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String inventory = "{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"ml.t3.medium\":[{\"from\":\"2020-01-01T00:00:00Z\","
                + "\"count\":10000}],\"ml.c5.xlarge\":[{\"from\":\"2020-01-01T00:00:00Z\",\"count\":10000}]}}}}";
        try (Emulator emulator = Emulator.start(EmulatorSettings.defaults().withCheckResponses(false).withClockFrozen(true)
                .withInventoryDocument(JSON.readTree(inventory))
                .withClusters(new ClusterSettings(Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(3),
                        Duration.ofMinutes(2), Duration.ofMinutes(3), 10_000, 10_000, 10_000)))) {
            create(emulator, "small", 100, 0);
            create(emulator, "large", 1250, 1250);
            emulator.admin().advanceClock(Duration.ofMinutes(5));
            double small = medianMicros(emulator, "small");
            double large = medianMicros(emulator, "large");
            System.out.printf("ListClusterNodes, page of 100, median of %d (after %d warm-up):%n", RUNS, WARMUP);
            System.out.printf("  cluster of  100 nodes (baseline): %8.1f us%n", small);
            System.out.printf("  cluster of 2500 nodes           : %8.1f us%n", large);
            System.out.printf("  ratio 2500/100                  : %8.2f  (25x the nodes)%n", large / small);
        }
    }

    private static void create(Emulator emulator, String name, int t3, int c5) throws Exception {
        String groups = "{\"InstanceGroupName\":\"a\",\"InstanceType\":\"ml.t3.medium\",\"InstanceCount\":" + t3
                + ",\"ExecutionRole\":\"arn:aws:iam::123456789012:role/x\"}"
                + (c5 == 0 ? "" : ",{\"InstanceGroupName\":\"b\",\"InstanceType\":\"ml.c5.xlarge\",\"InstanceCount\":" + c5
                + ",\"ExecutionRole\":\"arn:aws:iam::123456789012:role/x\"}");
        emulator.dispatch(CALLER, "CreateCluster", JSON.readTree("{\"ClusterName\":\"" + name + "\",\"InstanceGroups\":[" + groups + "]}"));
    }

    /** Median time of a page in the middle of the listing (second page, through a NextToken). */
    private static double medianMicros(Emulator emulator, String cluster) throws Exception {
        JsonNode first = emulator.dispatch(CALLER, "ListClusterNodes",
                JSON.readTree("{\"ClusterName\":\"" + cluster + "\",\"MaxResults\":100,\"SortBy\":\"NAME\"}"));
        JsonNode second = first.has("NextToken")
                ? JSON.readTree("{\"ClusterName\":\"" + cluster + "\",\"MaxResults\":100,\"SortBy\":\"NAME\",\"NextToken\":\""
                + first.get("NextToken").asText() + "\"}")
                : JSON.readTree("{\"ClusterName\":\"" + cluster + "\",\"MaxResults\":100,\"SortBy\":\"NAME\"}");
        for (int i = 0; i < WARMUP; i++) {
            emulator.dispatch(CALLER, "ListClusterNodes", second);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            emulator.dispatch(CALLER, "ListClusterNodes", second);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos[RUNS / 2] / 1000.0;
    }
}
