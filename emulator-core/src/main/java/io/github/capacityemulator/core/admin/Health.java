package io.github.capacityemulator.core.admin;

/** What the health endpoint reports; {@code checkResponses}: whether responses are checked against the model. */
public record Health(String status, String version, boolean checkResponses) {
}
