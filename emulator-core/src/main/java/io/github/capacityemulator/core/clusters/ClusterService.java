package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.ClusterSettings;
import io.github.capacityemulator.core.RequestContext;
import io.github.capacityemulator.core.Timestamps;
import io.github.capacityemulator.core.capacity.CapacityHolds;
import io.github.capacityemulator.core.capacity.CapacityInventory;
import io.github.capacityemulator.core.capacity.Zones;
import io.github.capacityemulator.core.capacity.InventorySource;
import io.github.capacityemulator.core.capacity.OfferingSearch;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.error.ConflictException;
import io.github.capacityemulator.core.error.ResourceInUse;
import io.github.capacityemulator.core.error.ResourceLimitExceeded;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.plans.PlanLink;
import io.github.capacityemulator.core.plans.TrainingPlanService;
import io.github.capacityemulator.core.store.JsonBodies;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.Store;
import io.github.capacityemulator.core.store.StoredResource;
import io.github.capacityemulator.core.tags.TagService;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HyperPod operations. Cluster and node statuses are functions of stored transitions and the clock;
 * nodes of groups on a training plan are written when a block of the plan starts (lazily, on the first
 * access after it, with ids derived from the cluster, group, block and slot, so they are stable).
 */
public final class ClusterService {

    /** Usage of on-demand capacity is open-ended; it ends when the cluster or group goes. */
    static final long OPEN_END = Instant.parse("9999-01-01T00:00:00Z").toEpochMilli();
    /** How far ahead an on-demand group must find room: as far as plans can be bought and last. */
    private static final Duration ON_DEMAND_HORIZON = Duration.ofDays(56 + 182 + 2);
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int DEFAULT_MAX_RESULTS = 10;

    private final Store store;
    private final EmulatorClock clock;
    private final InventorySource inventory;
    private final ClusterSettings settings;
    private final ResourceTable clusters;
    private final NodeRecords nodes = new NodeRecords();
    private final CapacityHolds holds;
    private final TrainingPlanService plans;
    private final TagService tags;
    private final PageTokens tokens;
    private final SecureRandom random = new SecureRandom();

    public ClusterService(Store store, EmulatorClock clock, InventorySource inventory, ClusterSettings settings,
                          ResourceTable clusters, CapacityHolds holds, TrainingPlanService plans, TagService tags,
                          PageTokens tokens) {
        this.store = store;
        this.clock = clock;
        this.inventory = inventory;
        this.settings = settings;
        this.clusters = clusters;
        this.holds = holds;
        this.plans = plans;
        this.tags = tags;
        this.tokens = tokens;
    }

    // ------------------------------------------------------------------ create

    public JsonNode create(RequestContext ctx, JsonNode input) {
        String name = input.get("ClusterName").asText();
        long now = clock.now().toEpochMilli();
        checkOrchestrator(input.get("Orchestrator"));
        if (input.hasNonNull("RestrictedInstanceGroups") || input.hasNonNull("RestrictedInstanceGroupsConfig")) {
            throw new ValidationException("RestrictedInstanceGroups are not supported by this emulator.");
        }
        if (!input.hasNonNull("InstanceGroups")) {
            throw new ValidationException("InstanceGroups is required: a cluster needs at least one instance group.");
        }
        List<JsonNode> specs = new ArrayList<>();
        input.get("InstanceGroups").forEach(specs::add);
        checkGroupNames(specs, List.of());
        return store.write(c -> {
            purgeGone(c, ctx, now);
            if (clusters.findByName(c, ctx.account(), ctx.region(), name).isPresent()) {
                throw new ResourceInUse("Cluster " + name + " already exists.");
            }
            Map<String, PlanLink> links = new HashMap<>();
            for (JsonNode spec : specs) {
                checkGroup(c, ctx, spec, 0, links, now);
            }
            checkQuotas(c, ctx, null, specs.stream().map(s -> new GroupFacts(s.get("InstanceGroupName").asText(), s,
                    s.get("InstanceCount").asInt(), null, now)).toList(), now);

            String arn = "arn:aws:sagemaker:" + ctx.region() + ":" + ctx.account() + ":cluster/" + newId();
            CapacityInventory inv = inventory.current().inventory();
            List<GroupFacts> groups = new ArrayList<>();
            boolean fits = true;
            for (JsonNode spec : specs) {
                String groupName = spec.get("InstanceGroupName").asText();
                int count = spec.get("InstanceCount").asInt();
                PlanLink plan = links.get(groupName);
                String zone = plan != null ? plan.blocks().get(0).zone() : onDemandZone(c, ctx, inv, spec, count, now, groups);
                if (zone == null) {
                    fits = false;
                    zone = inv.region(ctx.region()).keySet().iterator().next();
                }
                groups.add(new GroupFacts(groupName, spec, count, zone, now));
            }
            long created = now + settings.createDelay().toMillis();
            ClusterFacts cluster;
            if (fits) {
                cluster = new ClusterFacts(name, arn, now, clusterConfig(input), groups,
                        List.of(new ClusterOperation("Creating", now, created)), null, null);
                for (GroupFacts g : groups) {
                    if (g.trainingPlanArn() == null) {
                        holdOnDemand(c, ctx, arn, g, now);
                        addNodes(c, ctx, cluster, g, g.targetCount(), null, 0, now, created, null);
                    }
                }
            } else {
                long rolledBack = created + settings.deleteDelay().toMillis();
                cluster = new ClusterFacts(name, arn, now, clusterConfig(input), groups,
                        List.of(new ClusterOperation("Creating", now, created),
                                new ClusterOperation("RollingBack", created, rolledBack)),
                        ClusterFacts.FAILURE_MESSAGE, rolledBack);
            }
            clusters.insert(c, ctx.account(), ctx.region(), new StoredResource(name, arn, now, JsonBodies.write(cluster)));
            tags.addTags(c, ctx, arn, TagService.tagsOf(input.get("Tags")));
            return ClusterJson.object().put("ClusterArn", arn);
        });
    }

