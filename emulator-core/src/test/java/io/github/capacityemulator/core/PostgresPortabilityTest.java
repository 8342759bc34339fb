package io.github.capacityemulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.store.PostgresDialect;
import io.github.capacityemulator.core.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store's SQL is portable: every family's schema and every repository statement run on a real PostgreSQL
 * through {@code PostgresDialect}, in a scenario that touches each of them. The database comes from
 * EMULATOR_TEST_POSTGRES_URL (.ci/run starts one); each run works in a schema of its own and drops it.
 * Without the variable the test is skipped, except under CI, where it must run.
 */
class PostgresPortabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext CALLER = new RequestContext("000000000000", "us-east-1", "pg");
    private static final String ROLE = "arn:aws:iam::123456789012:role/hp";

    private PGSimpleDataSource dataSource;
    private String schema;
    private Emulator emulator;

    @BeforeEach
    void start() throws SQLException {
        String url = System.getenv("EMULATOR_TEST_POSTGRES_URL");
        if (url == null && "true".equals(System.getenv("CI"))) {
            fail("EMULATOR_TEST_POSTGRES_URL is not set: .ci/run starts PostgreSQL and sets it");
        }
        assumeTrue(url != null, "EMULATOR_TEST_POSTGRES_URL is not set: no PostgreSQL to run the SQL on");
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        schema = "emulator_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        dataSource.setCurrentSchema(schema);
        emulator = Emulator.start(EmulatorSettings.defaults().withClockFrozen(true).withCheckResponses(true),
                modules -> Store.on(dataSource, new PostgresDialect(), "in PostgreSQL schema " + schema, modules));
        emulator.admin().setClock(Instant.parse("2030-03-01T00:00:00Z"), true);
    }

    @AfterEach
    void drop() throws SQLException {
        if (emulator != null) {
            emulator.close();
        }
        if (schema != null) {
            dataSource.setCurrentSchema(null);
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private JsonNode call(String operation, String body) throws Exception {
        return emulator.dispatch(CALLER, operation, JSON.readTree(body));
    }

    private void advance(Duration by) {
        emulator.admin().advanceClock(by);
    }

    @Test
    void plansClustersNodesAndTagsRunOnPostgres() throws Exception {
        // Plans: a quote (upsert), a purchase with holds, the counter, tags.
        JsonNode offers = call("SearchTrainingPlanOfferings", "{\"InstanceType\":\"ml.p5.48xlarge\",\"InstanceCount\":4,"
                + "\"DurationHours\":48,\"TargetResources\":[\"hyperpod-cluster\"]}");
        String offering = offers.get("TrainingPlanOfferings").get(0).get("TrainingPlanOfferingId").asText();
        String plan = call("CreateTrainingPlan", "{\"TrainingPlanName\":\"p\",\"TrainingPlanOfferingId\":\"" + offering
                + "\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"ml\"}]}").get("TrainingPlanArn").asText();
        assertThat(call("DescribeTrainingPlan", "{\"TrainingPlanName\":\"p\"}").get("Status").asText()).isEqualTo("Pending");
        advance(Duration.ofMinutes(2));
        assertThat(call("ListTrainingPlans", "{}").get("TrainingPlanSummaries").get(0).get("Status").asText())
                .isEqualTo("Scheduled");
        String extension = call("SearchTrainingPlanOfferings", "{\"TrainingPlanArn\":\"" + plan + "\"}")
                .get("TrainingPlanExtensionOfferings").get(0).get("TrainingPlanExtensionOfferingId").asText();
        call("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + extension + "\"}");
        assertThat(call("DescribeTrainingPlanExtensionHistory", "{\"TrainingPlanArn\":\"" + plan + "\"}")
                .get("TrainingPlanExtensions")).hasSize(1);
        call("AddTags", "{\"ResourceArn\":\"" + plan + "\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"infra\"}]}");
        assertThat(call("ListTags", "{\"ResourceArn\":\"" + plan + "\"}").get("Tags").get(0).get("Value").asText())
                .isEqualTo("infra");

        // Clusters: on demand and on the plan; nodes written lazily when the block starts.
        call("CreateCluster", "{\"ClusterName\":\"c\",\"InstanceGroups\":["
                + "{\"InstanceGroupName\":\"ctl\",\"InstanceType\":\"ml.t3.medium\",\"InstanceCount\":3,\"ExecutionRole\":\"" + ROLE + "\"},"
                + "{\"InstanceGroupName\":\"gpu\",\"InstanceType\":\"ml.p5.48xlarge\",\"InstanceCount\":4,\"ExecutionRole\":\"" + ROLE
                + "\",\"TrainingPlanArn\":\"" + plan + "\"}]}");
        advance(Duration.ofHours(2));
        assertThat(call("DescribeCluster", "{\"ClusterName\":\"c\"}").get("ClusterStatus").asText()).isEqualTo("InService");
        JsonNode described = call("DescribeTrainingPlan", "{\"TrainingPlanName\":\"p\"}");
        assertThat(described.get("Status").asText()).isEqualTo("Active");
        assertThat(described.get("InUseInstanceCount").asInt()).isEqualTo(4);

        // Keyset pages both ways, filtered by group name.
        for (String sort : List.of("NAME", "CREATION_TIME")) {
            for (String order : List.of("Ascending", "Descending")) {
                Set<String> seen = new HashSet<>();
                String token = null;
                do {
                    JsonNode page = call("ListClusterNodes", "{\"ClusterName\":\"c\",\"MaxResults\":2,\"SortBy\":\"" + sort
                            + "\",\"SortOrder\":\"" + order + "\"" + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}");
                    page.get("ClusterNodeSummaries").forEach(n -> assertThat(seen.add(n.get("InstanceId").asText())).isTrue());
                    token = page.path("NextToken").asText(null);
                } while (token != null);
                assertThat(seen).hasSize(7);
            }
        }
        JsonNode ctl = call("ListClusterNodes", "{\"ClusterName\":\"c\",\"InstanceGroupNameContains\":\"ct\"}")
                .get("ClusterNodeSummaries");
        assertThat(ctl).hasSize(3);
        List<String> ids = new ArrayList<>();
        ctl.forEach(n -> ids.add(n.get("InstanceId").asText()));
        assertThat(call("DescribeClusterNode", "{\"ClusterName\":\"c\",\"NodeId\":\"" + ids.get(0) + "\"}")
                .get("NodeDetails").get("InstanceGroupName").asText()).isEqualTo("ctl");

        // Batch operations and a failure with automatic recovery (nullable columns both ways).
        call("BatchRebootClusterNodes", "{\"ClusterName\":\"c\",\"NodeIds\":[\"" + ids.get(0) + "\"]}");
        call("BatchReplaceClusterNodes", "{\"ClusterName\":\"c\",\"NodeIds\":[\"" + ids.get(1) + "\"]}");
        assertThat(call("BatchDeleteClusterNodes", "{\"ClusterName\":\"c\",\"NodeIds\":[\"" + ids.get(2) + "\"]}")
                .get("Successful")).hasSize(1);
        advance(Duration.ofMinutes(5));
        String failing = call("ListClusterNodes", "{\"ClusterName\":\"c\",\"InstanceGroupNameContains\":\"gpu\"}")
                .get("ClusterNodeSummaries").get(0).get("InstanceId").asText();
        emulator.admin().failNode(failing);
        advance(Duration.ofMinutes(10));
        call("UpdateCluster", "{\"ClusterName\":\"c\",\"InstanceGroups\":[{\"InstanceGroupName\":\"ctl\","
                + "\"InstanceType\":\"ml.t3.medium\",\"InstanceCount\":5,\"ExecutionRole\":\"" + ROLE + "\"}]}");
        advance(Duration.ofMinutes(2));
        JsonNode groups = call("DescribeCluster", "{\"ClusterName\":\"c\"}").get("InstanceGroups");
        assertThat(groups.get(0).get("CurrentCount").asInt() + groups.get(1).get("CurrentCount").asInt()).isEqualTo(9);
        call("DeleteCluster", "{\"ClusterName\":\"c\"}");
        advance(Duration.ofMinutes(2));
        assertThat(call("ListClusters", "{}").get("ClusterSummaries")).isEmpty();

        // Training jobs: on demand (a hold), listed, stopped, deleted.
        call("CreateTrainingJob", "{\"TrainingJobName\":\"j\",\"RoleArn\":\"" + ROLE + "\",\"AlgorithmSpecification\":"
                + "{\"TrainingImage\":\"img:1\",\"TrainingInputMode\":\"File\"},\"OutputDataConfig\":{\"S3OutputPath\":"
                + "\"s3://b/o\"},\"ResourceConfig\":{\"InstanceType\":\"ml.m5.xlarge\",\"InstanceCount\":1,"
                + "\"VolumeSizeInGB\":10},\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
        assertThat(call("ListTrainingJobs", "{}").get("TrainingJobSummaries")).hasSize(1);
        call("StopTrainingJob", "{\"TrainingJobName\":\"j\"}");
        advance(Duration.ofMinutes(2));
        assertThat(call("DescribeTrainingJob", "{\"TrainingJobName\":\"j\"}").get("TrainingJobStatus").asText())
                .isEqualTo("Stopped");
        call("DeleteTrainingJob", "{\"TrainingJobName\":\"j\"}");

        // A reset wipes every module's tables.
        emulator.admin().reset();
        assertThat(call("ListTrainingPlans", "{}").get("TrainingPlanSummaries")).isEmpty();
    }
}
