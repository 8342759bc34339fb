package io.github.capacityemulator.core.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.Timestamps;
import io.github.capacityemulator.core.capacity.CapacityBlock;
import io.github.capacityemulator.core.capacity.CapacityPools;
import io.github.capacityemulator.core.error.ValidationException;

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

    static SearchTerms of(JsonNode in, Instant now) {
        if (!in.hasNonNull("DurationHours")) {
            throw new ValidationException("DurationHours is required when TrainingPlanArn is not specified.");
        }
        if (!in.hasNonNull("TargetResources")) {
            throw new ValidationException("TargetResources is required when TrainingPlanArn is not specified.");
        }
        Set<String> targets = new LinkedHashSet<>();
        in.get("TargetResources").forEach(t -> targets.add(t.asText()));
        for (String t : targets) {
            if (!TrainingPlanService.TARGETS.contains(t)) {
                throw new ValidationException("TargetResources value '" + t + "' is not supported by this emulator;"
                        + " use one of " + TrainingPlanService.TARGETS + ".");
            }
        }
        if (targets.size() != 1) {
            throw new ValidationException("TargetResources must name exactly one target resource, one of "
                    + TrainingPlanService.TARGETS + "; got " + targets + ".");
        }

        boolean instance = in.hasNonNull("InstanceType") || in.hasNonNull("InstanceCount");
        boolean ultra = in.hasNonNull("UltraServerType") || in.hasNonNull("UltraServerCount");
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
            require(in, "InstanceType", "InstanceCount");
            require(in, "InstanceCount", "InstanceType");
            instanceType = in.get("InstanceType").asText();
            instances = in.get("InstanceCount").asInt();
            if (!TrainingPlanService.INSTANCE_COUNTS.contains(instances)) {
                throw new ValidationException("InstanceCount must be one of "
                        + new TreeSet<>(TrainingPlanService.INSTANCE_COUNTS) + "; got " + instances + ".");
            }
            pool = instanceType;
        } else {
            require(in, "UltraServerType", "UltraServerCount");
            require(in, "UltraServerCount", "UltraServerType");
            ultraServerType = in.get("UltraServerType").asText();
            CapacityPools.UltraServerType type = CapacityPools.ultraServer(ultraServerType).orElseThrow(() ->
                    new ValidationException("UltraServerType must be one of "
                            + new TreeSet<>(CapacityPools.ULTRA_SERVERS.keySet()) + "; got "
                            + in.get("UltraServerType").asText() + "."));
            ultraServerCount = in.get("UltraServerCount").asInt();
            int most = 256 / type.instancesPerUltraServer();
            if (ultraServerCount > most) {
                throw new ValidationException("UltraServerCount must be at most " + most + " for " + ultraServerType
                        + " (" + type.instancesPerUltraServer() + " instances each); got " + ultraServerCount + ".");
            }
            instanceType = type.instanceType();
            instances = ultraServerCount * type.instancesPerUltraServer();
            pool = ultraServerType;
        }

        int days = daysOf(in.get("DurationHours").asLong());

        Instant startAfter = in.hasNonNull("StartTimeAfter") ? Timestamps.read(in.get("StartTimeAfter")) : null;
        Instant endBefore = in.hasNonNull("EndTimeBefore") ? Timestamps.read(in.get("EndTimeBefore")) : null;
        if (startAfter != null && !startAfter.isAfter(now)) {
            throw new ValidationException("StartTimeAfter must be in the future; got " + startAfter
                    + ", and the time now is " + now + ".");
        }
        if (startAfter != null && startAfter.isAfter(now.plus(TrainingPlanService.MAX_AHEAD))) {
            throw new ValidationException("StartTimeAfter must be at most 8 weeks (56 days) ahead, no later than "
                    + now.plus(TrainingPlanService.MAX_AHEAD) + "; got " + startAfter + ".");
        }
        Instant windowStart = startAfter != null ? startAfter : now;
        if (endBefore != null && endBefore.isBefore(windowStart.plus(Duration.ofHours(24)))) {
            throw new ValidationException("EndTimeBefore must be at least 24 hours after "
                    + (startAfter != null ? "StartTimeAfter" : "the current time") + "; got " + endBefore + ".");
        }
        Instant earliest = startAfter != null ? ceilHour(startAfter) : ceilHour(now.plus(TrainingPlanService.EARLIEST_LEAD));
        return new SearchTerms(List.copyOf(targets), pool, instanceType, instances, ultraServerType, ultraServerCount,
                days, earliest, endBefore, startAfter == null ? null : startAfter.toEpochMilli(),
                endBefore == null ? null : endBefore.toEpochMilli());
    }

    /** DurationHours rounded up to whole days, which must be 1 to 182. */
    static int daysOf(long durationHours) {
        long days = (durationHours + 23) / 24;
        if (days < 1 || days > TrainingPlanService.MAX_DAYS) {
            throw new ValidationException("DurationHours must be at most " + TrainingPlanService.MAX_DAYS * 24
                    + " (" + TrainingPlanService.MAX_DAYS + " days); training plans last whole days, from 1 to "
                    + TrainingPlanService.MAX_DAYS + "; got " + durationHours + ".");
        }
        return (int) days;
    }

    private static void require(JsonNode in, String member, String with) {
        if (!in.hasNonNull(member)) {
            throw new ValidationException(member + " is required with " + with + ".");
        }
    }

    private static Instant ceilHour(Instant t) {
        long s = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(((s + 3599) / 3600) * 3600);
    }

    /** HyperPod offerings stay in one zone; training-job offerings may span zones. */
    boolean singleZone() {
        return !targetResources.contains("training-job");
    }

    int units() {
        return ultraServerType != null ? ultraServerCount : instancesPerBlock;
    }

    OfferingFacts offering(String id, List<CapacityBlock> blocks) {
        BigDecimal fee = BigDecimal.ZERO;
        for (CapacityBlock b : blocks) {
            fee = fee.add(TrainingPlanService.fee(instanceType, instancesPerBlock, b.duration()));
        }
        return new OfferingFacts(id, false, targetResources, pool, instanceType, instancesPerBlock, ultraServerType,
                ultraServerCount, blocks.stream().map(b -> new OfferingFacts.Block(b.zone(), b.start().toEpochMilli(),
                b.end().toEpochMilli())).toList(), fee, requestedStartAfter, requestedEndBefore, null, null, null);
    }
}
