package io.github.capacityemulator.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/** The awsJson1.1 edge: content types, bodies, targets, envelopes and headers. */
class AwsJsonEdgeTest extends RunningEmulator {

    @Test
    void successIs200WithAwsJsonAndARequestId() {
        call("ListClusters").body("{}").post("/")
                .then().statusCode(200)
                .header("Content-Type", AMZ_JSON)
                .header("x-amzn-RequestId", matchesPattern(UUID_PATTERN))
                .body(equalTo("{\"ClusterSummaries\":[]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-amz-json-1.1", "application/x-amz-json-1.1; charset=utf-8",
            "application/json", "Application/JSON;charset=UTF-8"})
    void acceptsAwsJsonAndJsonContentTypesWithParameters(String contentType) {
        api().header("X-Amz-Target", "SageMaker.ListTrainingPlans")
                .contentType(contentType).body("{}").post("/")
                .then().statusCode(200).body(equalTo("{\"TrainingPlanSummaries\":[]}"));
    }

    @Test
    void acceptsAMissingContentTypeAndAnEmptyBody() throws Exception {
        // java.net.http sends no Content-Type for an empty POST, as a bare curl -X POST does.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
                .header("X-Amz-Target", "SageMaker.ListClusters")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.request().headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ClusterSummaries\":[]}");
    }

    @Test
    void refusesFormEncodingSayingWhatToSend() {
        api().header("X-Amz-Target", "SageMaker.ListClusters")
                .contentType("application/x-www-form-urlencoded").body("{}").post("/")
                .then().statusCode(400)
                .header("x-amzn-ErrorType", "SerializationException")
                .header("Content-Type", AMZ_JSON)
                .body("__type", equalTo("SerializationException"))
                .body("message", equalTo("Unsupported Content-Type 'application/x-www-form-urlencoded':"
                        + " send the body as application/x-amz-json-1.1 (or application/json)."));
    }

    @Test
    void malformedJsonIsASerializationException() {
        call("ListClusters").body("{\"MaxResults\": ").post("/")
                .then().statusCode(400)
                .header("x-amzn-ErrorType", "SerializationException")
                .header("x-amzn-RequestId", matchesPattern(UUID_PATTERN))
                .body("__type", equalTo("SerializationException"))
                .body("message", startsWith("Malformed JSON in the request body: "));
    }

    @Test
    void aBodyThatIsNotAnObjectIsASerializationException() {
        call("ListClusters").body("[]").post("/")
                .then().statusCode(400)
                .body("__type", equalTo("SerializationException"))
                .body("message", equalTo("Unexpected JSON type at the request body: expected object, found array"));
    }

    @Test
    void aMemberOfTheWrongTypeIsASerializationExceptionNamingIt() {
        call("ListClusters").body("{\"MaxResults\":\"ten\"}").post("/")
                .then().statusCode(400)
                .header("x-amzn-ErrorType", "SerializationException")
                .body("message", equalTo("Unexpected JSON type at 'maxResults': expected integer, found string"));
    }

    /** Defect (issue 10): a name of 10,000 characters overflowed the pattern check: a 500 with an empty body. */
    @Test
    void hugeStringsAreValidationExceptionsNotFaults() {
        String huge = "a".repeat(10_000);
        call("CreateCluster").body("{\"ClusterName\":\"" + huge + "\",\"InstanceGroups\":[]}").post("/")
                .then().statusCode(400).header("x-amzn-ErrorType", "ValidationException")
                .body("message", org.hamcrest.Matchers.containsString("at 'clusterName' failed to satisfy constraint:"
                        + " Member must have length less than or equal to 63;"));
        call("ListClusterNodes").body("{\"ClusterName\":\"c\",\"InstanceGroupNameContains\":\"" + huge + "\"}")
                .post("/").then().statusCode(400).header("x-amzn-ErrorType", "ValidationException");
        call("ListClusters").body("{}").post("/").then().statusCode(200)
                .body("ClusterSummaries", org.hamcrest.Matchers.empty());
    }

    @Test
    void hugeNumbersAreSerializationExceptionsNotFaults() {
        call("ListTrainingPlans").body("{\"MaxResults\":1e999999999}").post("/")
                .then().statusCode(400)
                .body("message", equalTo("Unexpected JSON type at 'maxResults': expected integer, found number"));
        call("ListTrainingPlans").body("{\"StartTimeAfter\":1e999999999}").post("/")
                .then().statusCode(400).body("__type", equalTo("SerializationException"))
                .body("message", equalTo("Unexpected JSON type at 'startTimeAfter': expected timestamp (epoch seconds"
                        + " as a JSON number), found number"));
        call("SearchTrainingPlanOfferings").body("{\"EndTimeBefore\":1e17}").post("/")
                .then().statusCode(400).body("__type", equalTo("SerializationException"));
    }

