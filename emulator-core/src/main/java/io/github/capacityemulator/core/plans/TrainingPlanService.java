package io.github.capacityemulator.core.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.PlanSettings;
import io.github.capacityemulator.core.RequestContext;
import io.github.capacityemulator.core.capacity.CapacityBlock;
import io.github.capacityemulator.core.capacity.CapacityHolds;
import io.github.capacityemulator.core.capacity.CapacityInventory;
import io.github.capacityemulator.core.capacity.CapacityPools;
import io.github.capacityemulator.core.capacity.InventorySource;
import io.github.capacityemulator.core.capacity.OfferingSearch;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.error.ResourceInUse;
import io.github.capacityemulator.core.error.ResourceLimitExceeded;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.Store;
import io.github.capacityemulator.core.store.StoreException;
import io.github.capacityemulator.core.tags.TagService;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The training plan operations: search offerings against the capacity inventory, buy them, and report
 * plans, reserved capacities, extensions and UltraServers, all with statuses computed from the clock.
 */
public final class TrainingPlanService {

    static final Set<Integer> INSTANCE_COUNTS = Set.of(1, 2, 4, 8, 16, 32, 64);
    static final int MAX_DAYS = 182;
    static final Duration MAX_AHEAD = Duration.ofDays(56);
    static final Duration EARLIEST_LEAD = Duration.ofMinutes(30);
    static final List<String> TARGETS = List.of("training-job", "hyperpod-cluster");
    static final List<Integer> DEFAULT_EXTENSION_DAYS = List.of(1, 7, 14);
    private static final int DEFAULT_MAX_RESULTS = 10;

    private final Store store;
    private final EmulatorClock clock;
    private final InventorySource inventory;
    private final PaymentOutcomes payments;
    private final PlanSettings settings;
    private final TrainingPlanRecords records;
    private final TagService tags;
    private final PageTokens tokens;
    private final InstanceUsage usage;

    public TrainingPlanService(Store store, EmulatorClock clock, InventorySource inventory, PaymentOutcomes payments,
                               PlanSettings settings, ResourceTable plans,
                               CapacityHolds holds, TagService tags, PageTokens tokens, InstanceUsage usage) {
        this.usage = usage;
        this.store = store;
        this.clock = clock;
        this.inventory = inventory;
        this.payments = payments;
        this.settings = settings;
        this.records = new TrainingPlanRecords(plans, holds);
        this.tags = tags;
        this.tokens = tokens;
    }

    // ------------------------------------------------------------------ search

    public JsonNode search(RequestContext ctx, JsonNode input) {
        if (input.hasNonNull("TrainingPlanArn")) {
            return searchExtensions(ctx, input.get("TrainingPlanArn").asText(), input);
        }
        Instant now = clock.now();
        SearchTerms terms = SearchTerms.of(input, now);
        InventorySource.Current inv = inventory.current();
        List<String> zones = List.copyOf(inv.inventory().region(ctx.region()).keySet());
        return store.write(c -> {
            OfferingSearch search = new OfferingSearch(zones, (zone, origin) -> inputsOf(c, ctx.region(), inv.inventory(),
                    zone, terms.pool(), origin, now));
            List<List<CapacityBlock>> placements = search.search(new OfferingSearch.Request(terms.pool(), terms.units(),
                    terms.days(), terms.singleZone(), terms.earliestStart(), now.plus(MAX_AHEAD), terms.endBefore()));
            long version = records.capacityVersion(c, ctx.region());
            ObjectNode out = PlanJson.object();
            ArrayNode offerings = out.putArray("TrainingPlanOfferings");
            List<OfferingFacts> facts = new ArrayList<>();
            for (int i = 0; i < placements.size(); i++) {
                List<CapacityBlock> blocks = placements.get(i);
                String id = "tpo-" + digest(ctx.account(), ctx.region(), input.toString(), now.toEpochMilli(),
                        inv.fingerprint(), version, i, blocks.toString());
                facts.add(terms.offering(id, blocks));
            }
            facts.sort(Comparator.comparing((OfferingFacts o) -> o.blocks().get(0).start())
                    .thenComparing(OfferingFacts::upfrontFee));
            for (OfferingFacts o : facts) {
                records.saveOffering(c, ctx.account(), ctx.region(), now.plus(settings.offeringValidity()).toEpochMilli(), o);
                offerings.add(PlanJson.offering(o));
            }
            return out;
        });
    }

