package io.github.capacityemulator.core.capacity;

/** A reserved capacity (a block of a plan) as its consumers see it: current end (extensions included) and status. */
public record ReservedBlock(String arn, String zone, long start, long end, String status) {

    public static final String ACTIVE = "Active";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
