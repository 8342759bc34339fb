package io.github.capacityemulator.server;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** The request journal and fault injection over the admin API. */
class ObservabilityAdminTest extends RunningEmulator {

    @Test
    void theJournalListsRequestsFiltersByOperationAndClears() {
        call("ListClusters").body("{\"MaxResults\":5}").post("/").then().statusCode(200);
        call("DescribeCluster").body("{\"ClusterName\":\"nope\"}").post("/").then().statusCode(400);
        api().get("/_emulator/requests").then().statusCode(200)
                .body("requests", hasSize(2))
                .body("requests[0].operation", equalTo("ListClusters"))
                .body("requests[0].status", equalTo(200))
                .body("requests[0].errorCode", nullValue())
                .body("requests[0].account", equalTo("000000000000"))
                .body("requests[0].region", equalTo("us-east-1"))
                .body("requests[0].input.MaxResults", equalTo(5))
                .body("requests[0].requestId", matchesPattern(UUID_PATTERN))
                .body("requests[1].errorCode", equalTo("ResourceNotFound"))
                .body("requests[1].status", equalTo(400));
        api().get("/_emulator/requests?operation=DescribeCluster").then()
                .body("requests", hasSize(1)).body("requests[0].input.ClusterName", equalTo("nope"));
        api().delete("/_emulator/requests").then().statusCode(200);
        api().get("/_emulator/requests").then().body("requests", hasSize(0));
    }

    @Test
    void injectedErrorsAnswerWithTheirCodeStatusAndMessageThenStop() {
        api().contentType("application/json").body("{\"operation\":\"ListClusters\",\"error\":{\"code\":\"ThrottlingException\"},\"count\":1}")
                .post("/_emulator/faults").then().statusCode(200)
                .body("id", equalTo("fault-1")).body("error.status", equalTo(400)).body("remaining", equalTo(1));
        call("ListClusters").body("{}").post("/").then().statusCode(400)
                .header("x-amzn-ErrorType", "ThrottlingException")
                .body("__type", equalTo("ThrottlingException")).body("message", equalTo("Rate exceeded"));
        call("ListClusters").body("{}").post("/").then().statusCode(200);
        api().get("/_emulator/faults").then().body("faults[0].fired", equalTo(1)).body("faults[0].remaining", equalTo(0));

        api().contentType("application/json").body("{\"operation\":\"*\",\"error\":{\"code\":\"ServiceUnavailable\"}}")
                .post("/_emulator/faults").then().statusCode(200);
        call("ListTrainingPlans").body("{}").post("/").then().statusCode(503).body("__type", equalTo("ServiceUnavailable"));
        api().delete("/_emulator/faults").then().statusCode(200);
        api().get("/_emulator/faults").then().body("faults", hasSize(0));
        call("ListTrainingPlans").body("{}").post("/").then().statusCode(200);
    }

    @Test
    void callsToOtherPathsAreJournalledAndLargeBodiesAreNotKept() {
        api().get("/v1/clusters").then().statusCode(404);
        api().get("/_emulator/requests").then().body("requests", hasSize(1))
                .body("requests[0].status", equalTo(404)).body("requests[0].operation", nullValue());
        String arn = "arn:aws:sagemaker:us-east-1:000000000000:training-plan/" + "x".repeat(70 * 1024);
        call("ListTags").body("{\"ResourceArn\":\"" + arn + "\"}").post("/").then().statusCode(400);
        api().get("/_emulator/requests?operation=ListTags").then()
                .body("requests[0].input._omitted", matchesPattern("a body of \\d+ bytes; the journal keeps bodies up to 65536"));
    }

    @Test
    void injectedLatencyIsSeenInTheJournal() {
        api().contentType("application/json").body("{\"operation\":\"ListClusters\",\"latencyMillis\":300,\"count\":1}")
                .post("/_emulator/faults").then().statusCode(200);
        call("ListClusters").body("{}").post("/").then().statusCode(200);
        api().get("/_emulator/requests").then().body("requests[0].latencyMillis", greaterThanOrEqualTo(300));
    }

    @Test
    void badRulesAre400AndAddNothing() {
        String[][] cases = {
                {"{\"error\":{\"code\":\"X\"}}", "operation is required (a SageMaker operation name, or \"*\" for any)"},
                {"{\"operation\":\"ListClusters\",\"error\":\"Throttle\"}", "error must be an object with a \"code\" string, e.g. {\"code\": \"ThrottlingException\"}"},
                {"{\"operation\":\"ListClusters\",\"errr\":{}}", "unknown member 'errr'; a fault rule has [account, count, error, latencyMillis, operation, probability, region, seed]"},
                {"{\"operation\":\"ListClusters\",\"latencyMillis\":\"slow\"}", "latencyMillis must be a whole number"},
                {"{\"operation\":\"ListClusters\",\"error\":{\"code\":\"X\"},\"probability\":2}", "probability must be > 0 and <= 1"},
                {"{\"operation\":\"ListClusters\",\"error\":{\"code\":\"X\",\"stauts\":503}}", "unknown member 'error.stauts'; an error has [code, message, status]"},
                {"{\"operation\":\"ListClusters\",\"error\":{\"code\":\"X\"},\"count\":4294967297}", "count is out of range"},
                {"{\"operation\":\"ListClusters\",\"error\":{\"code\":\"\"}}", "error.code must be an error code such as ThrottlingException"},
                {"{\"operation\":\"NoSuchOp\",\"error\":{\"code\":\"X\"}}", "operation 'NoSuchOp' is not an emulated SageMaker operation; use one of them, or \"*\" for any"}};
        for (String[] c : cases) {
            api().contentType("application/json").body(c[0]).post("/_emulator/faults").then().statusCode(400)
                    .body("error", equalTo(c[1]));
        }
        api().get("/_emulator/faults").then().body("faults", hasSize(0));
    }

    @Test
    void resetClearsTheJournalAndTheFaults() {
        api().contentType("application/json").body("{\"operation\":\"*\",\"latencyMillis\":1}").post("/_emulator/faults");
        call("ListClusters").body("{}").post("/");
        api().post("/_emulator/reset").then().statusCode(200);
        api().get("/_emulator/faults").then().body("faults", hasSize(0));
        api().get("/_emulator/requests").then().body("requests", hasSize(0));
    }
}