    private JsonNode searchExtensions(RequestContext ctx, String planArn, JsonNode input) {
        Instant now = clock.now();
        InventorySource.Current inv = inventory.current();
        return store.write(c -> {
            PlanState plan = stateOf(c, ctx, records.planByArn(c, ctx.account(), ctx.region(), planArn)
                    .orElseThrow(() -> new ResourceNotFound("Training plan " + planArn + " does not exist.")), now);
            requireExtendable(plan);
            List<Integer> durations = input.hasNonNull("DurationHours")
                    ? List.of(SearchTerms.daysOf(input.get("DurationHours").asLong()))
                    : DEFAULT_EXTENSION_DAYS;
            PlanState.BlockState last = plan.lastBlock();
            PlanFacts p = plan.plan();
            long longestMinutes = MAX_DAYS * 24L * 60 + 11 * 60 + 30; // a 182-day block can end 11.5 h late
            long version = records.capacityVersion(c, ctx.region());
            ObjectNode out = PlanJson.object();
            out.putArray("TrainingPlanOfferings");
            ArrayNode extensions = out.putArray("TrainingPlanExtensionOfferings");
            for (int days : durations) {
                if (plan.totalMinutes() + days * 24L * 60 > longestMinutes) {
                    continue;
                }
                Instant start = Instant.ofEpochMilli(last.end());
                Instant end = start.plus(Duration.ofDays(days));
                OfferingSearch.FreeCapacityInputs in = inputsOf(c, ctx.region(), inv.inventory(), last.facts().zone(),
                        p.pool(), start, now);
                if (!OfferingSearch.fits(in, p.unitsPerBlock(), start, end)) {
                    continue;
                }
                String id = "tpeo-" + digest(ctx.account(), ctx.region(), planArn, now.toEpochMilli(), inv.fingerprint(),
                        version, days, last.end());
                BigDecimal fee = fee(p.instanceType(), p.instancesPerBlock(), Duration.between(start, end));
                OfferingFacts offering = new OfferingFacts(id, true, p.targetResources(), p.pool(), p.instanceType(),
                        p.instancesPerBlock(), p.ultraServerType(), p.ultraServerCount(),
                        List.of(new OfferingFacts.Block(last.facts().zone(), start.toEpochMilli(), end.toEpochMilli())),
                        fee, null, null, p.name(), last.facts().arn(), days * 24);
                records.saveOffering(c, ctx.account(), ctx.region(), now.plus(settings.offeringValidity()).toEpochMilli(),
                        offering);
                extensions.add(PlanJson.extensionOffering(offering));
            }
            return out;
        });
    }

    private OfferingSearch.FreeCapacityInputs inputsOf(Connection c, String region, CapacityInventory inv, String zone,
                                                       String pool, Instant origin, Instant now) {
        try {
            return new OfferingSearch.FreeCapacityInputs(inv.windows(region, zone, pool),
                    records.holds(c, region, zone, pool, origin.toEpochMilli(), now.toEpochMilli()));
        } catch (SQLException e) {
            throw new StoreException("cannot read capacity holds", e);
        }
    }

    // ------------------------------------------------------------------ create

