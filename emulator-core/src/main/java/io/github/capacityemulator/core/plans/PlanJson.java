package io.github.capacityemulator.core.plans;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.contract.Timestamps;
import io.github.capacityemulator.core.capacity.CapacityPools;
import io.github.capacityemulator.core.capacity.Zones;


/** Renders plans, offerings, reserved capacities and extensions as SageMaker's output shapes. */
final class PlanJson {

    static final String CURRENCY = "USD";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** DescribeTrainingPlanResponse. */
    static ObjectNode describe(PlanState s) {
        ObjectNode out = summaryFields(s, object());
        out.put("UnhealthyInstanceCount", 0);
        if (s.plan().isUltraServer()) {
            out.put("AvailableSpareInstanceCount", s.spareInstances());
        }
        return out;
    }

    /** TrainingPlanSummary. */
    static ObjectNode summary(PlanState s) {
        return summaryFields(s, object());
    }

    private static ObjectNode summaryFields(PlanState s, ObjectNode out) {
        PlanFacts p = s.plan();
        out.put("TrainingPlanArn", p.arn());
        out.put("TrainingPlanName", p.name());
        out.put("Status", s.status());
        out.put("StatusMessage", s.statusMessage());
        out.put("DurationHours", s.totalMinutes() / 60);
        out.put("DurationMinutes", s.totalMinutes() % 60);
        out.set("StartTime", Timestamps.json(s.startTime()));
        out.set("EndTime", Timestamps.json(s.endTime()));
        out.put("UpfrontFee", p.upfrontFee().toPlainString());
        out.put("CurrencyCode", CURRENCY);
        out.put("TotalInstanceCount", s.totalInstances());
        out.put("AvailableInstanceCount", s.availableInstances());
        out.put("InUseInstanceCount", s.inUseInstances());
        if (p.isUltraServer()) {
            out.put("TotalUltraServerCount", p.ultraServerCount());
        }
        ArrayNode targets = out.putArray("TargetResources");
        p.targetResources().forEach(targets::add);
        ArrayNode summaries = out.putArray("ReservedCapacitySummaries");
        s.blocks().forEach(b -> summaries.add(reservedCapacitySummary(s, b)));
        return out;
    }

    /** ReservedCapacitySummary. */
    static ObjectNode reservedCapacitySummary(PlanState s, PlanState.BlockState b) {
        ObjectNode out = object();
        PlanFacts p = s.plan();
        out.put("ReservedCapacityArn", b.facts().arn());
        out.put("ReservedCapacityType", p.isUltraServer() ? "UltraServer" : "Instance");
        if (p.isUltraServer()) {
            out.put("UltraServerType", p.ultraServerType());
            out.put("UltraServerCount", p.ultraServerCount());
        }
        out.put("InstanceType", p.instanceType());
        out.put("TotalInstanceCount", p.instancesPerBlock());
        out.put("Status", b.status());
        out.put("AvailabilityZone", b.facts().zone());
        String zoneId = zoneId(b.facts().zone());
        if (zoneId != null) {
            out.put("AvailabilityZoneId", zoneId);
        }
        putDuration(out, b.durationMillis());
        out.set("StartTime", Timestamps.json(b.facts().start()));
        out.set("EndTime", Timestamps.json(b.end()));
        return out;
    }

    /** DescribeReservedCapacityResponse. */
    static ObjectNode describeReservedCapacity(PlanState s, PlanState.BlockState b) {
        PlanFacts p = s.plan();
        ObjectNode out = object();
        out.put("ReservedCapacityArn", b.facts().arn());
        out.put("ReservedCapacityType", p.isUltraServer() ? "UltraServer" : "Instance");
        out.put("Status", b.status());
        out.put("AvailabilityZone", b.facts().zone());
        putDuration(out, b.durationMillis());
        out.set("StartTime", Timestamps.json(b.facts().start()));
        out.set("EndTime", Timestamps.json(b.end()));
        out.put("InstanceType", p.instanceType());
        out.put("TotalInstanceCount", p.instancesPerBlock());
        out.put("AvailableInstanceCount", s.available(b));
        out.put("InUseInstanceCount", s.inUse(b));
        if (p.isUltraServer()) {
            ObjectNode us = out.putObject("UltraServerSummary");
            us.put("UltraServerType", p.ultraServerType());
            us.put("InstanceType", p.instanceType());
            us.put("UltraServerCount", p.ultraServerCount());
            us.put("AvailableSpareInstanceCount", s.spareInstances());
            us.put("UnhealthyInstanceCount", 0);
        }
        return out;
    }

