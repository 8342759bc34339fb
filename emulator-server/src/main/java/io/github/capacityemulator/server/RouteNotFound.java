package io.github.capacityemulator.server;

import io.github.capacityemulator.core.error.UnknownOperationException;

/** A path or method the API does not serve: the AWS envelope, answered with 404. */
final class RouteNotFound extends UnknownOperationException {
    RouteNotFound(String message) {
        super(message);
    }
}
