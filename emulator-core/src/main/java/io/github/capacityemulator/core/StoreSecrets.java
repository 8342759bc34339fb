package io.github.capacityemulator.core;

import io.github.capacityemulator.core.store.Store;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/** Secrets kept in the store, so that tokens issued before a restart with --data-dir stay valid. */
final class StoreSecrets {

    private StoreSecrets() {
    }

    static byte[] pageTokenKey(Store store) {
        return store.write(sql -> {
            var stored = sql.one("SELECT val FROM emulator_meta WHERE name = 'page_token_key'", r -> r.string(1));
            if (stored.isPresent()) {
                return HexFormat.of().parseHex(stored.get());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            sql.upsert("emulator_meta", List.of("name"), List.of("name", "val"), "page_token_key",
                    HexFormat.of().formatHex(key));
            return key;
        });
    }
}
