package io.github.capacityemulator.core;

import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.store.JsonBodies;
import io.github.capacityemulator.core.store.Store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The emulator clock kept in the store, so that a restart on a data directory resumes it (its position, frozen or
 * not, its rate) instead of going back to real time, behind the facts already stored.
 */
final class StoredClock {

    private static final String NAME = "clock";

    /** The clock's anchor as stored: epoch millis, like every stored fact. */
    record Stored(long anchorReal, long anchorClock, Long frozenAt, double rate) {

        static Stored of(EmulatorClock.Anchor a) {
            return new Stored(a.anchorReal().toEpochMilli(), a.anchorClock().toEpochMilli(),
                    a.frozenAt() == null ? null : a.frozenAt().toEpochMilli(), a.rate());
        }

        EmulatorClock.Anchor anchor() {
            return new EmulatorClock.Anchor(Instant.ofEpochMilli(anchorReal), Instant.ofEpochMilli(anchorClock),
                    frozenAt == null ? null : Instant.ofEpochMilli(frozenAt), rate);
        }
    }

    private StoredClock() {
    }

    /** Takes up the clock stored in {@code store}, if one is. */
    static void resume(Store store, EmulatorClock clock) {
        Optional<String> stored = store.read(sql -> sql.one("SELECT val FROM emulator_meta WHERE name = ?",
                r -> r.string(1), NAME));
        stored.ifPresent(text -> clock.restore(JsonBodies.read(text, Stored.class).anchor()));
    }

    /** Stores where the clock stands now; read under the store's write lock, so the last change is the one kept. */
    static void save(Store store, EmulatorClock clock) {
        store.write(sql -> {
            sql.upsert("emulator_meta", List.of("name"), List.of("name", "val"), NAME,
                    JsonBodies.write(Stored.of(clock.anchor())));
            return null;
        });
    }
}
