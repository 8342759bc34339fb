package io.github.capacityemulator.core.plans;

import io.github.capacityemulator.core.family.FamilyContext;
import io.github.capacityemulator.core.family.HandlerTable;
import io.github.capacityemulator.core.family.OperationFamily;
import io.github.capacityemulator.core.family.TaggableKind;
import io.github.capacityemulator.core.requests.CreateTrainingPlanRequest;
import io.github.capacityemulator.core.requests.DescribeReservedCapacityRequest;
import io.github.capacityemulator.core.requests.DescribeTrainingPlanExtensionHistoryRequest;
import io.github.capacityemulator.core.requests.DescribeTrainingPlanRequest;
import io.github.capacityemulator.core.requests.ExtendTrainingPlanRequest;
import io.github.capacityemulator.core.requests.ListTrainingPlansRequest;
import io.github.capacityemulator.core.requests.ListUltraServersByReservedCapacityRequest;
import io.github.capacityemulator.core.requests.SearchTrainingPlanOfferingsRequest;
import io.github.capacityemulator.core.store.Migration;
import io.github.capacityemulator.core.store.SqlDialect;
import io.github.capacityemulator.core.tags.TagStore;

import java.util.List;

/**
 * Training plans: search offerings against the capacity inventory, buy and extend them, and report plans,
 * reserved capacities and UltraServers, with statuses computed from the clock. It provides plans to the
 * consumers of reserved capacity.
 */
public final class TrainingPlanFamily implements OperationFamily {

    private final PlanSettings settings;
    private final PaymentOutcomes payments;
    private final PlanRepository records = new PlanRepository();

    public TrainingPlanFamily(PlanSettings settings, PaymentOutcomes payments) {
        this.settings = settings;
        this.payments = payments;
    }

    @Override
    public String schemaName() {
        return "plans";
    }

    @Override
    public List<Migration> migrations(SqlDialect dialect) {
        return PlanRepository.migrations(dialect);
    }

    @Override
    public List<String> stateTables() {
        return PlanRepository.STATE_TABLES;
    }

    @Override
    public List<TaggableKind> taggableKinds() {
        return List.of((sql, account, region, arn, now) -> PlanRepository.PLANS.existsByArn(sql, account, region, arn),
                (sql, account, region, arn, now) -> records.blockExists(sql, account, region, arn));
    }

    @Override
    public void register(FamilyContext c, HandlerTable handlers) {
        PlanStates states = new PlanStates(records, c.reservedCapacity());
        c.reservedCapacity().providePlans(states);
        PlanCapacity capacity = new PlanCapacity(c.holds());
        PlanSearch search = new PlanSearch(c.store(), c.clock(), c.inventory(), settings, records, states, capacity);
        PlanPurchase purchase = new PlanPurchase(c.store(), c.clock(), c.inventory(), payments, settings, records, states,
                capacity, new TagStore());
        PlanQueries queries = new PlanQueries(c.store(), c.clock(), c.tokens(), records, states);
        handlers.add("SearchTrainingPlanOfferings", (ctx, in) -> search.search(ctx, SearchTrainingPlanOfferingsRequest.from(in)));
        handlers.add("CreateTrainingPlan", (ctx, in) -> purchase.create(ctx, CreateTrainingPlanRequest.from(in)));
        handlers.add("ExtendTrainingPlan", (ctx, in) -> purchase.extend(ctx, ExtendTrainingPlanRequest.from(in)));
        handlers.add("DescribeTrainingPlan", (ctx, in) -> queries.describe(ctx, DescribeTrainingPlanRequest.from(in)));
        handlers.add("ListTrainingPlans", (ctx, in) -> queries.list(ctx, ListTrainingPlansRequest.from(in)));
        handlers.add("DescribeTrainingPlanExtensionHistory",
                (ctx, in) -> queries.extensionHistory(ctx, DescribeTrainingPlanExtensionHistoryRequest.from(in)));
        handlers.add("DescribeReservedCapacity",
                (ctx, in) -> queries.describeReservedCapacity(ctx, DescribeReservedCapacityRequest.from(in)));
        handlers.add("ListUltraServersByReservedCapacity",
                (ctx, in) -> queries.listUltraServers(ctx, ListUltraServersByReservedCapacityRequest.from(in)));
    }
}