    /** TrainingPlanOffering. */
    static ObjectNode offering(OfferingFacts o) {
        ObjectNode out = object();
        out.put("TrainingPlanOfferingId", o.id());
        ArrayNode targets = out.putArray("TargetResources");
        o.targetResources().forEach(targets::add);
        if (o.requestedStartTimeAfter() != null) {
            out.set("RequestedStartTimeAfter", Timestamps.json(o.requestedStartTimeAfter()));
        }
        if (o.requestedEndTimeBefore() != null) {
            out.set("RequestedEndTimeBefore", Timestamps.json(o.requestedEndTimeBefore()));
        }
        long totalMillis = o.blocks().stream().mapToLong(b -> b.end() - b.start()).sum();
        putDuration(out, totalMillis);
        out.put("UpfrontFee", o.upfrontFee().toPlainString());
        out.put("CurrencyCode", CURRENCY);
        ArrayNode blocks = out.putArray("ReservedCapacityOfferings");
        for (OfferingFacts.Block b : o.blocks()) {
            ObjectNode rc = blocks.addObject();
            rc.put("ReservedCapacityType", o.ultraServerType() != null ? "UltraServer" : "Instance");
            if (o.ultraServerType() != null) {
                rc.put("UltraServerType", o.ultraServerType());
                rc.put("UltraServerCount", o.ultraServerCount());
            }
            rc.put("InstanceType", o.instanceType());
            rc.put("InstanceCount", o.instancesPerBlock());
            rc.put("AvailabilityZone", b.zone());
            putDuration(rc, b.end() - b.start());
            rc.set("StartTime", Timestamps.json(b.start()));
            rc.set("EndTime", Timestamps.json(b.end()));
        }
        return out;
    }

    /** TrainingPlanExtensionOffering. */
    static ObjectNode extensionOffering(OfferingFacts o) {
        OfferingFacts.Block b = o.blocks().get(0);
        ObjectNode out = object();
        out.put("TrainingPlanExtensionOfferingId", o.id());
        out.put("AvailabilityZone", b.zone());
        out.set("StartDate", Timestamps.json(b.start()));
        out.set("EndDate", Timestamps.json(b.end()));
        out.put("DurationHours", o.durationHours());
        out.put("UpfrontFee", o.upfrontFee().toPlainString());
        out.put("CurrencyCode", CURRENCY);
        return out;
    }

    /** TrainingPlanExtension, its status following its payment and then its days. */
    static ObjectNode extension(ExtensionFacts e, long now) {
        ObjectNode out = object();
        out.put("TrainingPlanExtensionOfferingId", e.offeringId());
        out.set("ExtendedAt", Timestamps.json(e.extendedAt()));
        out.set("StartDate", Timestamps.json(e.start()));
        out.set("EndDate", Timestamps.json(e.end()));
        String payment = now < e.paymentDueAt() ? "Pending" : e.paymentFailed() ? "Failed" : "Completed";
        out.put("Status", switch (payment) {
            case "Pending" -> PlanState.PENDING;
            case "Failed" -> PlanState.FAILED;
            default -> PlanState.timeStatus(e.start(), e.end(), now);
        });
        out.put("PaymentStatus", payment);
        out.put("AvailabilityZone", e.zone());
        String zoneId = zoneId(e.zone());
        if (zoneId != null) {
            out.put("AvailabilityZoneId", zoneId);
        }
        out.put("DurationHours", e.durationHours());
        out.put("UpfrontFee", e.upfrontFee().toPlainString());
        out.put("CurrencyCode", CURRENCY);
        return out;
    }

    /** UltraServer entries of an UltraServer reserved capacity. */
    /**
     * UltraServerSummary of the {@code index}-th UltraServer of a block: the block's use fills UltraServers in order,
     * each up to its instances less its spares.
     */
    static ObjectNode ultraServer(PlanState s, PlanState.BlockState b, int index, String id) {
        PlanFacts p = s.plan();
        int size = CapacityPools.ultraServer(p.ultraServerType()).orElseThrow().instancesPerUltraServer();
        boolean active = b.status().equals(PlanState.ACTIVE);
        ObjectNode out = object();
        out.put("UltraServerId", id);
        out.put("UltraServerType", p.ultraServerType());
        out.put("AvailabilityZone", b.facts().zone());
        out.put("InstanceType", p.instanceType());
        out.put("TotalInstanceCount", size);
        out.put("ConfiguredSpareInstanceCount", p.sparePerUltraServer());
        int usable = size - p.sparePerUltraServer();
        int inUse = Math.max(0, Math.min(usable, s.inUse(b) - index * usable));
        out.put("AvailableInstanceCount", active ? usable - inUse : 0);
        out.put("InUseInstanceCount", inUse);
        out.put("AvailableSpareInstanceCount", p.sparePerUltraServer());
        out.put("UnhealthyInstanceCount", 0);
        out.put("HealthStatus", "OK");
        return out;
    }

    private static void putDuration(ObjectNode out, long millis) {
        long minutes = millis / 60_000;
        out.put("DurationHours", minutes / 60);
        out.put("DurationMinutes", minutes % 60);
    }

    static String zoneId(String zone) {
        return Zones.idOf(zone);
    }
}
