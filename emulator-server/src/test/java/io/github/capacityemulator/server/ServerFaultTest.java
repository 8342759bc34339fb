package io.github.capacityemulator.server;

import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.clusters.ClusterFacts;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.Store;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** A fault of the emulator itself (here: a stored cluster that breaks the model) is 500 InternalFailure. */
class ServerFaultTest {

    @Test
    void aResponseThatBreaksTheModelIs500InternalFailure(@TempDir Path dir) {
        String arn = "arn:aws:sagemaker:us-east-1:000000000000:cluster/abcdefghijkl";
        Emulator.start(EmulatorSettings.defaults().withDataDir(dir)).close();
        try (Store store = Store.inDirectory(dir, List.of())) {
            ResourceTable<ClusterFacts> clusters = new ResourceTable<>("cluster", ClusterFacts.class);
            ClusterFacts facts = new ClusterFacts("drifted_name!", arn, 0L, null, new ObjectMapper().createObjectNode(),
                    List.of(), List.of(), null, null);
            store.write(sql -> {
                clusters.insert(sql, "000000000000", "us-east-1", "drifted_name!", arn, 0L, facts);
                return null;
            });
        }
        try (Emulator emulator = Emulator.start(EmulatorSettings.defaults().withDataDir(dir).withCheckResponses(true));
             EmulatorServer server = EmulatorServer.start(emulator, "127.0.0.1", 0)) {
            RestAssured.given().baseUri(server.endpoint().toString())
                    .header("X-Amz-Target", "SageMaker.DescribeCluster")
                    .contentType("application/json").body("{\"ClusterName\":\"" + arn + "\"}")
                    .post("/")
                    .then().statusCode(500)
                    .header("x-amzn-ErrorType", "InternalFailure")
                    .header("x-amzn-RequestId", matchesPattern(RunningEmulator.UUID_PATTERN))
                    .body("__type", equalTo("InternalFailure"))
                    .body("message", containsString("does not conform to the service model"));
        }
    }
}
