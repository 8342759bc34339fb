package io.github.capacityemulator.core.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.lifecycle.StableIds;
import io.github.capacityemulator.core.paging.PageSizes;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.requests.DescribeReservedCapacityRequest;
import io.github.capacityemulator.core.requests.DescribeTrainingPlanExtensionHistoryRequest;
import io.github.capacityemulator.core.requests.DescribeTrainingPlanRequest;
import io.github.capacityemulator.core.requests.ListTrainingPlansRequest;
import io.github.capacityemulator.core.requests.ListUltraServersByReservedCapacityRequest;
import io.github.capacityemulator.core.store.Store;

import java.util.ArrayList;
import java.util.List;

/** The read operations of plans: describe, list, extension history, reserved capacities and their UltraServers. */
final class PlanQueries {

    private final Store store;
    private final EmulatorClock clock;
    private final PageTokens tokens;
    private final PlanRepository records;
    private final PlanStates states;

    PlanQueries(Store store, EmulatorClock clock, PageTokens tokens, PlanRepository records, PlanStates states) {
        this.store = store;
        this.clock = clock;
        this.tokens = tokens;
        this.records = records;
        this.states = states;
    }

    JsonNode describe(RequestContext ctx, DescribeTrainingPlanRequest in) {
        long now = clock.now().toEpochMilli();
        return store.read(sql -> PlanJson.describe(states.byName(sql, ctx, in.trainingPlanName(), now)));
    }

    JsonNode list(RequestContext ctx, ListTrainingPlansRequest in) {
        PlanListing listing = PlanListing.of(in);
        long now = clock.now().toEpochMilli();
        List<PlanState> all = store.read(sql -> {
            List<PlanState> out = new ArrayList<>();
            for (PlanFacts p : records.plans(sql, ctx.account(), ctx.region())) {
                out.add(states.of(sql, ctx, p, now));
            }
            return out;
        });
        String operation = "ListTrainingPlans:" + listing;
        List<String> after = in.nextToken() != null ? tokens.open(ctx, operation, in.nextToken()) : null;
        PlanListing.Page page = listing.page(all, after);
        ObjectNode out = PlanJson.object();
        ArrayNode summaries = out.putArray("TrainingPlanSummaries");
        page.items().forEach(s -> summaries.add(PlanJson.summary(s)));
        if (page.lastKey() != null) {
            out.put("NextToken", tokens.issue(ctx, operation, page.lastKey()));
        }
        return out;
    }

    JsonNode extensionHistory(RequestContext ctx, DescribeTrainingPlanExtensionHistoryRequest in) {
        String arn = in.trainingPlanArn();
        int max = PageSizes.of(in.maxResults());
        String operation = "DescribeTrainingPlanExtensionHistory:" + arn;
        List<String> after = in.nextToken() != null ? tokens.open(ctx, operation, in.nextToken()) : null;
        long now = clock.now().toEpochMilli();
        return store.read(sql -> {
            PlanFacts plan = records.planByArn(sql, ctx.account(), ctx.region(), arn)
                    .orElseThrow(() -> new ResourceNotFound("Training plan " + arn + " does not exist."));
            List<ExtensionFacts> all = records.extensions(sql, ctx.account(), ctx.region(), plan.name()).stream()
                    .filter(e -> after == null || keyOf(e).compareTo(after.get(0)) > 0).toList();
            ObjectNode out = PlanJson.object();
            ArrayNode list = out.putArray("TrainingPlanExtensions");
            all.stream().limit(max).forEach(e -> list.add(PlanJson.extension(e, now)));
            if (all.size() > max) {
                out.put("NextToken", tokens.issue(ctx, operation, List.of(keyOf(all.get(max - 1)))));
            }
            return out;
        });
    }

    private static String keyOf(ExtensionFacts e) {
        return String.format("%020d/%s", e.extendedAt(), e.offeringId());
    }

    JsonNode describeReservedCapacity(RequestContext ctx, DescribeReservedCapacityRequest in) {
        String arn = in.reservedCapacityArn();
        long now = clock.now().toEpochMilli();
        return store.read(sql -> {
            PlanState plan = states.ofBlock(sql, ctx, arn, now);
            return PlanJson.describeReservedCapacity(plan, PlanStates.block(plan, arn));
        });
    }

    JsonNode listUltraServers(RequestContext ctx, ListUltraServersByReservedCapacityRequest in) {
        String arn = in.reservedCapacityArn();
        int max = PageSizes.of(in.maxResults());
        String operation = "ListUltraServersByReservedCapacity:" + arn;
        int from = in.nextToken() != null ? Integer.parseInt(tokens.open(ctx, operation, in.nextToken()).get(0)) + 1 : 0;
        long now = clock.now().toEpochMilli();
        return store.read(sql -> {
            PlanState plan = states.ofBlock(sql, ctx, arn, now);
            if (!plan.plan().isUltraServer()) {
                throw new ValidationException("Reserved capacity " + arn + " reserves instances of "
                        + plan.plan().instanceType() + ", not UltraServers.");
            }
            PlanState.BlockState block = PlanStates.block(plan, arn);
            int count = plan.plan().ultraServerCount();
            ObjectNode out = PlanJson.object();
            ArrayNode list = out.putArray("UltraServers");
            int to = Math.min(count, from + max);
            for (int i = from; i < to; i++) {
                list.add(PlanJson.ultraServer(plan, block, i, "us-" + StableIds.hex(arn, i).substring(0, 17)));
            }
            if (to < count) {
                out.put("NextToken", tokens.issue(ctx, operation, List.of(Integer.toString(to - 1))));
            }
            return out;
        });
    }
}
