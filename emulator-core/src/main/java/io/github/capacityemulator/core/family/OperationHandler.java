package io.github.capacityemulator.core.family;

import io.github.capacityemulator.core.caller.RequestContext;

import com.fasterxml.jackson.databind.JsonNode;

/** Serves one operation: a validated input tree in, an output tree out (or an AwsServiceException). */
@FunctionalInterface
public interface OperationHandler {
    JsonNode handle(RequestContext ctx, JsonNode input);
}
