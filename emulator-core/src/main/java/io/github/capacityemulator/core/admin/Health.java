package io.github.capacityemulator.core.admin;

/** What the health endpoint reports. */
public record Health(String status, String version) {
}