    private static JsonNode clusterConfig(JsonNode input) {
        ObjectNode config = input.deepCopy();
        config.remove(List.of("ClusterName", "InstanceGroups", "Tags", "InstanceGroupsToDelete"));
        return config;
    }

    private static void checkOrchestrator(JsonNode orchestrator) {
        if (orchestrator == null || orchestrator.isNull()) {
            return;
        }
        int set = (orchestrator.hasNonNull("Eks") ? 1 : 0) + (orchestrator.hasNonNull("Slurm") ? 1 : 0);
        if (set != 1) {
            throw new ValidationException("Orchestrator must specify exactly one of Eks or Slurm.");
        }
    }

    private static void checkGroupNames(List<JsonNode> specs, List<String> alsoDeleted) {
        Set<String> seen = new HashSet<>();
        for (JsonNode spec : specs) {
            String name = spec.get("InstanceGroupName").asText();
            if (!seen.add(name)) {
                throw new ValidationException("Instance group names must be unique in a cluster; " + name
                        + " appears more than once.");
            }
            if (alsoDeleted.contains(name)) {
                throw new ValidationException("Instance group " + name
                        + " cannot be both updated and deleted in the same request.");
            }
            boolean type = spec.hasNonNull("InstanceType");
            boolean requirements = spec.hasNonNull("InstanceRequirements");
            if (type == requirements) {
                throw new ValidationException("Instance group " + name
                        + " must specify exactly one of InstanceType or InstanceRequirements.");
            }
        }
    }

    /** The semantic rules of a group: a plan it names must fit it. */
    private void checkGroup(Connection c, RequestContext ctx, JsonNode spec, int freedByThisRequest,
                            Map<String, PlanLink> links, long now) throws SQLException {
        String group = spec.get("InstanceGroupName").asText();
        if (!spec.hasNonNull("TrainingPlanArn")) {
            return;
        }
        String arn = spec.get("TrainingPlanArn").asText();
        PlanLink plan = plans.planLink(c, ctx, arn, Instant.ofEpochMilli(now)).orElseThrow(() -> new ValidationException(
                "Instance group " + group + ": training plan " + arn + " does not exist in this account and region."));
        String because = null;
        if (!plan.targetResources().contains("hyperpod-cluster")) {
            because = "it targets " + plan.targetResources() + ", not hyperpod-cluster";
        } else if (plan.status().equals("Expired") || plan.status().equals("Failed")) {
            because = "it is " + plan.status();
        } else if (!plan.instanceType().equals(new GroupFacts(group, spec, 0, null, now).instanceType())) {
            because = "it reserves " + plan.instanceType() + ", not " + new GroupFacts(group, spec, 0, null, now).instanceType();
        } else {
            int asked = spec.get("InstanceCount").asInt();
            int others = plan.targetsInUse() - freedByThisRequest;
            int pending = pendingOnPlan(links, arn);
            if (others + pending + asked > plan.capacityForClusters()) {
                because = "it has room for " + Math.max(0, plan.capacityForClusters() - others - pending)
                        + " more instances, and the group asks for " + asked;
            }
        }
        if (because != null) {
            throw new ValidationException("Instance group " + group + " cannot use training plan " + plan.name()
                    + ": " + because + ".");
        }
        links.put(group, new PlanLink(plan.name(), plan.arn(), plan.status(), plan.targetResources(), plan.instanceType(),
                plan.capacityForClusters(), spec.get("InstanceCount").asInt(), plan.blocks()));
    }

    /** Instances asked of a plan by groups checked earlier in the same request. */
    private static int pendingOnPlan(Map<String, PlanLink> links, String arn) {
        return links.values().stream().filter(l -> l.arn().equals(arn)).mapToInt(PlanLink::targetsInUse).sum();
    }

    private void checkQuotas(Connection c, RequestContext ctx, ClusterFacts replacing, List<GroupFacts> groups, long now)
            throws SQLException {
        int inCluster = groups.stream().mapToInt(GroupFacts::targetCount).sum();
        int before = replacing == null ? 0 : replacing.groups().stream().mapToInt(GroupFacts::targetCount).sum();
        if (inCluster > settings.maxInstancesPerCluster()) {
            throw new ResourceLimitExceeded(quota("Maximum number of instances per cluster",
                    settings.maxInstancesPerCluster(), before, inCluster - before));
        }
        int elsewhere = 0;
        Map<String, Integer> byTypeElsewhere = new HashMap<>();
        for (ClusterFacts other : liveClusters(c, ctx, now)) {
            if (replacing != null && other.arn().equals(replacing.arn())) {
                continue;
            }
            for (GroupFacts g : other.groups()) {
                elsewhere += g.targetCount();
                byTypeElsewhere.merge(g.instanceType(), g.targetCount(), Integer::sum);
            }
        }
        if (elsewhere + inCluster > settings.maxInstancesAcrossClusters()) {
            throw new ResourceLimitExceeded(quota("Total number of instances allowed across SageMaker HyperPod clusters",
                    settings.maxInstancesAcrossClusters(), elsewhere + before, inCluster - before));
        }
        Map<String, Integer> byType = new LinkedHashMap<>();
        groups.forEach(g -> byType.merge(g.instanceType(), g.targetCount(), Integer::sum));
        for (Map.Entry<String, Integer> e : byType.entrySet()) {
            int used = byTypeElsewhere.getOrDefault(e.getKey(), 0);
            int had = replacing == null ? 0 : replacing.groups().stream().filter(g -> e.getKey().equals(g.instanceType()))
                    .mapToInt(GroupFacts::targetCount).sum();
            if (used + e.getValue() > settings.maxInstancesPerType()) {
                throw new ResourceLimitExceeded(quota(e.getKey() + " for cluster usage", settings.maxInstancesPerType(),
                        used + had, e.getValue() - had));
            }
        }
    }

