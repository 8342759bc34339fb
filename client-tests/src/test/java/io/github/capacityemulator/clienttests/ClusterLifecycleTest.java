package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ClusterInstanceGroupDetails;
import software.amazon.awssdk.services.sagemaker.model.ClusterOrchestrator;
import software.amazon.awssdk.services.sagemaker.model.ClusterOrchestratorEksConfig;
import software.amazon.awssdk.services.sagemaker.model.ClusterSummary;
import software.amazon.awssdk.services.sagemaker.model.ConflictException;
import software.amazon.awssdk.services.sagemaker.model.DescribeClusterResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ClusterLifecycleTest extends ClusterTestBase {

    @Test
    void anOnDemandClusterIsCreatingThenInServiceWithRunningNodes() {
        String arn = createCluster("od", group("workers", "ml.t3.medium", 3));
        assertThat(arn).matches("arn:aws:sagemaker:us-east-1:000000000000:cluster/[a-z0-9]{12}");
        DescribeClusterResponse creating = describeCluster("od");
        assertThat(creating.clusterArn()).isEqualTo(arn);
        assertThat(creating.clusterStatusAsString()).isEqualTo("Creating");
        assertThat(creating.creationTime()).isEqualTo(t0);
        assertThat(creating.orchestrator()).as("no Orchestrator was given, none is described").isNull();
        assertThat(creating.nodeRecoveryAsString()).isEqualTo("Automatic");
        assertThat(nodeStatuses("od")).containsOnly("Pending");

        admin.advance(CREATE);
        DescribeClusterResponse ready = describeCluster("od");
        assertThat(ready.clusterStatusAsString()).isEqualTo("InService");
        ClusterInstanceGroupDetails g = ready.instanceGroups().get(0);
        assertThat(g.instanceGroupName()).isEqualTo("workers");
        assertThat(g.currentCount()).isEqualTo(3);
        assertThat(g.targetCount()).isEqualTo(3);
        assertThat(g.statusAsString()).isEqualTo("InService");
        assertThat(g.executionRole()).isEqualTo(ROLE);
        assertThat(g.lifeCycleConfig().onCreate()).isEqualTo("on_create.sh");
        assertThat(nodeStatuses("od")).containsExactly("Running", "Running", "Running");

        // Describe by ARN works as by name.
        assertThat(sageMaker.describeCluster(r -> r.clusterName(arn)).clusterName()).isEqualTo("od");
    }

    @Test
    void withoutCapacityTheClusterRollsBackToFailed() {
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"ml.g5.48xlarge\":[" + window(t0, null, 2) + "]},"
                + "\"us-east-1b\":{\"ml.g5.48xlarge\":[" + window(t0, null, 2) + "]}}}}");
        createCluster("hungry", group("gpu", "ml.g5.48xlarge", 3));
        assertThat(status("hungry")).isEqualTo("Creating");
        admin.advance(CREATE);
        DescribeClusterResponse rolling = describeCluster("hungry");
        assertThat(rolling.clusterStatusAsString()).isEqualTo("RollingBack");
        assertThat(rolling.failureMessage()).isEqualTo("We currently do not have sufficient capacity for the requested "
                + "instance type(s). Please try again.");
        admin.advance(DELETE);
        assertThat(status("hungry")).isEqualTo("Failed");
        assertThat(allNodes("hungry", 10)).isEmpty();
        // Two fit in one zone: the same ask for 2 succeeds.
        createCluster("modest", group("gpu", "ml.g5.48xlarge", 2));
        admin.advance(CREATE);
        assertThat(status("modest")).isEqualTo("InService");
    }

    @Test
    void aTakenNameIsResourceInUse() {
        createCluster("dup", group("g", "ml.t3.medium", 1));
        ResourceInUseException e = catchThrowableOfType(ResourceInUseException.class,
                () -> createCluster("dup", group("g", "ml.t3.medium", 1)));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster dup already exists.");
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).hasSize(1);
    }

    @Test
    void rulesBeyondTheContractAreValidationExceptionsAndCreateNothing() {
        assertThat(createError(r -> r.clusterName("x").instanceGroups(group("a", "ml.t3.medium", 1), group("a", "ml.t3.medium", 1))))
                .isEqualTo("Instance group names must be unique in a cluster; a appears more than once.");
        assertThat(createError(r -> r.clusterName("x").instanceGroups(group("a", "ml.t3.medium", 1).toBuilder()
                .instanceType((String) null).build())))
                .isEqualTo("Instance group a must specify exactly one of InstanceType or InstanceRequirements.");
        assertThat(createError(r -> r.clusterName("x").instanceGroups(group("a", "ml.t3.medium", 1))
                .orchestrator(ClusterOrchestrator.builder().build())))
                .isEqualTo("Orchestrator must specify exactly one of Eks or Slurm.");
        assertThat(createError(r -> r.clusterName("x")))
                .isEqualTo("InstanceGroups is required: a cluster needs at least one instance group.");
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).isEmpty();
    }

    private String createError(java.util.function.Consumer<software.amazon.awssdk.services.sagemaker.model.CreateClusterRequest.Builder> request) {
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sageMaker.createCluster(request));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        return e.awsErrorDetails().errorMessage();
    }

    @Test
    void anEksOrchestratorIsEchoed() {
        String eks = "arn:aws:eks:us-east-1:123456789012:cluster/my-eks";
        sageMaker.createCluster(r -> r.clusterName("eks").instanceGroups(group("g", "ml.t3.medium", 1))
                .orchestrator(ClusterOrchestrator.builder().eks(ClusterOrchestratorEksConfig.builder().clusterArn(eks).build()).build()));
        assertThat(describeCluster("eks").orchestrator().eks().clusterArn()).isEqualTo(eks);
    }

    @Test
    void updateGoesThroughUpdatingAndResizesGroups() {
        createCluster("grow", group("workers", "ml.t3.medium", 2));
        ConflictException early = catchThrowableOfType(ConflictException.class, () -> sageMaker.updateCluster(r -> r
                .clusterName("grow").instanceGroups(group("workers", "ml.t3.medium", 4))));
        assertThat(early.awsErrorDetails().errorMessage()).isEqualTo("Cannot update cluster grow while it is Creating.");
        admin.advance(CREATE);

        sageMaker.updateCluster(r -> r.clusterName("grow").instanceGroups(group("workers", "ml.t3.medium", 4),
                group("extra", "ml.m5.large", 1)));
        assertThat(status("grow")).isEqualTo("Updating");
        assertThat(catchThrowableOfType(ConflictException.class, () -> sageMaker.deleteCluster(r -> r.clusterName("grow"))))
                .isNotNull();
        admin.advance(UPDATE);
        DescribeClusterResponse grown = describeCluster("grow");
        assertThat(grown.clusterStatusAsString()).isEqualTo("InService");
        assertThat(grown.instanceGroups()).extracting(ClusterInstanceGroupDetails::instanceGroupName, ClusterInstanceGroupDetails::currentCount)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("workers", 4), org.assertj.core.groups.Tuple.tuple("extra", 1));

        sageMaker.updateCluster(r -> r.clusterName("grow").instanceGroups(group("workers", "ml.t3.medium", 1))
                .instanceGroupsToDelete("extra"));
        admin.advance(UPDATE);
        DescribeClusterResponse shrunk = describeCluster("grow");
        assertThat(shrunk.instanceGroups()).extracting(ClusterInstanceGroupDetails::instanceGroupName).containsExactly("workers");
        assertThat(shrunk.instanceGroups().get(0).currentCount()).isEqualTo(1);
        assertThat(allNodes("grow", 10)).hasSize(1);
    }

    @Test
    void softwareUpdateGoesThroughSystemUpdating() {
        createCluster("patch", group("g", "ml.t3.medium", 1));
        admin.advance(CREATE);
        sageMaker.updateClusterSoftware(r -> r.clusterName("patch"));
        assertThat(status("patch")).isEqualTo("SystemUpdating");
        assertThat(nodeStatuses("patch")).containsExactly("SystemUpdating");
        assertThat(catchThrowableOfType(ConflictException.class, () -> sageMaker.updateClusterSoftware(r -> r.clusterName("patch")))
                .awsErrorDetails().errorMessage()).isEqualTo("Cannot update the software of cluster patch while it is SystemUpdating.");
        admin.advance(java.time.Duration.ofMinutes(3));
        assertThat(status("patch")).isEqualTo("InService");
        assertThat(allNodes("patch", 10).get(0).lastSoftwareUpdateTime()).isEqualTo(at("PT8M"));
    }

    @Test
    void deleteGoesThroughDeletingAndThenTheClusterIsGoneAndItsCapacityBack() {
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"ml.g5.48xlarge\":[" + window(t0, null, 4) + "]}}}}");
        createCluster("first", group("gpu", "ml.g5.48xlarge", 4));
        admin.advance(CREATE);
        sageMaker.deleteCluster(r -> r.clusterName("first"));
        assertThat(status("first")).isEqualTo("Deleting");
        assertThat(nodeStatuses("first")).containsOnly("ShuttingDown");
        admin.advance(DELETE);
        ResourceNotFoundException gone = catchThrowableOfType(ResourceNotFoundException.class, () -> describeCluster("first"));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("Cluster 'first' does not exist.");
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).isEmpty();
        // The 4 instances are free again, and the name can be used again.
        createCluster("first", group("gpu", "ml.g5.48xlarge", 4));
        admin.advance(CREATE);
        assertThat(status("first")).isEqualTo("InService");
    }

    @Test
    void listClustersFiltersSortsAndPages() {
        createCluster("alpha", group("g", "ml.t3.medium", 1));
        admin.advance(java.time.Duration.ofMinutes(1));
        createCluster("beta", group("g", "ml.t3.medium", 1));
        admin.advance(java.time.Duration.ofMinutes(1));
        createCluster("gamma", group("g", "ml.t3.medium", 1));
        // The model's default SortOrder is Ascending.
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).extracting(ClusterSummary::clusterName)
                .containsExactly("alpha", "beta", "gamma");
        assertThat(sageMaker.listClusters(r -> r.sortOrder("Descending")).clusterSummaries())
                .extracting(ClusterSummary::clusterName).containsExactly("gamma", "beta", "alpha");
        assertThat(sageMaker.listClusters(r -> r.sortBy("NAME").sortOrder("Ascending")).clusterSummaries())
                .extracting(ClusterSummary::clusterName).containsExactly("alpha", "beta", "gamma");
        assertThat(sageMaker.listClusters(r -> r.nameContains("a")).clusterSummaries()).hasSize(3);
        assertThat(sageMaker.listClusters(r -> r.nameContains("mm")).clusterSummaries()).extracting(ClusterSummary::clusterName)
                .containsExactly("gamma");
        assertThat(sageMaker.listClusters(r -> r.creationTimeAfter(at("PT30S"))).clusterSummaries()).hasSize(2);
        assertThat(sageMaker.listClusters(r -> r.creationTimeBefore(at("PT30S"))).clusterSummaries()).hasSize(1);
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries().get(0).trainingPlanArns()).isEmpty();
        var first = sageMaker.listClusters(r -> r.maxResults(2));
        var second = sageMaker.listClusters(r -> r.maxResults(2).nextToken(first.nextToken()));
        assertThat(first.clusterSummaries()).hasSize(2);
        assertThat(second.clusterSummaries()).extracting(ClusterSummary::clusterName).containsExactly("gamma");
        assertThat(second.nextToken()).isNull();
    }
}
