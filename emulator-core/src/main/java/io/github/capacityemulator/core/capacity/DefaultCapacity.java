package io.github.capacityemulator.core.capacity;

import io.github.capacityemulator.core.contract.ApiContract;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default on-demand capacity of each Availability Zone: every instance type the contract's instance-type
 * enums name gets a count from a small table by instance family (CPU types plentiful, the newest GPU types
 * scarce), and the reservable GPU types keep the counts the training plan tests were written against.
 * docs/CAPACITY.md shows the table.
 */
public final class DefaultCapacity {

    /** The enums whose values are instance types something can run on. */
    static final List<String> INSTANCE_TYPE_ENUMS = List.of("ClusterInstanceType", "TrainingInstanceType",
            "ReservedCapacityInstanceType");

    /** Per-type counts that override the family table: the reservable accelerated types. */
    private static final Map<String, Integer> BY_TYPE = Map.ofEntries(
            Map.entry("ml.p4d.24xlarge", 32), Map.entry("ml.p4de.24xlarge", 16),
            Map.entry("ml.p5.4xlarge", 32), Map.entry("ml.p5.48xlarge", 32),
            Map.entry("ml.p5e.48xlarge", 16), Map.entry("ml.p5en.48xlarge", 16),
            Map.entry("ml.trn1.32xlarge", 32), Map.entry("ml.trn2.48xlarge", 16),
            Map.entry("ml.p6-b200.48xlarge", 8), Map.entry("ml.p6-b300.48xlarge", 4),
            Map.entry("ml.p6e-gb200.36xlarge", 18), Map.entry("ml.u-p6e-gb200x72", 2));

    /** Per-family counts; a family is the part between "ml." and the size. */
    private static final Map<String, Integer> BY_FAMILY = byFamily();

    /** Small CPU sizes are the most plentiful: sizes up to 4xlarge get this, larger ones {@link #LARGE_CPU}. */
    static final int SMALL_CPU = 1000;
    static final int LARGE_CPU = 250;
    /** A family the table does not know (a type newer than it): scarce, like the newest accelerated types. */
    static final int UNKNOWN_FAMILY = 8;

    private DefaultCapacity() {
    }

    private static Map<String, Integer> byFamily() {
        Map<String, Integer> m = new TreeMap<>();
        for (String gpu : List.of("g4dn", "g5", "g6", "g6e", "gr6", "p2", "p3", "p3dn")) {
            m.put(gpu, 64);
        }
        for (String newer : List.of("g7", "g7e", "trn1", "trn1n", "p4d", "p5")) {
            m.put(newer, 32);
        }
        for (String newest : List.of("trn2", "p4de", "p5e", "p5en")) {
            m.put(newest, 16);
        }
        for (String scarce : List.of("p6-b200", "p6-b300", "p6e-gb200")) {
            m.put(scarce, 8);
        }
        return Map.copyOf(m);
    }

    /** The family of a CPU or memory type: general purpose, compute, memory, burstable, storage. */
    private static boolean isCpuFamily(String family) {
        return family.matches("(t|m|c|r|i)[0-9][a-z0-9]*");
    }

    /** The default count of one type in one zone. */
    public static int countOf(String instanceType) {
        Integer exact = BY_TYPE.get(instanceType);
        if (exact != null) {
            return exact;
        }
        String[] parts = instanceType.split("\\.");
        String family = parts.length == 3 ? parts[1] : instanceType;
        if (isCpuFamily(family)) {
            String size = parts.length == 3 ? parts[2] : "";
            return size.matches("(medium|large|xlarge|2xlarge|4xlarge)") ? SMALL_CPU : LARGE_CPU;
        }
        return BY_FAMILY.getOrDefault(family, UNKNOWN_FAMILY);
    }

    /** Every instance type of the contract's enums (and each UltraServer type) with its default count. */
    public static Map<String, Integer> perZone(ApiContract contract) {
        Map<String, Integer> zone = new TreeMap<>();
        for (String shape : INSTANCE_TYPE_ENUMS) {
            if (contract.hasShape(shape)) {
                contract.shape(shape).enumValues().forEach(t -> zone.put(t, countOf(t)));
            }
        }
        BY_TYPE.forEach(zone::putIfAbsent);
        return Map.copyOf(zone);
    }
}