    static String quota(String name, int limit, int used, int delta) {
        return "The account-level service limit '" + name + "' is " + limit + " Instances, with current utilization of "
                + used + " Instances and a request delta of " + delta + " Instances. Please contact AWS support to "
                + "request an increase for this limit.";
    }

    /** The first zone (by name) with room for {@code count} more on-demand instances from now on; null: none. */
    private String onDemandZone(Connection c, RequestContext ctx, CapacityInventory inv, JsonNode spec, int count,
                                long now, List<GroupFacts> placedInThisRequest) throws SQLException {
        String type = new GroupFacts("", spec, count, null, now).instanceType();
        if (count == 0) {
            return inv.region(ctx.region()).keySet().iterator().next();
        }
        Instant start = Instant.ofEpochMilli(now);
        for (String zone : inv.region(ctx.region()).keySet()) {
            int alsoHere = placedInThisRequest.stream().filter(g -> zone.equals(g.zone()) && type.equals(g.instanceType())
                    && g.trainingPlanArn() == null).mapToInt(GroupFacts::targetCount).sum();
            OfferingSearch.FreeCapacityInputs in = new OfferingSearch.FreeCapacityInputs(inv.windows(ctx.region(), zone, type),
                    holds.of(c, ctx.region(), zone, type, now, now));
            if (OfferingSearch.fits(in, count + alsoHere, start, start.plus(ON_DEMAND_HORIZON))) {
                return zone;
            }
        }
        return null;
    }

    private void holdOnDemand(Connection c, RequestContext ctx, String clusterArn, GroupFacts g, long now)
            throws SQLException {
        holds.insert(c, clusterArn + "/" + g.name() + "/" + java.util.UUID.randomUUID(), ctx.region(), g.zone(),
                g.instanceType(), g.targetCount(), now, OPEN_END, null);
    }

    /**
     * Adds {@code count} nodes to a group, Pending until {@code readyAt}. Nodes of a block get ids derived from
     * (cluster, group, block, slot), numbered from {@code firstSlot}, and end with the block.
     */
    private void addNodes(Connection c, RequestContext ctx, ClusterFacts cluster, GroupFacts g, int count, String blockArn,
                          int firstSlot, long launchAt, long readyAt, Long blockEnd) throws SQLException {
        for (int i = 0; i < count; i++) {
            String seed = blockArn != null ? blockArn + "/" + (firstSlot + i) : launchAt + "/" + i + "/" + random.nextLong();
            String hex = HexFormat.of().formatHex(ClusterJson.sha(cluster.arn(), g.name(), seed));
            nodes.insert(c, ctx.account(), ctx.region(), new NodeRow("i-" + hex.substring(0, 17), cluster.arn(), g.name(),
                    g.name() + "-" + hex.substring(17, 29), g.instanceType(), blockArn, g.zone(), launchAt, readyAt, null,
                    blockEnd, blockEnd == null ? null : blockEnd + settings.deleteDelay().toMillis(), blockArn != null, null));
        }
    }

    // ------------------------------------------------------------------ lookups and lazy transitions

    private List<ClusterFacts> liveClusters(Connection c, RequestContext ctx, long now) throws SQLException {
        List<ClusterFacts> out = new ArrayList<>();
        for (StoredResource r : clusters.all(c, ctx.account(), ctx.region())) {
            ClusterFacts f = JsonBodies.read(r.body(), ClusterFacts.class);
            if (!f.isGone(now) && f.failedAt() == null) {
                out.add(f);
            }
        }
        return out;
    }

    /** Deleted clusters whose deletion has finished are gone: their rows go too. */
    private void purgeGone(Connection c, RequestContext ctx, long now) throws SQLException {
        for (StoredResource r : clusters.all(c, ctx.account(), ctx.region())) {
            ClusterFacts f = JsonBodies.read(r.body(), ClusterFacts.class);
            if (f.isGone(now)) {
                clusters.delete(c, f.arn());
                nodes.deleteCluster(c, f.arn());
                tags.deleteAll(c, ctx, f.arn());
            }
        }
    }

    /** The cluster named by a name or ARN, with the nodes its plans' blocks call for written. */
    private ClusterFacts find(Connection c, RequestContext ctx, String nameOrArn, long now) throws SQLException {
        Optional<StoredResource> row = nameOrArn.startsWith("arn:")
                ? clusters.findByArn(c, ctx.account(), ctx.region(), nameOrArn)
                : clusters.findByName(c, ctx.account(), ctx.region(), nameOrArn);
        ClusterFacts cluster = row.map(r -> JsonBodies.read(r.body(), ClusterFacts.class))
                .filter(f -> !f.isGone(now))
                .orElseThrow(() -> new ResourceNotFound("Cluster '" + nameOrArn + "' does not exist."));
        materialisePlanNodes(c, ctx, cluster, now);
        return cluster;
    }

