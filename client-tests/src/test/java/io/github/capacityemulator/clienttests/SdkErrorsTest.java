package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ClusterInstanceGroupSpecification;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The AWS SDK for Java v2 gets typed exceptions with SageMaker's codes and texts. */
class SdkErrorsTest {

    private static EmulatorEndpoint emulator;
    private static SageMakerClient sageMaker;

    @BeforeAll
    static void start() {
        emulator = EmulatorEndpoint.start();
        sageMaker = emulator.client("AKIAIOSFODNN7EXAMPLE", Region.US_EAST_1);
    }

    @BeforeEach
    void reset() {
        // Against a shared container, earlier classes have left state behind.
        new AdminClient(emulator.uri()).reset();
    }

    @AfterAll
    static void stop() {
        sageMaker.close();
        emulator.close();
    }

    @Test
    void responseChecksAreOnInThisSuite() {
        // Asked of the server, which may be a container: its responses are the ones checked.
        assertThat(new AdminClient(emulator.uri()).send("GET", "health", null).get("checkResponses").asBoolean()).isTrue();
    }

    @Test
    void describeOfAMissingClusterIsResourceNotFoundException() {
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.describeCluster(r -> r.clusterName("no-such-cluster")));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster 'no-such-cluster' does not exist.");
        assertThat(e.requestId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void describeOfAMissingTrainingPlanIsResourceNotFoundException() {
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.describeTrainingPlan(r -> r.trainingPlanName("no-such-plan")));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Training plan 'no-such-plan' does not exist.");
    }

    @Test
    void createClusterWithABadNameIsAValidationException() {
        SageMakerException e = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.createCluster(r -> r.clusterName("bad_name!").instanceGroups(
                        ClusterInstanceGroupSpecification.builder().instanceGroupName("workers").instanceCount(1)
                                .instanceType("ml.p5.48xlarge")
                                .executionRole("arn:aws:iam::123456789012:role/hyperpod").build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'bad_name!' at "
                + "'clusterName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "^[a-zA-Z0-9](-*[a-zA-Z0-9])*");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void describeClusterWithABadNameQuotesTheNameOrArnPattern() {
        SageMakerException e = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.describeCluster(r -> r.clusterName("bad_name!")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'bad_name!' at "
                + "'clusterName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "^(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:cluster/[a-z0-9]{12})"
                + "|([a-zA-Z0-9](-*[a-zA-Z0-9]){0,62})");
    }

    @Test
    void aRealOperationThatIsNotEmulatedSaysSo() {
        SageMakerException e = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.listTrainingJobsForHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("t")));
        assertThat(e.statusCode()).isEqualTo(501);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
        assertThat(e.awsErrorDetails().errorMessage())
                .startsWith("ListTrainingJobsForHyperParameterTuningJob is not emulated");
    }

    @Test
    void listsOfAnEmptyAccountAreEmpty() {
        assertThat(sageMaker.listClusters(r -> r.maxResults(10)).clusterSummaries()).isEmpty();
        assertThat(sageMaker.listTrainingPlans(r -> r.maxResults(10)).trainingPlanSummaries()).isEmpty();
    }

    @Test
    void signedRequestsFromAnyAccountAndRegionAreServed() {
        try (SageMakerClient other = emulator.client("123456789012", Region.EU_WEST_1)) {
            assertThat(other.listClusters(r -> { }).clusterSummaries()).isEmpty();
            ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> other.describeCluster(r -> r.clusterName("elsewhere")));
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster 'elsewhere' does not exist.");
        }
    }
}