    public JsonNode create(RequestContext ctx, JsonNode input) {
        String name = input.get("TrainingPlanName").asText();
        String offeringId = input.get("TrainingPlanOfferingId").asText();
        Integer spare = input.hasNonNull("SpareInstanceCountPerUltraServer")
                ? input.get("SpareInstanceCountPerUltraServer").asInt() : null;
        Instant now = clock.now();
        InventorySource.Current inv = inventory.current();
        return payments.transactional(() -> store.write(c -> {
            OfferingFacts offering = buyable(c, ctx, offeringId, false, now);
            if (records.planByName(c, ctx.account(), ctx.region(), name).isPresent()) {
                throw new ResourceInUse("Training plan " + name + " already exists.");
            }
            long live = 0;
            for (PlanFacts p : records.plans(c, ctx.account(), ctx.region())) {
                if (stateOf(c, ctx, p, now).isLive()) {
                    live++;
                }
            }
            if (live + 1 > settings.maxPlansPerRegion()) {
                throw new ResourceLimitExceeded(quotaMessage(settings.maxPlansPerRegion(), live));
            }
            Integer sparePerUltraServer = spareOf(offering, spare);
            requireCapacity(c, ctx, inv.inventory(), offering, now);
            String arn = "arn:aws:sagemaker:" + ctx.region() + ":" + ctx.account() + ":training-plan/" + name;
            tags.addTags(c, ctx, arn, TagService.tagsOf(input.get("Tags")));

            boolean paid = payments.nextSucceeds();
            long paymentDue = now.plus(settings.paymentDelay()).toEpochMilli();
            PlanFacts plan = new PlanFacts(name, arn, offering.id(), offering.targetResources(), offering.pool(),
                    offering.instanceType(), offering.instancesPerBlock(), offering.ultraServerType(),
                    offering.ultraServerCount(), sparePerUltraServer, offering.upfrontFee(), now.toEpochMilli(),
                    paymentDue, !paid);
            records.insertPlan(c, ctx.account(), ctx.region(), plan);
            for (int i = 0; i < offering.blocks().size(); i++) {
                OfferingFacts.Block b = offering.blocks().get(i);
                String rcArn = "arn:aws:sagemaker:" + ctx.region() + ":" + ctx.account() + ":reserved-capacity/"
                        + "rc-" + digest(arn, now.toEpochMilli(), i).substring(0, 16);
                records.insertBlock(c, ctx.account(), ctx.region(), new BlockFacts(rcArn, name, i, b.zone(), b.start(), b.end()));
                records.insertHold(c, rcArn, ctx.region(), b.zone(), offering.pool(), offering.unitsPerBlock(),
                        b.start(), b.end(), paid ? null : paymentDue);
            }
            records.markBought(c, offering.id(), now.toEpochMilli());
            records.bumpCapacityVersion(c, ctx.region());
            return PlanJson.object().put("TrainingPlanArn", arn);
        }));
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

    static String quotaMessage(int limit, long used) {
        return "The account-level service limit 'Maximum number of training plans per Region' is " + limit
                + " Training Plans, with current utilization of " + used + " Training Plans and a request delta of 1 "
                + "Training Plans. Please contact AWS support to request an increase for this limit.";
    }

    /** The offering, if this account may still buy it: it exists, has not expired and was not bought. */
    private OfferingFacts buyable(Connection c, RequestContext ctx, String id, boolean extension, Instant now)
            throws SQLException {
        String what = extension ? "Training plan extension offering " : "Training plan offering ";
        TrainingPlanRecords.StoredOffering stored = records.offering(c, ctx.account(), ctx.region(), id)
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

    /** Re-checks, inside the purchase's transaction, that every block still fits what others hold. */
    private void requireCapacity(Connection c, RequestContext ctx, CapacityInventory inv, OfferingFacts offering,
                                 Instant now) {
        for (OfferingFacts.Block b : offering.blocks()) {
            Instant start = Instant.ofEpochMilli(b.start());
            OfferingSearch.FreeCapacityInputs in = inputsOf(c, ctx.region(), inv, b.zone(), offering.pool(), start, now);
            if (!OfferingSearch.fits(in, offering.unitsPerBlock(), start, Instant.ofEpochMilli(b.end()))) {
                String what = offering.extension() ? "Training plan extension offering " : "Training plan offering ";
                throw new ResourceNotFound(what + offering.id()
                        + " is no longer available: its capacity has been reserved by another purchase.");
            }
        }
    }

    // ------------------------------------------------------------------ describe, list

    public JsonNode describe(RequestContext ctx, JsonNode input) {
        String name = input.get("TrainingPlanName").asText();
        Instant now = clock.now();
        return store.read(c -> PlanJson.describe(stateOf(c, ctx, records.planByName(c, ctx.account(), ctx.region(), name)
                .orElseThrow(() -> new ResourceNotFound("Training plan '" + name + "' does not exist.")), now)));
    }

    public JsonNode list(RequestContext ctx, JsonNode input) {
        PlanListing listing = PlanListing.of(input);
        Instant now = clock.now();
        List<PlanState> states = store.read(c -> {
            List<PlanState> all = new ArrayList<>();
            for (PlanFacts p : records.plans(c, ctx.account(), ctx.region())) {
                all.add(stateOf(c, ctx, p, now));
            }
            return all;
        });
        String operation = "ListTrainingPlans:" + listing;
        List<String> after = input.hasNonNull("NextToken")
                ? tokens.open(ctx, operation, input.get("NextToken").asText()) : null;
        PlanListing.Page page = listing.page(states, after);
        ObjectNode out = PlanJson.object();
        ArrayNode summaries = out.putArray("TrainingPlanSummaries");
        page.items().forEach(s -> summaries.add(PlanJson.summary(s)));
        if (page.lastKey() != null) {
            out.put("NextToken", tokens.issue(ctx, operation, page.lastKey()));
        }
        return out;
    }

    // ------------------------------------------------------------------ extensions

    public JsonNode extend(RequestContext ctx, JsonNode input) {
        String offeringId = input.get("TrainingPlanExtensionOfferingId").asText();
        Instant now = clock.now();
        InventorySource.Current inv = inventory.current();
        return payments.transactional(() -> store.write(c -> {
            OfferingFacts offering = buyable(c, ctx, offeringId, true, now);
            PlanState plan = stateOf(c, ctx, records.planByName(c, ctx.account(), ctx.region(), offering.planName())
                    .orElseThrow(() -> new ResourceNotFound("Training plan extension offering " + offeringId
                            + " is no longer available: its training plan no longer exists.")), now);
            requireExtendable(plan);
            OfferingFacts.Block b = offering.blocks().get(0);
            if (plan.lastBlock().end() != b.start()) {
                throw new ResourceNotFound("Training plan extension offering " + offeringId
                        + " is no longer available: the training plan's end has changed since the search.");
            }
            requireCapacity(c, ctx, inv.inventory(), offering, now);
            boolean paid = payments.nextSucceeds();
            long paymentDue = now.plus(settings.paymentDelay()).toEpochMilli();
            ExtensionFacts extension = new ExtensionFacts(offering.id(), offering.planName(), offering.blockArn(), b.zone(),
                    now.toEpochMilli(), b.start(), b.end(), offering.durationHours(), offering.upfrontFee(), paymentDue, !paid);
            records.insertExtension(c, ctx.account(), ctx.region(), extension);
            records.insertHold(c, offering.id(), ctx.region(), b.zone(), offering.pool(), offering.unitsPerBlock(),
                    b.start(), b.end(), paid ? null : paymentDue);
            records.markBought(c, offering.id(), now.toEpochMilli());
            records.bumpCapacityVersion(c, ctx.region());
            ObjectNode out = PlanJson.object();
            ArrayNode list = out.putArray("TrainingPlanExtensions");
            for (ExtensionFacts e : records.extensions(c, ctx.account(), ctx.region(), offering.planName())) {
                list.add(PlanJson.extension(e, now.toEpochMilli()));
            }
            return out;
        }));
    }

    private static void requireExtendable(PlanState plan) {
        if (!plan.isExtendable()) {
            throw new ValidationException("Training plan " + plan.plan().name() + " is " + plan.status()
                    + ": only Scheduled or Active training plans can be extended.");
        }
        if (plan.hasPendingExtension()) {
            throw new ValidationException("Training plan " + plan.plan().name() + " has an extension whose payment is"
                    + " still being processed; extend it again once that payment has completed.");
        }
    }

    public JsonNode extensionHistory(RequestContext ctx, JsonNode input) {
        String arn = input.get("TrainingPlanArn").asText();
        int max = input.path("MaxResults").asInt(DEFAULT_MAX_RESULTS);
        String operation = "DescribeTrainingPlanExtensionHistory:" + arn;
        List<String> after = input.hasNonNull("NextToken") ? tokens.open(ctx, operation, input.get("NextToken").asText()) : null;
        Instant now = clock.now();
        return store.read(c -> {
            PlanFacts plan = records.planByArn(c, ctx.account(), ctx.region(), arn)
                    .orElseThrow(() -> new ResourceNotFound("Training plan " + arn + " does not exist."));
            List<ExtensionFacts> all = records.extensions(c, ctx.account(), ctx.region(), plan.name()).stream()
                    .filter(e -> after == null || keyOf(e).compareTo(after.get(0)) > 0).toList();
            ObjectNode out = PlanJson.object();
            ArrayNode list = out.putArray("TrainingPlanExtensions");
            all.stream().limit(max).forEach(e -> list.add(PlanJson.extension(e, now.toEpochMilli())));
            if (all.size() > max) {
                out.put("NextToken", tokens.issue(ctx, operation, List.of(keyOf(all.get(max - 1)))));
            }
            return out;
        });
    }

    private static String keyOf(ExtensionFacts e) {
        return String.format("%020d/%s", e.extendedAt(), e.offeringId());
    }

    // ------------------------------------------------------------------ reserved capacity, UltraServers

    public JsonNode describeReservedCapacity(RequestContext ctx, JsonNode input) {
        String arn = input.get("ReservedCapacityArn").asText();
        Instant now = clock.now();
        return store.read(c -> {
            PlanState plan = stateOfBlock(c, ctx, arn, now);
            return PlanJson.describeReservedCapacity(plan, blockOf(plan, arn));
        });
    }

    public JsonNode listUltraServers(RequestContext ctx, JsonNode input) {
        String arn = input.get("ReservedCapacityArn").asText();
        int max = input.path("MaxResults").asInt(DEFAULT_MAX_RESULTS);
        String operation = "ListUltraServersByReservedCapacity:" + arn;
        int from = input.hasNonNull("NextToken")
                ? Integer.parseInt(tokens.open(ctx, operation, input.get("NextToken").asText()).get(0)) + 1 : 0;
        Instant now = clock.now();
        return store.read(c -> {
            PlanState plan = stateOfBlock(c, ctx, arn, now);
            if (!plan.plan().isUltraServer()) {
                throw new ValidationException("Reserved capacity " + arn + " reserves instances of "
                        + plan.plan().instanceType() + ", not UltraServers.");
            }
            PlanState.BlockState block = blockOf(plan, arn);
            int count = plan.plan().ultraServerCount();
            ObjectNode out = PlanJson.object();
            ArrayNode list = out.putArray("UltraServers");
            int to = Math.min(count, from + max);
            for (int i = from; i < to; i++) {
                list.add(PlanJson.ultraServer(plan, block, "us-" + digest(arn, i).substring(0, 17)));
            }
            if (to < count) {
                out.put("NextToken", tokens.issue(ctx, operation, List.of(Integer.toString(to - 1))));
            }
            return out;
        });
    }

    private PlanState stateOfBlock(Connection c, RequestContext ctx, String rcArn, Instant now) throws SQLException {
        BlockFacts block = records.blockByArn(c, ctx.account(), ctx.region(), rcArn)
                .orElseThrow(() -> new ResourceNotFound("Reserved capacity " + rcArn + " does not exist."));
        return stateOf(c, ctx, records.planByName(c, ctx.account(), ctx.region(), block.planName()).orElseThrow(), now);
    }

    private static PlanState.BlockState blockOf(PlanState plan, String arn) {
        return plan.blocks().stream().filter(b -> b.facts().arn().equals(arn)).findFirst().orElseThrow();
    }

    private PlanState stateOf(Connection c, RequestContext ctx, PlanFacts plan, Instant now) throws SQLException {
        return new PlanState(plan, records.blocks(c, ctx.account(), ctx.region(), plan.name()),
                records.extensions(c, ctx.account(), ctx.region(), plan.name()), now.toEpochMilli(),
                usage.targetsOnPlan(c, ctx.account(), ctx.region(), plan.arn(), now.toEpochMilli()));
    }

    /** A plan as a HyperPod instance group sees it, inside the caller's transaction. */
    public Optional<PlanLink> planLink(Connection c, RequestContext ctx, String planArn, Instant now) throws SQLException {
        Optional<PlanFacts> plan = records.planByArn(c, ctx.account(), ctx.region(), planArn);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        PlanState s = stateOf(c, ctx, plan.get(), now);
        List<PlanLink.Block> blocks = s.blocks().stream().map(b -> new PlanLink.Block(b.facts().arn(), b.facts().zone(),
                b.facts().start(), b.end(), b.status())).toList();
        return Optional.of(new PlanLink(s.plan().name(), s.plan().arn(), s.status(), s.plan().targetResources(),
                s.plan().instanceType(), s.totalInstances() - s.spareInstances(), s.targetsInUse(), blocks));
    }

    // ------------------------------------------------------------------ prices and ids

    /** Price per instance-hour times instances times the block's hours, to the cent. */
    static BigDecimal fee(String instanceType, int instances, Duration duration) {
        BigDecimal hours = BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
        return CapacityPools.pricePerInstanceHour(instanceType).multiply(BigDecimal.valueOf(instances)).multiply(hours)
                .setScale(2, RoundingMode.HALF_UP);
    }

    static String digest(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
