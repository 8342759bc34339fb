package io.github.capacityemulator.core.plans;

/** One bought block of a plan (a reserved capacity): its ARN, zone and times (epoch millis). */
public record BlockFacts(String arn, String planName, int position, String zone, long start, long end) {
}
