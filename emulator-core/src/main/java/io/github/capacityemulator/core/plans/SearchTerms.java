package io.github.capacityemulator.core.plans;

import io.github.capacityemulator.core.capacity.CapacityBlock;
import io.github.capacityemulator.core.capacity.CapacityPools;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.requests.SearchTrainingPlanOfferingsRequest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A SearchTrainingPlanOfferings request read against the service's rules that the model does not express:
 * what is required in practice, allowed instance counts, whole days of 1 to 182, the 8-week horizon and
 * the 24-hour minimum window. Each broken rule is a ValidationException saying what is allowed.
 */
record SearchTerms(List<String> targetResources, String pool, String instanceType, int instancesPerBlock,
                   String ultraServerType, Integer ultraServerCount, int days, Instant earliestStart,
                   Instant endBefore, Long requestedStartAfter, Long requestedEndBefore) {

    static final Set<Integer> INSTANCE_COUNTS = Set.of(1, 2, 4, 8, 16, 32, 64);
    static final int MAX_DAYS = 182;
    static final Duration MAX_AHEAD = Duration.ofDays(56);
    static final Duration EARLIEST_LEAD = Duration.ofMinutes(30);
    /** The model's SageMakerResourceName values: plans for all four are searched, bought and run their lifecycle. */
    static final List<String> TARGETS = List.of("training-job", "hyperpod-cluster", "endpoint", "studio-apps");

    static SearchTerms of(SearchTrainingPlanOfferingsRequest in, Instant now) {
        if (in.durationHours() == null) {
            throw new ValidationException("DurationHours is required when TrainingPlanArn is not specified.");
        }
        if (in.targetResources() == null) {
            throw new ValidationException("TargetResources is required when TrainingPlanArn is not specified.");
        }
        Set<String> targets = new LinkedHashSet<>(in.targetResources());
        if (targets.size() != 1) {
            throw new ValidationException("TargetResources must name exactly one target resource, one of "
                    + TARGETS + "; got " + targets + ".");
        }

        boolean instance = in.instanceType() != null || in.instanceCount() != null;
        boolean ultra = in.ultraServerType() != null || in.ultraServerCount() != null;
        if (instance == ultra) {
            throw new ValidationException("Specify either InstanceType and InstanceCount, or UltraServerType and "
                    + "UltraServerCount" + (instance ? ", not both." : "."));
        }
        String pool;
        String instanceType;
        int instances;
        String ultraServerType = null;
        Integer ultraServerCount = null;
        if (instance) {
            require(in.instanceType(), "InstanceType", "InstanceCount");
            require(in.instanceCount(), "InstanceCount", "InstanceType");
            instanceType = in.instanceType();
            instances = in.instanceCount();
            if (!INSTANCE_COUNTS.contains(instances)) {
                throw new ValidationException("InstanceCount must be one of "
                        + new TreeSet<>(INSTANCE_COUNTS) + "; got " + instances + ".");
            }
            pool = instanceType;
        } else {
            require(in.ultraServerType(), "UltraServerType", "UltraServerCount");
            require(in.ultraServerCount(), "UltraServerCount", "UltraServerType");
            ultraServerType = in.ultraServerType();
            CapacityPools.UltraServerType type = CapacityPools.ultraServer(ultraServerType).orElseThrow(() ->
                    new ValidationException("UltraServerType must be one of "
                            + new TreeSet<>(CapacityPools.ULTRA_SERVERS.keySet()) + "; got "
                            + in.ultraServerType() + "."));
            ultraServerCount = in.ultraServerCount();
            int most = 256 / type.instancesPerUltraServer();
            if (ultraServerCount > most) {
                throw new ValidationException("UltraServerCount must be at most " + most + " for " + ultraServerType
                        + " (" + type.instancesPerUltraServer() + " instances each); got " + ultraServerCount + ".");
            }
            instanceType = type.instanceType();
            instances = ultraServerCount * type.instancesPerUltraServer();
            pool = ultraServerType;
        }

        int days = daysOf(in.durationHours());

        Instant startAfter = in.startTimeAfter();
        Instant endBefore = in.endTimeBefore();
        if (startAfter != null && !startAfter.isAfter(now)) {
            throw new ValidationException("StartTimeAfter must be in the future; got " + startAfter
                    + ", and the time now is " + now + ".");
        }
        if (startAfter != null && startAfter.isAfter(now.plus(MAX_AHEAD))) {
            throw new ValidationException("StartTimeAfter must be at most 8 weeks (56 days) ahead, no later than "
                    + now.plus(MAX_AHEAD) + "; got " + startAfter + ".");
        }
        Instant windowStart = startAfter != null ? startAfter : now;
        if (endBefore != null && endBefore.isBefore(windowStart.plus(Duration.ofHours(24)))) {
            throw new ValidationException("EndTimeBefore must be at least 24 hours after "
                    + (startAfter != null ? "StartTimeAfter" : "the current time") + "; got " + endBefore + ".");
        }
        Instant earliest = startAfter != null ? ceilHour(startAfter) : ceilHour(now.plus(EARLIEST_LEAD));
        return new SearchTerms(List.copyOf(targets), pool, instanceType, instances, ultraServerType, ultraServerCount,
                days, earliest, endBefore, startAfter == null ? null : startAfter.toEpochMilli(),
                endBefore == null ? null : endBefore.toEpochMilli());
    }

    /** DurationHours rounded up to whole days, which must be 1 to 182. */
    static int daysOf(long durationHours) {
        long days = (durationHours + 23) / 24;
        if (days < 1 || days > MAX_DAYS) {
            throw new ValidationException("DurationHours must be at most " + MAX_DAYS * 24
                    + " (" + MAX_DAYS + " days); training plans last whole days, from 1 to "
                    + MAX_DAYS + "; got " + durationHours + ".");
        }
        return (int) days;
    }

    private static void require(Object value, String member, String with) {
        if (value == null) {
            throw new ValidationException(member + " is required with " + with + ".");
        }
    }

    private static Instant ceilHour(Instant t) {
        long s = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(((s + 3599) / 3600) * 3600);
    }

    /** Training-job offerings may span zones; HyperPod ones stay in one, and so (the emulator's choice) do the rest. */
    boolean singleZone() {
        return !targetResources.contains("training-job");
    }

    int units() {
        return ultraServerType != null ? ultraServerCount : instancesPerBlock;
    }

    OfferingFacts offering(String id, List<CapacityBlock> blocks) {
        BigDecimal fee = BigDecimal.ZERO;
        for (CapacityBlock b : blocks) {
            fee = fee.add(Fees.fee(instanceType, instancesPerBlock, b.duration()));
        }
        return new OfferingFacts(id, false, targetResources, pool, instanceType, instancesPerBlock, ultraServerType,
                ultraServerCount, blocks.stream().map(b -> new OfferingFacts.Block(b.zone(), b.start().toEpochMilli(),
                b.end().toEpochMilli())).toList(), fee, requestedStartAfter, requestedEndBefore, null, null, null);
    }
}
