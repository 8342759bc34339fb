package io.github.capacityemulator.core.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.capacity.CapacityPools;
import io.github.capacityemulator.core.capacity.HoldOwner;
import io.github.capacityemulator.core.capacity.InventorySource;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.error.ResourceInUse;
import io.github.capacityemulator.core.error.ResourceLimitExceeded;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.lifecycle.StableIds;
import io.github.capacityemulator.core.requests.CreateTrainingPlanRequest;
import io.github.capacityemulator.core.requests.ExtendTrainingPlanRequest;
import io.github.capacityemulator.core.store.AcceptanceSequence;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.Store;
import io.github.capacityemulator.core.tags.TagStore;

import java.sql.SQLException;
import java.time.Instant;

/**
 * CreateTrainingPlan and ExtendTrainingPlan: buy a quote if it is still buyable, re-check its capacity inside the
 * (serialised) write, hold it, and record the payment's outcome. A refused purchase changes nothing.
 */
final class PlanPurchase {

    private final Store store;
    private final EmulatorClock clock;
    private final InventorySource inventory;
    private final PaymentOutcomes payments;
    private final PlanSettings settings;
    private final PlanRepository records;
    private final PlanStates states;
    private final PlanCapacity capacity;
    private final TagStore tags;

    PlanPurchase(Store store, EmulatorClock clock, InventorySource inventory, PaymentOutcomes payments,
                 PlanSettings settings, PlanRepository records, PlanStates states, PlanCapacity capacity, TagStore tags) {
        this.store = store;
        this.clock = clock;
        this.inventory = inventory;
        this.payments = payments;
        this.settings = settings;
        this.records = records;
        this.states = states;
        this.capacity = capacity;
        this.tags = tags;
    }

    JsonNode create(RequestContext ctx, CreateTrainingPlanRequest in) {
        String name = in.trainingPlanName();
        Instant now = clock.now();
        InventorySource.Current inv = inventory.current();
        return payments.transactional(() -> store.write(sql -> {
            OfferingFacts offering = buyable(sql, ctx, in.trainingPlanOfferingId(), false, now);
            if (records.planByName(sql, ctx.account(), ctx.region(), name).isPresent()) {
                throw new ResourceInUse("Training plan " + name + " already exists.");
            }
            long live = 0;
            for (PlanFacts p : records.plans(sql, ctx.account(), ctx.region())) {
                if (new PlanState(p, records.blocks(sql, ctx.account(), ctx.region(), p.name()),
                        records.extensions(sql, ctx.account(), ctx.region(), p.name()), now.toEpochMilli()).isLive()) {
                    live++;
                }
            }
            if (live + 1 > settings.maxPlansPerRegion()) {
                throw new ResourceLimitExceeded(quotaMessage(settings.maxPlansPerRegion(), live));
            }
            Integer sparePerUltraServer = spareOf(offering, in.spareInstanceCountPerUltraServer());
            capacity.requireCapacity(sql, ctx.region(), inv.inventory(), offering, now);
            String arn = ctx.arn("training-plan/" + name);
            tags.addTags(sql, ctx.account(), ctx.region(), arn, TagStore.tagsOf(in.tags()));

            boolean paid = payments.nextSucceeds();
            long paymentDue = now.plus(settings.paymentDelay()).toEpochMilli();
            PlanFacts plan = new PlanFacts(name, arn, offering.id(), offering.targetResources(), offering.pool(),
                    offering.instanceType(), offering.instancesPerBlock(), offering.ultraServerType(),
                    offering.ultraServerCount(), sparePerUltraServer, offering.upfrontFee(), now.toEpochMilli(),
                    paymentDue, !paid);
            records.insertPlan(sql, ctx.account(), ctx.region(), plan);
            for (int i = 0; i < offering.blocks().size(); i++) {
                OfferingFacts.Block b = offering.blocks().get(i);
                String rcArn = ctx.arn("reserved-capacity/rc-" + StableIds.hex(arn, now.toEpochMilli(), i).substring(0, 16));
                records.insertBlock(sql, ctx.account(), ctx.region(), new BlockFacts(rcArn, name, i, b.zone(), b.start(),
                        b.end()));
                capacity.hold(sql, HoldOwner.of(PlanCapacity.BLOCK_HOLD, rcArn), ctx.region(), offering, b,
                        paid ? null : paymentDue);
            }
            records.markBought(sql, offering.id(), now.toEpochMilli());
            capacity.holds().bumpVersion(sql, ctx.region());
            return PlanJson.object().put("TrainingPlanArn", arn);
        }));
    }

