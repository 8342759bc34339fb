package io.github.capacityemulator.core.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.RequestContext;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.paging.ResourceLister;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.StoredResource;


/** The training plan operations served so far: describe and list over the store. */
public final class TrainingPlanOperations {

    private static final int DEFAULT_MAX_RESULTS = 10;

    private final ResourceTable plans;
    private final ResourceLister lister;

    public TrainingPlanOperations(ResourceTable plans, ResourceLister lister) {
        this.plans = plans;
        this.lister = lister;
    }

    public JsonNode describe(RequestContext ctx, JsonNode input) {
        String name = input.get("TrainingPlanName").asText();
        StoredResource plan = plans.findByName(ctx.account(), ctx.region(), name)
                .orElseThrow(() -> new ResourceNotFound("Training plan '" + name + "' does not exist."));
        return plan.bodyJson();
    }

    public JsonNode list(RequestContext ctx, JsonNode input) {
        return lister.list(ctx, "ListTrainingPlans", plans, input, "TrainingPlanSummaries", DEFAULT_MAX_RESULTS);
    }
}
