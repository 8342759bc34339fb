package io.github.capacityemulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.Store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The emulator clock kept in the store, so that a restart on a data directory resumes it (its position, frozen or
 * not, its rate) instead of going back to real time, behind the facts already stored.
 */
final class StoredClock {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "clock";

    private StoredClock() {
    }

    /** Takes up the clock stored in {@code store}, if one is. */
    static void resume(Store store, EmulatorClock clock) {
        Optional<String> stored = store.read(sql -> sql.one("SELECT val FROM emulator_meta WHERE name = ?",
                r -> r.string(1), NAME));
        stored.ifPresent(text -> clock.restore(parse(text)));
    }

    /** Stores where the clock stands now; read under the store's write lock, so the last change is the one kept. */
    static void save(Store store, EmulatorClock clock) {
        store.write(sql -> {
            write(sql, clock.anchor());
            return null;
        });
    }

    private static void write(Sql sql, EmulatorClock.Anchor a) throws SQLException {
        ObjectNode out = JSON.createObjectNode().put("anchorReal", a.anchorReal().toString())
                .put("anchorClock", a.anchorClock().toString()).put("rate", a.rate());
        if (a.frozenAt() != null) {
            out.put("frozenAt", a.frozenAt().toString());
        }
        sql.upsert("emulator_meta", List.of("name"), List.of("name", "val"), NAME, out.toString());
    }

    private static EmulatorClock.Anchor parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return new EmulatorClock.Anchor(Instant.parse(n.get("anchorReal").asText()),
                    Instant.parse(n.get("anchorClock").asText()),
                    n.hasNonNull("frozenAt") ? Instant.parse(n.get("frozenAt").asText()) : null, n.get("rate").asDouble());
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("the clock stored in the data directory cannot be read: " + text, e);
        }
    }
}
