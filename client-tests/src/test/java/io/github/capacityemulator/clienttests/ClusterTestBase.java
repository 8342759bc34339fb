package io.github.capacityemulator.clienttests;

import software.amazon.awssdk.services.sagemaker.model.ClusterInstanceGroupSpecification;
import software.amazon.awssdk.services.sagemaker.model.ClusterLifeCycleConfig;
import software.amazon.awssdk.services.sagemaker.model.ClusterNodeSummary;
import software.amazon.awssdk.services.sagemaker.model.DescribeClusterResponse;
import software.amazon.awssdk.services.sagemaker.model.ListClusterNodesResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Helpers for the HyperPod tests. Default delays: Creating 5 min, Updating 2, SystemUpdating 3, Deleting 2. */
abstract class ClusterTestBase extends PlanTestBase {

    static final String ROLE = "arn:aws:iam::123456789012:role/hyperpod-exec";
    static final Duration CREATE = Duration.ofMinutes(5);
    static final Duration UPDATE = Duration.ofMinutes(2);
    static final Duration DELETE = Duration.ofMinutes(2);
    static final Duration REPLACE = Duration.ofMinutes(3);

    static ClusterInstanceGroupSpecification group(String name, String type, int count) {
        return ClusterInstanceGroupSpecification.builder().instanceGroupName(name).instanceType(type).instanceCount(count)
                .executionRole(ROLE).lifeCycleConfig(ClusterLifeCycleConfig.builder().sourceS3Uri("s3://bucket/lifecycle")
                        .onCreate("on_create.sh").build()).build();
    }

    String createCluster(String name, ClusterInstanceGroupSpecification... groups) {
        return sageMaker.createCluster(r -> r.clusterName(name).instanceGroups(groups)).clusterArn();
    }

    DescribeClusterResponse describeCluster(String name) {
        return sageMaker.describeCluster(r -> r.clusterName(name));
    }

    String status(String name) {
        return describeCluster(name).clusterStatusAsString();
    }

    /** Every node of a cluster, paging with MaxResults {@code pageSize}. */
    List<ClusterNodeSummary> allNodes(String cluster, int pageSize) {
        List<ClusterNodeSummary> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListClusterNodesResponse page = sageMaker.listClusterNodes(r -> r.clusterName(cluster).maxResults(pageSize)
                    .nextToken(next).includeNodeLogicalIds(true));
            all.addAll(page.clusterNodeSummaries());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    List<String> nodeStatuses(String cluster) {
        return allNodes(cluster, 100).stream().map(n -> n.instanceStatus().statusAsString()).sorted().toList();
    }
}