    /**
     * Nodes of plan groups appear at a block's start and go at its (possibly extended) end: every access moves
     * block-tied nodes to their block's current end and tops each group up to its target for the active block.
     */
    private void materialisePlanNodes(Connection c, RequestContext ctx, ClusterFacts cluster, long now) throws SQLException {
        if (cluster.failedAt() != null) {
            return;
        }
        boolean deleting = cluster.status(now).equals("Deleting");
        for (GroupFacts g : cluster.groups()) {
            if (g.trainingPlanArn() == null) {
                continue;
            }
            Optional<PlanLink> plan = plans.planLink(c, ctx, g.trainingPlanArn(), Instant.ofEpochMilli(now));
            if (plan.isEmpty()) {
                continue;
            }
            for (PlanLink.Block b : plan.get().blocks()) {
                if (b.status().equals("Failed") || b.status().equals("Pending")) {
                    continue;
                }
                nodes.moveBlockEnd(c, cluster.arn(), b.arn(), b.end(), b.end() + settings.deleteDelay().toMillis());
                if (deleting || b.start() > now || now >= b.end()) {
                    continue;
                }
                int alive = nodes.aliveOnBlock(c, cluster.arn(), g.name(), b.arn());
                if (alive < g.targetCount()) {
                    int ever = nodes.everOnBlock(c, cluster.arn(), g.name(), b.arn());
                    // The first nodes of a block came with it; later ones (a group grown) come now.
                    long launch = ever == 0 ? Math.max(b.start(), g.createdAt()) : now;
                    long ready = Math.max(cluster.readyAt(), launch + settings.nodeReplaceDelay().toMillis());
                    addNodes(c, ctx, cluster, new GroupFacts(g.name(), g.spec(), g.targetCount(), b.zone(), g.createdAt()),
                            g.targetCount() - alive, b.arn(), ever, launch, ready, b.end());
                }
            }
        }
    }

    // ------------------------------------------------------------------ describe, list

    public JsonNode describe(RequestContext ctx, JsonNode input) {
        long now = clock.now().toEpochMilli();
        return store.write(c -> {
            ClusterFacts cluster = find(c, ctx, input.get("ClusterName").asText(), now);
            String status = cluster.status(now);
            List<ObjectNode> groups = new ArrayList<>();
            for (GroupFacts g : cluster.groups()) {
                PlanLink plan = g.trainingPlanArn() == null ? null
                        : plans.planLink(c, ctx, g.trainingPlanArn(), Instant.ofEpochMilli(now)).orElse(null);
                groups.add(ClusterJson.group(g, status, nodes.countActive(c, cluster.arn(), g.name(), now), plan));
            }
            return ClusterJson.describe(cluster, now, groups);
        });
    }

    public JsonNode list(RequestContext ctx, JsonNode input) {
        long now = clock.now().toEpochMilli();
        Long after = input.hasNonNull("CreationTimeAfter") ? Timestamps.read(input.get("CreationTimeAfter")).toEpochMilli() : null;
        Long before = input.hasNonNull("CreationTimeBefore") ? Timestamps.read(input.get("CreationTimeBefore")).toEpochMilli() : null;
        String contains = input.path("NameContains").asText(null);
        String planArn = input.path("TrainingPlanArn").asText(null);
        boolean byName = "NAME".equals(input.path("SortBy").asText("CREATION_TIME"));
        boolean ascending = "Ascending".equals(input.path("SortOrder").asText("Descending"));
        int max = input.path("MaxResults").asInt(DEFAULT_MAX_RESULTS);
        String operation = "ListClusters:" + byName + ascending + after + "/" + before + "/" + contains + "/" + planArn;
        List<String> token = input.hasNonNull("NextToken") ? tokens.open(ctx, operation, input.get("NextToken").asText()) : null;
        if (token != null && token.size() != 2) {
            throw new ValidationException("Invalid pagination token given. Use the NextToken from the previous response.");
        }
        return store.write(c -> {
            purgeGone(c, ctx, now);
            Comparator<List<String>> order = Comparator.comparing((List<String> k) -> k.get(0));
            if (!ascending) {
                order = order.reversed();
            }
            Comparator<List<String>> keys = order.thenComparing(k -> k.get(1));
            List<ClusterFacts> kept = new ArrayList<>();
            for (StoredResource r : clusters.all(c, ctx.account(), ctx.region())) {
                ClusterFacts f = JsonBodies.read(r.body(), ClusterFacts.class);
                if ((after == null || f.createdAt() > after) && (before == null || f.createdAt() < before)
                        && (contains == null || f.name().contains(contains))
                        && (planArn == null || f.groups().stream().anyMatch(g -> planArn.equals(g.trainingPlanArn())))) {
                    kept.add(f);
                }
            }
            kept.sort((a, b) -> keys.compare(key(a, byName), key(b, byName)));
            if (token != null) {
                kept.removeIf(f -> keys.compare(key(f, byName), token) <= 0);
            }
            ObjectNode out = ClusterJson.object();
            ArrayNode summaries = out.putArray("ClusterSummaries");
            kept.stream().limit(max).forEach(f -> summaries.add(ClusterJson.summary(f, now)));
            if (kept.size() > max) {
                out.put("NextToken", tokens.issue(ctx, operation, key(kept.get(max - 1), byName)));
            }
            return out;
        });
    }

