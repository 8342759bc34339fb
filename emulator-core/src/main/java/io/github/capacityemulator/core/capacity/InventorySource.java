package io.github.capacityemulator.core.capacity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/** The inventory in force: the start-up one until the admin API replaces it; reset restores it. */
public final class InventorySource {

    /** An inventory and a fingerprint of its content, which quotes are keyed on. */
    public record Current(CapacityInventory inventory, String fingerprint) {
    }

    private final Current startUp;
    private final AtomicReference<Current> current;

    public InventorySource(CapacityInventory startUp) {
        this.startUp = of(startUp);
        this.current = new AtomicReference<>(this.startUp);
    }

    public Current current() {
        return current.get();
    }

    public void replace(CapacityInventory inventory) {
        current.set(of(inventory));
    }

    public void reset() {
        current.set(startUp);
    }

    private static Current of(CapacityInventory inventory) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(inventory.toJson().toString().getBytes(StandardCharsets.UTF_8));
            return new Current(inventory, HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
