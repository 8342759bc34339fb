package io.github.capacityemulator.core.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.contract.ApiContract;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How much capacity exists, per region, Availability Zone and pool (an instance type, or an UltraServer
 * type counted in UltraServers), over time. Regions not listed get the default: zones
 * {@code <region>a}, {@code <region>b}, {@code <region>c}, each with {@link #DEFAULT_ZONE}.
 *
 * <p>JSON form: {@code {"regions":{"<region>":{"<zone>":{"<pool>":[{"from":ISO,"to":ISO,"count":N}]}}}}},
 * {@code to} optional (open-ended).
 */
public final class CapacityInventory {

    /** The default per zone: every instance type of the contract, counts by family ({@link DefaultCapacity}). */
    public static final Map<String, Integer> DEFAULT_ZONE = DefaultCapacity.perZone(ApiContract.load());

    private static final Pattern ZONE = Pattern.compile("[a-z]+-[0-9a-z-]+");
    private static final Pattern POOL = Pattern.compile("ml\\.[a-z0-9.-]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** region -> zone -> pool -> windows; zones and pools sorted by name. */
    private final Map<String, Map<String, Map<String, List<CapacityWindow>>>> regions;

    private CapacityInventory(Map<String, Map<String, Map<String, List<CapacityWindow>>>> regions) {
        this.regions = regions;
    }

    public static CapacityInventory defaults() {
        return new CapacityInventory(Map.of());
    }

    /** Zone -> pool -> windows of one region, the default when the region is not listed. */
    public Map<String, Map<String, List<CapacityWindow>>> region(String region) {
        Map<String, Map<String, List<CapacityWindow>>> listed = regions.get(region);
        if (listed != null) {
            return listed;
        }
        Map<String, Map<String, List<CapacityWindow>>> cached = DEFAULT_REGIONS.get(region);
        if (cached == null) {
            cached = defaultRegion(region);
            if (DEFAULT_REGIONS.size() < 64) {
                DEFAULT_REGIONS.put(region, cached);
            }
        }
        return cached;
    }

    /** Default regions are the same for every inventory: built once per region name (a few dozen at most). */
    private static final Map<String, Map<String, Map<String, List<CapacityWindow>>>> DEFAULT_REGIONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, Map<String, List<CapacityWindow>>> defaultRegion(String region) {
        Map<String, Map<String, List<CapacityWindow>>> zones = new TreeMap<>();
        for (String suffix : List.of("a", "b", "c")) {
            Map<String, List<CapacityWindow>> pools = new TreeMap<>();
            DEFAULT_ZONE.forEach((pool, count) -> pools.put(pool, List.of(new CapacityWindow(Instant.EPOCH, null, count))));
            zones.put(region + suffix, java.util.Collections.unmodifiableMap(pools));
        }
        return java.util.Collections.unmodifiableMap(zones);
    }

    /** The windows of one pool in one zone (empty when the zone or pool is not there). */
    public List<CapacityWindow> windows(String region, String zone, String pool) {
        return region(region).getOrDefault(zone, Map.of()).getOrDefault(pool, List.of());
    }

    /** Parses the JSON form; {@link IllegalArgumentException} says what is wrong. */
    public static CapacityInventory parse(JsonNode document) {
        if (document == null || !document.isObject() || !document.path("regions").isObject()) {
            throw new IllegalArgumentException("the inventory must be an object with a \"regions\" object");
        }
        Map<String, Map<String, Map<String, List<CapacityWindow>>>> regions = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> r = document.get("regions").fields(); r.hasNext(); ) {
            Map.Entry<String, JsonNode> region = r.next();
            if (!region.getValue().isObject()) {
                throw new IllegalArgumentException("regions." + region.getKey() + " must be an object of zones");
            }
            if (region.getValue().isEmpty()) {
                throw new IllegalArgumentException("regions." + region.getKey() + " must list at least one zone");
            }
            Map<String, Map<String, List<CapacityWindow>>> zones = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> z = region.getValue().fields(); z.hasNext(); ) {
                Map.Entry<String, JsonNode> zone = z.next();
                String where = "regions." + region.getKey() + "." + zone.getKey();
                if (!ZONE.matcher(zone.getKey()).matches() || zone.getKey().length() > 32) {
                    throw new IllegalArgumentException(where + ": '" + zone.getKey()
                            + "' is not an Availability Zone name such as us-east-1a");
                }
                if (!zone.getValue().isObject()) {
                    throw new IllegalArgumentException(where + " must be an object of instance types");
                }
                Map<String, List<CapacityWindow>> pools = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> p = zone.getValue().fields(); p.hasNext(); ) {
                    Map.Entry<String, JsonNode> pool = p.next();
                    String at = where + "." + pool.getKey();
                    if (!POOL.matcher(pool.getKey()).matches()) {
                        throw new IllegalArgumentException(at + ": '" + pool.getKey() + "' is not an instance type such as ml.p5.48xlarge");
                    }
                    pools.put(pool.getKey(), windowsOf(at, pool.getValue()));
                }
                zones.put(zone.getKey(), pools);
            }
            regions.put(region.getKey(), zones);
        }
        return new CapacityInventory(regions);
    }

    private static List<CapacityWindow> windowsOf(String at, JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(at + " must be an array of {\"from\",\"to\",\"count\"} windows");
        }
        List<CapacityWindow> windows = new ArrayList<>();
        int i = 0;
        for (JsonNode w : node) {
            String wat = at + "[" + i++ + "]";
            if (!w.isObject()) {
                throw new IllegalArgumentException(wat + " must be an object");
            }
            Instant from = instant(wat + ".from", w.get("from"), true);
            Instant to = instant(wat + ".to", w.get("to"), false);
            JsonNode count = w.get("count");
            if (count == null || !count.canConvertToInt() || !count.isIntegralNumber() || count.asInt() < 0) {
                throw new IllegalArgumentException(wat + ".count must be a whole number >= 0");
            }
            if (to != null && !to.isAfter(from)) {
                throw new IllegalArgumentException(wat + ": to must be after from");
            }
            windows.add(new CapacityWindow(from, to, count.asInt()));
        }
        return List.copyOf(windows);
    }

    private static Instant instant(String at, JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw new IllegalArgumentException(at + " is required (an ISO-8601 instant)");
            }
            return null;
        }
        try {
            Instant t = Instant.parse(node.asText());
            if (t.isAfter(LATEST) || t.isBefore(Instant.EPOCH)) {
                throw new IllegalArgumentException(at + " must be between 1970-01-01T00:00:00Z and " + LATEST + ", not '"
                        + node.asText() + "'");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + " must be an ISO-8601 instant such as 2030-01-01T00:00:00Z, not '"
                    + node.asText() + "'");
        }
    }

    /** The JSON form of the regions listed explicitly (the default applies to all others). */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode regionsOut = root.putObject("regions");
        regions.forEach((region, zones) -> {
            ObjectNode zonesOut = regionsOut.putObject(region);
            zones.forEach((zone, pools) -> {
                ObjectNode poolsOut = zonesOut.putObject(zone);
                pools.forEach((pool, windows) -> {
                    ArrayNode list = poolsOut.putArray(pool);
                    for (CapacityWindow w : windows) {
                        ObjectNode wo = list.addObject().put("from", w.from().toString());
                        if (w.to() != null) {
                            wo.put("to", w.to().toString());
                        }
                        wo.put("count", w.count());
                    }
                });
            });
        });
        ObjectNode defaults = root.putObject("defaultZone");
        new LinkedHashMap<>(new TreeMap<>(DEFAULT_ZONE)).forEach(defaults::put);
        return root;
    }
}
