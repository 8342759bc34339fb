package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.RequestContext;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.paging.ResourceLister;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.StoredResource;

import java.util.Optional;

/** The HyperPod cluster operations served so far: describe and list over the store. */
public final class ClusterOperations {

    private static final int DEFAULT_MAX_RESULTS = 10;

    private final ResourceTable clusters;
    private final ResourceLister lister;

    public ClusterOperations(ResourceTable clusters, ResourceLister lister) {
        this.clusters = clusters;
        this.lister = lister;
    }

    public JsonNode describe(RequestContext ctx, JsonNode input) {
        String nameOrArn = input.get("ClusterName").asText();
        // The contract's ClusterNameOrArn pattern has let through either a name or a cluster ARN.
        Optional<StoredResource> cluster = nameOrArn.startsWith("arn:")
                ? clusters.findByArn(ctx.account(), ctx.region(), nameOrArn)
                : clusters.findByName(ctx.account(), ctx.region(), nameOrArn);
        return cluster.orElseThrow(() -> new ResourceNotFound("Cluster '" + nameOrArn + "' does not exist.")).bodyJson();
    }

    public JsonNode list(RequestContext ctx, JsonNode input) {
        return lister.list(ctx, "ListClusters", clusters, input, "ClusterSummaries", DEFAULT_MAX_RESULTS);
    }
}