    private static List<String> key(ClusterFacts f, boolean byName) {
        return List.of(byName ? f.name() : String.format("%020d", f.createdAt()), f.arn());
    }

    // ------------------------------------------------------------------ update, software, delete

    public JsonNode update(RequestContext ctx, JsonNode input) {
        long now = clock.now().toEpochMilli();
        checkOrchestrator(input.get("Orchestrator"));
        if (input.hasNonNull("RestrictedInstanceGroups") || input.hasNonNull("RestrictedInstanceGroupsConfig")) {
            throw new ValidationException("RestrictedInstanceGroups are not supported by this emulator.");
        }
        List<JsonNode> specs = new ArrayList<>();
        input.path("InstanceGroups").forEach(specs::add);
        List<String> toDelete = new ArrayList<>();
        input.path("InstanceGroupsToDelete").forEach(n -> toDelete.add(n.asText()));
        checkGroupNames(specs, toDelete);
        return store.write(c -> {
            ClusterFacts cluster = find(c, ctx, input.get("ClusterName").asText(), now);
            requireInService(cluster, "update", now);
            for (String name : toDelete) {
                if (cluster.group(name) == null) {
                    throw new ValidationException("Instance group " + name + " does not exist in cluster " + cluster.name() + ".");
                }
            }
            Map<String, PlanLink> links = new HashMap<>();
            // What this request takes off a plan: its replaced groups' counts, and those of groups it deletes.
            Map<String, Integer> freed = new HashMap<>();
            for (GroupFacts g : cluster.groups()) {
                boolean respecified = specs.stream().anyMatch(sp -> sp.get("InstanceGroupName").asText().equals(g.name()));
                if (g.trainingPlanArn() != null && (toDelete.contains(g.name()) || respecified)) {
                    freed.merge(g.trainingPlanArn(), g.targetCount(), Integer::sum);
                }
            }
            for (JsonNode spec : specs) {
                checkGroup(c, ctx, spec, freed.getOrDefault(spec.path("TrainingPlanArn").asText(""), 0), links, now);
            }
            List<GroupFacts> next = new ArrayList<>();
            for (GroupFacts g : cluster.groups()) {
                if (!toDelete.contains(g.name()) && specs.stream().noneMatch(s -> s.get("InstanceGroupName").asText().equals(g.name()))) {
                    next.add(g);
                }
            }
            for (JsonNode spec : specs) {
                GroupFacts existing = cluster.group(spec.get("InstanceGroupName").asText());
                next.add(new GroupFacts(spec.get("InstanceGroupName").asText(), spec, spec.get("InstanceCount").asInt(),
                        existing == null ? null : existing.zone(), existing == null ? now : existing.createdAt()));
            }
            checkQuotas(c, ctx, cluster, next, now);

            long done = now + settings.updateDelay().toMillis();
            CapacityInventory inv = inventory.current().inventory();
            List<GroupFacts> placed = new ArrayList<>();
            List<GroupFacts> newlyPlaced = new ArrayList<>();
            for (GroupFacts g : next) {
                GroupFacts old = cluster.group(g.name());
                PlanLink plan = links.get(g.name());
                String zone;
                if (plan != null) {
                    zone = plan.blocks().get(0).zone();
                } else if (g.trainingPlanArn() != null) {
                    zone = g.zone();
                } else if (old != null && old.trainingPlanArn() == null && old.instanceType().equals(g.instanceType())) {
                    // The same on-demand group: it grows, if at all, in the zone it is in.
                    zone = old.zone();
                    int more = g.targetCount() - old.targetCount();
                    if (more > 0 && !fitsInZone(c, ctx, inv, zone, g.instanceType(), more, now)) {
                        throw new ValidationException("Instance group " + g.name() + ": " + ClusterFacts.FAILURE_MESSAGE);
                    }
                } else {
                    // Only groups without a hold yet count beside the holds already stored.
                    zone = onDemandZone(c, ctx, inv, g.spec(), g.targetCount(), now, newlyPlaced);
                    if (zone == null) {
                        throw new ValidationException("Instance group " + g.name() + ": " + ClusterFacts.FAILURE_MESSAGE);
                    }
                    newlyPlaced.add(new GroupFacts(g.name(), g.spec(), g.targetCount(), zone, g.createdAt()));
                }
                placed.add(new GroupFacts(g.name(), g.spec(), g.targetCount(), zone, g.createdAt()));
            }
            ClusterFacts updated = cluster.with(placed, new ClusterOperation("Updating", now, done),
                    mergedConfig(cluster.config(), input));
            for (GroupFacts g : cluster.groups()) {
                if (updated.group(g.name()) == null) {
                    shutDownGroup(c, cluster, g, now, done);
                }
            }
            for (GroupFacts g : placed) {
                resize(c, ctx, updated, cluster.group(g.name()), g, now, done);
            }
            clusters.updateBody(c, cluster.arn(), JsonBodies.write(updated));
            materialisePlanNodes(c, ctx, updated, now);
            return ClusterJson.object().put("ClusterArn", cluster.arn());
        });
    }

    private boolean fitsInZone(Connection c, RequestContext ctx, CapacityInventory inv, String zone, String type, int count,
                               long now) throws SQLException {
        Instant start = Instant.ofEpochMilli(now);
        return OfferingSearch.fits(new OfferingSearch.FreeCapacityInputs(inv.windows(ctx.region(), zone, type),
                holds.of(c, ctx.region(), zone, type, now, now)), count, start, start.plus(ON_DEMAND_HORIZON));
    }