    JsonNode extend(RequestContext ctx, ExtendTrainingPlanRequest in) {
        String offeringId = in.trainingPlanExtensionOfferingId();
        InventorySource.Current inv = inventory.current();
        return payments.transactional(() -> store.write(sql -> {
            Instant now = clock.now(); // under the write lock: facts are stored in time order
            OfferingFacts offering = buyable(sql, ctx, offeringId, true, now);
            PlanState plan = states.of(sql, ctx, records.planByName(sql, ctx.account(), ctx.region(), offering.planName())
                    .orElseThrow(() -> new ResourceNotFound("Training plan extension offering " + offeringId
                            + " is no longer available: its training plan no longer exists.")), now.toEpochMilli());
            requireExtendable(plan);
            OfferingFacts.Block b = offering.blocks().get(0);
            if (plan.lastBlock().end() != b.start()) {
                throw new ResourceNotFound("Training plan extension offering " + offeringId
                        + " is no longer available: the training plan's end has changed since the search.");
            }
            capacity.requireCapacity(sql, ctx.region(), inv.inventory(), offering, now);
            boolean paid = payments.nextSucceeds();
            long paymentDue = now.plus(settings.paymentDelay()).toEpochMilli();
            ExtensionFacts extension = new ExtensionFacts(offering.id(), offering.planName(), offering.blockArn(), b.zone(),
                    now.toEpochMilli(), b.start(), b.end(), offering.durationHours(), offering.upfrontFee(), paymentDue, !paid,
                    AcceptanceSequence.next(sql));
            records.insertExtension(sql, ctx.account(), ctx.region(), extension);
            capacity.hold(sql, HoldOwner.of(PlanCapacity.EXTENSION_HOLD, offering.id()), ctx.region(), offering, b,
                    paid ? null : paymentDue);
            records.markBought(sql, offering.id(), now.toEpochMilli());
            capacity.holds().bumpVersion(sql, ctx.region());
            ObjectNode out = PlanJson.object();
            ArrayNode list = out.putArray("TrainingPlanExtensions");
            for (ExtensionFacts e : records.extensions(sql, ctx.account(), ctx.region(), offering.planName())) {
                list.add(PlanJson.extension(e, now.toEpochMilli()));
            }
            return out;
        }));
    }

    static void requireExtendable(PlanState plan) {
        if (!plan.isExtendable()) {
            throw new ValidationException("Training plan " + plan.plan().name() + " is " + plan.status()
                    + ": only Scheduled or Active training plans can be extended.");
        }
        if (plan.hasPendingExtension()) {
            throw new ValidationException("Training plan " + plan.plan().name() + " has an extension whose payment is"
                    + " still being processed; extend it again once that payment has completed.");
        }
    }

    private static Integer spareOf(OfferingFacts offering, Integer requested) {
        if (offering.ultraServerType() == null) {
            if (requested != null) {
                throw new ValidationException("SpareInstanceCountPerUltraServer applies only to UltraServer offerings; "
                        + "offering " + offering.id() + " reserves instances of " + offering.instanceType() + ".");
            }
            return null;
        }
        int size = CapacityPools.ultraServer(offering.ultraServerType()).orElseThrow().instancesPerUltraServer();
        int spare = requested == null ? 1 : requested;
        if (spare >= size) {
            throw new ValidationException("SpareInstanceCountPerUltraServer must be less than " + size
                    + ", the instances of one " + offering.ultraServerType() + "; got " + spare + ".");
        }
        return spare;
    }

    /** The quota as the public service quota page names it. */
    static String quotaMessage(int limit, long used) {
        return "The account-level service limit 'Number of training plans per Region' is " + limit
                + " Training Plans, with current utilization of " + used + " Training Plans and a request delta of 1 "
                + "Training Plans. Please contact AWS support to request an increase for this limit.";
    }

    /** The offering, if this account may still buy it: it exists, has not expired and was not bought. */
    private OfferingFacts buyable(Sql sql, RequestContext ctx, String id, boolean extension, Instant now)
            throws SQLException {
        String what = extension ? "Training plan extension offering " : "Training plan offering ";
        PlanRepository.StoredOffering stored = records.offering(sql, ctx.account(), ctx.region(), id)
                .filter(o -> o.facts().extension() == extension)
                .orElseThrow(() -> new ResourceNotFound(what + id + " does not exist."));
        if (stored.boughtAt() != null) {
            throw new ResourceNotFound(what + id + " is no longer available: it has already been purchased.");
        }
        if (now.toEpochMilli() >= stored.expiresAt()) {
            throw new ResourceNotFound(what + id + " is no longer available: it expired at "
                    + Instant.ofEpochMilli(stored.expiresAt()) + ". Search again for current offerings.");
        }
        return stored.facts();
    }
}
