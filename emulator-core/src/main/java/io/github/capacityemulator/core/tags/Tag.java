package io.github.capacityemulator.core.tags;

/** A resource tag. */
public record Tag(String key, String value) {
}