    private static JsonNode mergedConfig(JsonNode config, JsonNode input) {
        ObjectNode merged = config.deepCopy();
        for (String member : List.of("NodeRecovery", "Orchestrator", "TieredStorageConfig", "NodeProvisioningMode",
                "ClusterRole", "AutoScaling")) {
            if (input.hasNonNull(member)) {
                merged.set(member, input.get(member));
            }
        }
        return merged;
    }

    /**
     * Brings a group's nodes and on-demand hold from {@code old} to {@code g} (null old: a new group). Plan groups
     * only shrink here; {@link #materialisePlanNodes} tops them up for the active block.
     */
    private void resize(Connection c, RequestContext ctx, ClusterFacts cluster, GroupFacts old, GroupFacts g, long now,
                        long done) throws SQLException {
        boolean sameSource = old != null && java.util.Objects.equals(old.trainingPlanArn(), g.trainingPlanArn())
                && java.util.Objects.equals(old.instanceType(), g.instanceType());
        if (old != null && !sameSource) {
            shutDownGroup(c, cluster, old, now, done);
        }
        if (g.trainingPlanArn() == null) {
            holds.release(c, cluster.arn() + "/" + g.name() + "/", now);
            holdOnDemand(c, ctx, cluster.arn(), g, now);
        }
        List<NodeRow> current = sameSource ? nodes.ofGroup(c, cluster.arn(), g.name(), now).stream()
                .filter(n -> n.shutdownAt() == null || n.shutdownAt() > now).toList() : List.of();
        int have = current.size();
        if (g.targetCount() < have) {
            for (NodeRow n : current.subList(0, have - g.targetCount())) {
                nodes.update(c, n.shutDown(now, done));
            }
        } else if (g.trainingPlanArn() == null && g.targetCount() > have) {
            addNodes(c, ctx, cluster, g, g.targetCount() - have, null, 0, now, done, null);
        }
    }

    private void shutDownGroup(Connection c, ClusterFacts cluster, GroupFacts g, long now, long removed) throws SQLException {
        for (NodeRow n : nodes.ofGroup(c, cluster.arn(), g.name(), now)) {
            if (n.shutdownAt() == null || n.shutdownAt() > now) {
                cancelReplacement(c, n, now);
                nodes.update(c, n.shutDown(now, removed));
            }
        }
        holds.release(c, cluster.arn() + "/" + g.name() + "/", removed);
    }

    public JsonNode updateSoftware(RequestContext ctx, JsonNode input) {
        long now = clock.now().toEpochMilli();
        return store.write(c -> {
            ClusterFacts cluster = find(c, ctx, input.get("ClusterName").asText(), now);
            requireInService(cluster, "update the software of", now);
            for (JsonNode g : input.path("InstanceGroups")) {
                if (cluster.group(g.get("InstanceGroupName").asText()) == null) {
                    throw new ValidationException("Instance group " + g.get("InstanceGroupName").asText()
                            + " does not exist in cluster " + cluster.name() + ".");
                }
            }
            ClusterFacts updated = cluster.with(cluster.groups(), new ClusterOperation("SystemUpdating", now,
                    now + settings.softwareUpdateDelay().toMillis()), cluster.config());
            clusters.updateBody(c, cluster.arn(), JsonBodies.write(updated));
            return ClusterJson.object().put("ClusterArn", cluster.arn());
        });
    }

    public JsonNode delete(RequestContext ctx, JsonNode input) {
        long now = clock.now().toEpochMilli();
        return store.write(c -> {
            ClusterFacts cluster = find(c, ctx, input.get("ClusterName").asText(), now);
            String status = cluster.status(now);
            if (!status.equals("InService") && !status.equals("Failed")) {
                throw new ConflictException("Cannot delete cluster " + cluster.name() + " while it is " + status + ".");
            }
            long gone = now + settings.deleteDelay().toMillis();
            for (GroupFacts g : cluster.groups()) {
                shutDownGroup(c, cluster, g, now, gone);
            }
            clusters.updateBody(c, cluster.arn(), JsonBodies.write(cluster.with(cluster.groups(),
                    new ClusterOperation("Deleting", now, gone), cluster.config())));
            return ClusterJson.object().put("ClusterArn", cluster.arn());
        });
    }

    private static void requireInService(ClusterFacts cluster, String what, long now) {
        String status = cluster.status(now);
        if (!status.equals("InService")) {
            throw new ConflictException("Cannot " + what + " cluster " + cluster.name() + " while it is " + status + ".");
        }
    }

    // ------------------------------------------------------------------ nodes

