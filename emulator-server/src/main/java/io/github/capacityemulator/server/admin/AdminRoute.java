package io.github.capacityemulator.server.admin;

/** A row of the admin route table. */
public record AdminRoute(String method, String path, AdminTask task) {
}
