package io.github.capacityemulator.core.family;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Operation name -> handler, filled by the families; an operation has one handler. */
public final class HandlerTable {

    private final Map<String, OperationHandler> handlers = new LinkedHashMap<>();

    public void add(String operation, OperationHandler handler) {
        if (handlers.putIfAbsent(operation, handler) != null) {
            throw new IllegalStateException("two handlers for " + operation);
        }
    }

    public Optional<OperationHandler> find(String operation) {
        return Optional.ofNullable(handlers.get(operation));
    }

    public boolean serves(String operation) {
        return handlers.containsKey(operation);
    }
}
