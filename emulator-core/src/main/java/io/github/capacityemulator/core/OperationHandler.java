package io.github.capacityemulator.core;

import com.fasterxml.jackson.databind.JsonNode;

/** Serves one operation: a validated input tree in, an output tree out (or an AwsServiceException). */
@FunctionalInterface
public interface OperationHandler {
    JsonNode handle(RequestContext ctx, JsonNode input);
}
