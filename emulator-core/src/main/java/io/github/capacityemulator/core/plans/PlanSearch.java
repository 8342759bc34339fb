package io.github.capacityemulator.core.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.capacity.CapacityBlock;
import io.github.capacityemulator.core.capacity.InventorySource;
import io.github.capacityemulator.core.capacity.OfferingSearch;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.lifecycle.StableIds;
import io.github.capacityemulator.core.requests.SearchTrainingPlanOfferingsRequest;
import io.github.capacityemulator.core.store.Store;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SearchTrainingPlanOfferings: quotes for new plans placed on hourly free capacity, or, given a plan's ARN,
 * extension quotes that prolong its last block. Quotes are stored, so that a purchase can find them.
 */
final class PlanSearch {

    static final List<Integer> DEFAULT_EXTENSION_DAYS = List.of(1, 7, 14);

    private final Store store;
    private final EmulatorClock clock;
    private final InventorySource inventory;
    private final PlanSettings settings;
    private final PlanRepository records;
    private final PlanStates states;
    private final PlanCapacity capacity;

    PlanSearch(Store store, EmulatorClock clock, InventorySource inventory, PlanSettings settings, PlanRepository records,
               PlanStates states, PlanCapacity capacity) {
        this.store = store;
        this.clock = clock;
        this.inventory = inventory;
        this.settings = settings;
        this.records = records;
        this.states = states;
        this.capacity = capacity;
    }

    JsonNode search(RequestContext ctx, SearchTrainingPlanOfferingsRequest in) {
        if (in.trainingPlanArn() != null) {
            return searchExtensions(ctx, in);
        }
        Instant now = clock.now();
        SearchTerms terms = SearchTerms.of(in, now);
        InventorySource.Current inv = inventory.current();
        List<String> zones = List.copyOf(inv.inventory().region(ctx.region()).keySet());
        return store.write(sql -> {
            OfferingSearch search = new OfferingSearch(zones, (zone, origin) -> capacity.inputsOf(sql, ctx.region(),
                    inv.inventory(), zone, terms.pool(), origin, now));
            List<List<CapacityBlock>> placements = search.search(new OfferingSearch.Request(terms.pool(), terms.units(),
                    terms.days(), terms.singleZone(), terms.earliestStart(), now.plus(SearchTerms.MAX_AHEAD),
                    terms.endBefore()));
            long version = capacity.holds().version(sql, ctx.region());
            ObjectNode out = PlanJson.object();
            ArrayNode offerings = out.putArray("TrainingPlanOfferings");
            List<OfferingFacts> facts = new ArrayList<>();
            for (int i = 0; i < placements.size(); i++) {
                List<CapacityBlock> blocks = placements.get(i);
                String id = "tpo-" + StableIds.hex(ctx.account(), ctx.region(), canonical(in), now.toEpochMilli(),
                        inv.fingerprint(), version, i, blocks);
                facts.add(terms.offering(id, blocks));
            }
            facts.sort(Comparator.comparing((OfferingFacts o) -> o.blocks().get(0).start())
                    .thenComparing(OfferingFacts::upfrontFee));
            for (OfferingFacts o : facts) {
                records.saveOffering(sql, ctx.account(), ctx.region(), now.plus(settings.offeringValidity()).toEpochMilli(), o);
                offerings.add(PlanJson.offering(o));
            }
            return out;
        });
    }

    /**
     * The request as quote ids are keyed on: its members in a fixed form, so that ids do not change when the
     * contract (and with it the request record) grows.
     */
    static String canonical(SearchTrainingPlanOfferingsRequest in) {
        return String.join("|", String.valueOf(in.instanceType()), String.valueOf(in.instanceCount()),
                String.valueOf(in.ultraServerType()), String.valueOf(in.ultraServerCount()),
                String.valueOf(in.startTimeAfter()), String.valueOf(in.endTimeBefore()),
                String.valueOf(in.durationHours()), String.valueOf(in.targetResources()));
    }

    private JsonNode searchExtensions(RequestContext ctx, SearchTrainingPlanOfferingsRequest in) {
        String planArn = in.trainingPlanArn();
        Instant now = clock.now();
        InventorySource.Current inv = inventory.current();
        return store.write(sql -> {
            PlanState plan = states.of(sql, ctx, records.planByArn(sql, ctx.account(), ctx.region(), planArn)
                    .orElseThrow(() -> new ResourceNotFound("Training plan " + planArn + " does not exist.")),
                    now.toEpochMilli());
            PlanPurchase.requireExtendable(plan);
            List<Integer> durations = in.durationHours() != null
                    ? List.of(SearchTerms.daysOf(in.durationHours())) : DEFAULT_EXTENSION_DAYS;
            PlanState.BlockState last = plan.lastBlock();
            PlanFacts p = plan.plan();
            long longestMinutes = SearchTerms.MAX_DAYS * 24L * 60 + 11 * 60 + 30; // a 182-day block can end 11.5 h late
            long version = capacity.holds().version(sql, ctx.region());
            ObjectNode out = PlanJson.object();
            out.putArray("TrainingPlanOfferings");
            ArrayNode extensions = out.putArray("TrainingPlanExtensionOfferings");
            for (int days : durations) {
                if (plan.totalMinutes() + days * 24L * 60 > longestMinutes) {
                    continue;
                }
                Instant start = Instant.ofEpochMilli(last.end());
                Instant end = start.plus(Duration.ofDays(days));
                OfferingSearch.FreeCapacityInputs free = capacity.inputsOf(sql, ctx.region(), inv.inventory(),
                        last.facts().zone(), p.pool(), start, now);
                if (!OfferingSearch.fits(free, p.unitsPerBlock(), start, end)) {
                    continue;
                }
                String id = "tpeo-" + StableIds.hex(ctx.account(), ctx.region(), planArn, now.toEpochMilli(),
                        inv.fingerprint(), version, days, last.end());
                BigDecimal fee = Fees.fee(p.instanceType(), p.instancesPerBlock(), Duration.between(start, end));
                OfferingFacts offering = new OfferingFacts(id, true, p.targetResources(), p.pool(), p.instanceType(),
                        p.instancesPerBlock(), p.ultraServerType(), p.ultraServerCount(),
                        List.of(new OfferingFacts.Block(last.facts().zone(), start.toEpochMilli(), end.toEpochMilli())),
                        fee, null, null, p.name(), last.facts().arn(), days * 24);
                records.saveOffering(sql, ctx.account(), ctx.region(),
                        now.plus(settings.offeringValidity()).toEpochMilli(), offering);
                extensions.add(PlanJson.extensionOffering(offering));
            }
            return out;
        });
    }
}
