package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.core.caller.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext CALLER = new RequestContext("000000000000", "us-east-1", "r");
    private final Emulator emulator = Emulator.start(EmulatorSettings.defaults().withClockFrozen(true).withCheckResponses(true));

    @AfterEach
    void close() {
        emulator.close();
    }

    private JsonNode call(String op, String body) throws Exception {
        return emulator.dispatch(CALLER, op, JSON.readTree(body));
    }

    private List<String> nodes() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : call("ListClusterNodes", "{\"ClusterName\":\"c1\"}").get("ClusterNodeSummaries")) {
            out.add(n.get("InstanceId").asText() + " " + n.get("InstanceStatus").get("Status").asText());
        }
        return out;
    }

    @Test
    void aFailedNodeIsReplacedAfterTheDelayUnderAutomaticRecovery() throws Exception {
        call("CreateCluster", "{\"ClusterName\":\"c1\",\"InstanceGroups\":[{\"InstanceGroupName\":\"ctl\","
                + "\"InstanceType\":\"ml.t3.medium\",\"InstanceCount\":2,\"ExecutionRole\":\"arn:aws:iam::123456789012:role/hp\"}]}");
        emulator.admin().advanceClock(Duration.ofMinutes(5));
        List<String> before = nodes();
        assertThat(before).hasSize(2).allMatch(s -> s.endsWith("Running"));
        String failing = before.get(0).split(" ")[0];
        emulator.admin().failNode(failing);
        assertThat(nodes()).containsExactlyInAnyOrder(failing + " Failure", before.get(1));
        emulator.admin().advanceClock(Duration.ofMinutes(3));
        List<String> after = nodes();
        assertThat(after).hasSize(3).contains(failing + " ShuttingDown", before.get(1));
        emulator.admin().advanceClock(Duration.ofMinutes(2));
        assertThat(nodes()).hasSize(2).doesNotContain(failing + " ShuttingDown");
    }
}
