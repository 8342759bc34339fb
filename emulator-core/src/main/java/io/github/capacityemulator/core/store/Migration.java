package io.github.capacityemulator.core.store;

import java.util.List;

/** One version of a module's schema: statements applied once, in order. Never edit a released one: add the next. */
public record Migration(int version, List<String> statements) {
}