    public JsonNode listNodes(RequestContext ctx, JsonNode input) {
        long now = clock.now().toEpochMilli();
        boolean byName = "NAME".equals(input.path("SortBy").asText("CREATION_TIME"));
        boolean ascending = "Ascending".equals(input.path("SortOrder").asText("Descending"));
        int max = input.path("MaxResults").asInt(DEFAULT_MAX_RESULTS);
        boolean logicalIds = input.path("IncludeNodeLogicalIds").asBoolean(false);
        return store.write(c -> {
            ClusterFacts cluster = find(c, ctx, input.get("ClusterName").asText(), now);
            String operation = "ListClusterNodes:" + cluster.arn() + "/" + byName + ascending + "/"
                    + input.path("CreationTimeAfter").asText() + "/" + input.path("CreationTimeBefore").asText() + "/"
                    + input.path("InstanceGroupNameContains").asText();
            List<String> after = input.hasNonNull("NextToken")
                    ? tokens.open(ctx, operation, input.get("NextToken").asText()) : null;
            if (after != null && (after.size() != 2 || (!byName && !after.get(0).matches("\\d{1,19}")))) {
                throw new ValidationException("Invalid pagination token given. Use the NextToken from the previous response.");
            }
            List<NodeRow> rows = nodes.page(c, new NodeRecords.PageQuery(cluster.arn(), now,
                    input.hasNonNull("CreationTimeAfter") ? Timestamps.read(input.get("CreationTimeAfter")).toEpochMilli() : null,
                    input.hasNonNull("CreationTimeBefore") ? Timestamps.read(input.get("CreationTimeBefore")).toEpochMilli() : null,
                    input.path("InstanceGroupNameContains").asText(null), byName, ascending, after, max + 1));
            ObjectNode out = ClusterJson.object();
            ArrayNode list = out.putArray("ClusterNodeSummaries");
            rows.stream().limit(max).forEach(n -> list.add(ClusterJson.nodeSummary(cluster, n, cluster.group(n.groupName()),
                    now, logicalIds)));
            if (rows.size() > max) {
                NodeRow last = rows.get(max - 1);
                out.put("NextToken", tokens.issue(ctx, operation,
                        List.of(byName ? last.groupName() : Long.toString(last.launchAt()), last.instanceId())));
            }
            return out;
        });
    }

    public JsonNode describeNode(RequestContext ctx, JsonNode input) {
        long now = clock.now().toEpochMilli();
        boolean byId = input.hasNonNull("NodeId");
        if (byId == input.hasNonNull("NodeLogicalId")) {
            throw new ValidationException("Specify exactly one of NodeId or NodeLogicalId.");
        }
        String id = byId ? input.get("NodeId").asText() : input.get("NodeLogicalId").asText();
        return store.write(c -> {
            ClusterFacts cluster = find(c, ctx, input.get("ClusterName").asText(), now);
            NodeRow node = (byId ? nodes.byId(c, cluster.arn(), id, now) : nodes.byLogicalId(c, cluster.arn(), id, now))
                    .orElseThrow(() -> new ResourceNotFound("Node " + id + " does not exist in cluster " + cluster.name() + "."));
            return ClusterJson.object().set("NodeDetails", ClusterJson.nodeDetails(cluster, node,
                    cluster.group(node.groupName()), now, Zones.idOf(node.zone())));
        });
    }

    public JsonNode batchDelete(RequestContext ctx, JsonNode input) {
        return batch(ctx, input, "NodeIdNotFound", "InvalidNodeStatus", "Code", Set.of("Running", "Failure", "Pending"),
                (c, cluster, n, now) -> {
                    cancelReplacement(c, n, now);
                    nodes.update(c, n.shutDown(now, now + settings.deleteDelay().toMillis()));
                    return true;
                });
    }

    public JsonNode batchReboot(RequestContext ctx, JsonNode input) {
        return batch(ctx, input, "InstanceIdNotFound", "InvalidInstanceStatus", "ErrorCode", Set.of("Running", "Failure"),
                (c, cluster, n, now) -> {
                    boolean hadReplacement = cancelReplacement(c, n, now);
                    NodeRow rebooted = hadReplacement
                            ? n.rebooted(now + settings.nodeReplaceDelay().toMillis(), null, null)
                            : new NodeRow(n.instanceId(), n.clusterArn(), n.groupName(), n.logicalId(), n.instanceType(),
                                    n.blockArn(), n.zone(), n.launchAt(), now + settings.nodeReplaceDelay().toMillis(), null,
                                    n.shutdownAt(), n.removedAt(), n.endsWithBlock(), null);
                    nodes.update(c, rebooted);
                    return false;
                });
    }

    public JsonNode batchReplace(RequestContext ctx, JsonNode input) {
        return batch(ctx, input, "InstanceIdNotFound", "InvalidInstanceStatus", "ErrorCode", Set.of("Running", "Failure"),
                (c, cluster, n, now) -> {
                    replace(c, ctx, n, now, now + settings.nodeReplaceDelay().toMillis());
                    nodes.update(c, n.shutDown(now, now + settings.deleteDelay().toMillis()));
                    return false;
                });
    }

    /** Swaps a node for a new one (a new id) that is Pending from {@code now} until {@code ready}. */
    private NodeRow replace(Connection c, RequestContext ctx, NodeRow n, long now, long ready) throws SQLException {
        cancelReplacement(c, n, now);
        String hex = HexFormat.of().formatHex(ClusterJson.sha(n.instanceId(), "replaced", Long.toString(now)));
        NodeRow fresh = new NodeRow("i-" + hex.substring(0, 17), n.clusterArn(), n.groupName(),
                n.groupName() + "-" + hex.substring(17, 29), n.instanceType(), n.blockArn(), n.zone(), now, ready, null,
                n.endsWithBlock() ? n.shutdownAt() : null, n.endsWithBlock() ? n.removedAt() : null, n.endsWithBlock(), null);
        nodes.insert(c, ctx.account(), ctx.region(), fresh);
        return fresh;
    }