    /**
     * Defect (issue 10, found by HostileInputTest): bytes that are not UTF-8 were decoded as U+FFFD and the request
     * went on, so a job was created with a value its client never sent. The body is not JSON text (RFC 8259 is
     * UTF-8): a SerializationException, as a JSON reader that checks its input (Jackson's) answers.
     */
    @ParameterizedTest
    @ValueSource(strings = {"FF", "C0AF", "EDA080", "F4908080", "E282"})
    void bytesThatAreNotUtf8AreASerializationException(String hex) throws Exception {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        byte[] body = concat(("{\"TrainingJobName\":\"j\",\"RoleArn\":\"arn:aws:iam::123456789012:role/r\","
                + "\"AlgorithmSpecification\":{\"TrainingImage\":\"img:1\",\"TrainingInputMode\":\"File\"},"
                + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://b/o\"},\"ResourceConfig\":{\"InstanceType\":"
                + "\"ml.m5.xlarge\",\"InstanceCount\":1,\"VolumeSizeInGB\":10},\"StoppingCondition\":"
                + "{\"MaxRuntimeInSeconds\":3600},\"HyperParameters\":{\"k\":\"a").getBytes(StandardCharsets.UTF_8),
                bad, "b\"}}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
                .header("X-Amz-Target", "SageMaker.CreateTrainingJob").header("Content-Type", AMZ_JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("SerializationException");
        assertThat(response.body()).contains("Malformed JSON in the request body: the body is not UTF-8 (byte 0x"
                + hex.substring(0, 2) + " at offset");
        call("ListTrainingJobs").body("{}").post("/").then().statusCode(200)
                .body("TrainingJobSummaries", org.hamcrest.Matchers.empty());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void unknownMembersAreIgnored() {
        call("ListClusters").body("{\"SomethingNewer\":true,\"MaxResults\":5}").post("/")
                .then().statusCode(200);
    }

    @Test
    void validationErrorsUseSageMakersExactText() {
        call("CreateCluster").body("{\"ClusterName\":\"bad_name!\"}").post("/")
                .then().statusCode(400)
                .header("x-amzn-ErrorType", "ValidationException")
                .body("__type", equalTo("ValidationException"))
                .body("message", equalTo("1 validation error detected: Value 'bad_name!' at 'clusterName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9])*"));
    }

    @Test
    void describeOfAMissingClusterIsResourceNotFound() {
        call("DescribeCluster").body("{\"ClusterName\":\"missing\"}").post("/")
                .then().statusCode(400)
                .header("x-amzn-ErrorType", "ResourceNotFound")
                .body("__type", equalTo("ResourceNotFound"))
                .body("message", equalTo("Cluster 'missing' does not exist."));
        call("DescribeTrainingPlan").body("{\"TrainingPlanName\":\"missing\"}").post("/")
                .then().statusCode(400)
                .body("__type", equalTo("ResourceNotFound"))
                .body("message", equalTo("Training plan 'missing' does not exist."));
    }

    @Test
    void aForgedNextTokenIsAValidationException() {
        call("ListTrainingPlans").body("{\"NextToken\":\"eyJrIjoxfQ.c2lnbmF0dXJl\"}").post("/")
                .then().statusCode(400)
                .body("__type", equalTo("ValidationException"))
                .body("message", equalTo("Invalid pagination token given. Use the NextToken from the previous response."));
    }

    @Test
    void unknownMissingOrForeignTargetsAreUnknownOperation() {
        call("MakeCoffee").body("{}").post("/")
                .then().statusCode(400)
                .header("x-amzn-ErrorType", "UnknownOperationException")
                .body("__type", equalTo("UnknownOperationException"))
                .body("message", equalTo("Operation MakeCoffee is not a SageMaker operation."));
        api().contentType(AMZ_JSON).body("{}").post("/")
                .then().statusCode(400)
                .body("__type", equalTo("UnknownOperationException"))
                .body("message", equalTo("Missing X-Amz-Target header: send X-Amz-Target: SageMaker.<Operation>."));
        api().header("X-Amz-Target", "DynamoDB_20120810.ListTables").contentType(AMZ_JSON).body("{}").post("/")
                .then().statusCode(400)
                .body("__type", equalTo("UnknownOperationException"))
                .body("message", equalTo("Operation DynamoDB_20120810.ListTables is not a SageMaker operation:"
                        + " X-Amz-Target must be SageMaker.<Operation>."));
    }

    @Test
    void aRealOperationThatIsNotEmulatedIs501NamingIt() {
        call("UpdateTrainingJob").body("{}").post("/")
                .then().statusCode(501)
                .header("x-amzn-ErrorType", "NotImplemented")
                .header("x-amzn-RequestId", matchesPattern(UUID_PATTERN))
                .body("__type", equalTo("NotImplemented"))
                .body("message", equalTo("UpdateTrainingJob is not emulated: this emulator serves SageMaker training"
                        + " plans, training jobs and HyperPod clusters only."));
    }

    @Test
    void aBodyOverFiveMebibytesIs413() {
        String big = "{\"NextToken\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        call("ListClusters").body(big.getBytes(StandardCharsets.UTF_8)).post("/")
                .then().statusCode(413)
                .header("x-amzn-ErrorType", "SerializationException")
                .body("__type", equalTo("SerializationException"))
                .body("message", equalTo("Request body is larger than the limit of 5242880 bytes (5 MiB)."));
    }

    @Test
    void otherPathsAndMethodsAre404WithTheEnvelope() {
        api().get("/").then().statusCode(404)
                .header("x-amzn-ErrorType", "UnknownOperationException")
                .header("x-amzn-RequestId", matchesPattern(UUID_PATTERN))
                .body("__type", equalTo("UnknownOperationException"))
                .body("message", equalTo("No route for GET /: SageMaker operations are POST / with an X-Amz-Target header."));
        call("ListClusters").body("{}").post("/v1/clusters").then().statusCode(404)
                .body("__type", equalTo("UnknownOperationException"));
        api().delete("/").then().statusCode(404).body("__type", equalTo("UnknownOperationException"));
    }
}
