package io.github.capacityemulator.core.faults;

/** A fault rule in force, with how often it has fired. */
public record FaultRule(String id, FaultSpec spec, int fired, Integer remaining) {
}