    /** Cancels the replacement a failure scheduled, if it has not come yet; answers whether there was one. */
    private boolean cancelReplacement(Connection c, NodeRow n, long now) throws SQLException {
        if (n.replacedBy() == null) {
            return false;
        }
        Optional<NodeRow> scheduled = nodes.anyTime(c, n.replacedBy());
        if (scheduled.isPresent() && scheduled.get().launchAt() > now) {
            nodes.delete(c, n.replacedBy());
        }
        return true;
    }

    @FunctionalInterface
    private interface NodeAction {
        /** Does the action; answers true when the group's target count drops by one. */
        boolean apply(Connection c, ClusterFacts cluster, NodeRow node, long now) throws SQLException;
    }

    private JsonNode batch(RequestContext ctx, JsonNode input, String notFound, String badStatus, String codeMember,
                           Set<String> allowed, NodeAction action) {
        long now = clock.now().toEpochMilli();
        if (!input.hasNonNull("NodeIds") && !input.hasNonNull("NodeLogicalIds")) {
            throw new ValidationException("Specify NodeIds or NodeLogicalIds.");
        }
        return store.write(c -> {
            ClusterFacts cluster = find(c, ctx, input.get("ClusterName").asText(), now);
            String status = cluster.status(now);
            if (!status.equals("InService")) {
                throw new ValidationException("Cluster " + cluster.name() + " is " + status
                        + ": nodes can be changed only while it is InService.");
            }
            ObjectNode out = ClusterJson.object();
            Map<String, Integer> drops = new HashMap<>();
            for (boolean logical : new boolean[] {false, true}) {
                JsonNode ids = input.get(logical ? "NodeLogicalIds" : "NodeIds");
                if (ids == null || ids.isNull()) {
                    continue;
                }
                // The model gives both lists a minimum of one item: an empty one is left out.
                ArrayNode ok = ClusterJson.object().arrayNode();
                ArrayNode failed = ClusterJson.object().arrayNode();
                Set<String> done = new HashSet<>();
                for (JsonNode idNode : ids) {
                    String id = idNode.asText();
                    if (!done.add(id)) {
                        continue;
                    }
                    Optional<NodeRow> found = logical ? nodes.byLogicalId(c, cluster.arn(), id, now)
                            : nodes.byId(c, cluster.arn(), id, now);
                    String nodeStatus = found.map(n -> n.status(now, status)).orElse(null);
                    if (found.isEmpty()) {
                        failed.addObject().put(codeMember, notFound)
                                .put("Message", "Node " + id + " does not exist in cluster " + cluster.name() + ".")
                                .put(logical ? "NodeLogicalId" : "NodeId", id);
                    } else if (!allowed.contains(nodeStatus)) {
                        failed.addObject().put(codeMember, badStatus)
                                .put("Message", "Node " + id + " is " + nodeStatus + "; the operation needs it "
                                        + String.join(" or ", allowed.stream().sorted().toList()) + ".")
                                .put(logical ? "NodeLogicalId" : "NodeId", id);
                    } else {
                        if (action.apply(c, cluster, found.get(), now)) {
                            drops.merge(found.get().groupName(), 1, Integer::sum);
                        }
                        ok.add(id);
                    }
                }
                if (!ok.isEmpty()) {
                    out.set(logical ? "SuccessfulNodeLogicalIds" : "Successful", ok);
                }
                if (!failed.isEmpty()) {
                    out.set(logical ? "FailedNodeLogicalIds" : "Failed", failed);
                }
            }
            if (!drops.isEmpty()) {
                List<GroupFacts> groups = new ArrayList<>();
                for (GroupFacts g : cluster.groups()) {
                    GroupFacts next = g.withTarget(Math.max(0, g.targetCount() - drops.getOrDefault(g.name(), 0)));
                    if (next.targetCount() != g.targetCount() && g.trainingPlanArn() == null) {
                        holds.release(c, cluster.arn() + "/" + g.name() + "/", now);
                        holdOnDemand(c, ctx, cluster.arn(), next, now);
                    }
                    groups.add(next);
                }
                clusters.updateBody(c, cluster.arn(), JsonBodies.write(cluster.with(groups, null, cluster.config())));
            }
            return out;
        });
    }

    /** Puts a node in Failure; with automatic recovery it is replaced after the replacement delay. */
    public JsonNode failNode(String instanceId) {
        long now = clock.now().toEpochMilli();
        return store.write(c -> {
            NodeRecords.Located located = nodes.locate(c, instanceId).filter(l -> l.node().visibleAt(now))
                    .orElseThrow(() -> new IllegalArgumentException("no node " + instanceId));
            RequestContext ctx = new RequestContext(located.account(), located.region(), "admin");
            ClusterFacts cluster = find(c, ctx, located.node().clusterArn(), now);
            NodeRow n = located.node();
            String status = n.status(now, cluster.status(now));
            if (status.equals("Failure") || status.equals("ShuttingDown")) {
                throw new IllegalArgumentException("node " + instanceId + " is " + status + " already");
            }
            ObjectNode out = ClusterJson.object().put("instanceId", instanceId).put("status", "Failure");
            if (cluster.nodeRecoveryAutomatic()) {
                long at = now + settings.nodeReplaceDelay().toMillis();
                NodeRow replacement = replace(c, ctx, n, at, at);
                nodes.update(c, n.failed(now, replacement.instanceId(), at, at + settings.deleteDelay().toMillis()));
                out.put("replacedAt", Instant.ofEpochMilli(at).toString());
            } else {
                nodes.update(c, n.failed(now, null, n.shutdownAt(), n.removedAt()));
            }
            return out;
        });
    }

    private String newId() {
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }
}
