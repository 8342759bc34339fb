package io.github.capacityemulator.core.capacity;

/**
 * What a capacity hold is for, as real columns: a kind of owner, its id and a part of it (e.g. a cluster's ARN
 * and one instance group's name; "" where the owner has no parts). Holds are released by owner, never by an
 * id pattern.
 */
public record HoldOwner(String kind, String id, String part) {

    public HoldOwner {
        part = part == null ? "" : part;
    }

    public static HoldOwner of(String kind, String id) {
        return new HoldOwner(kind, id, "");
    }
}
