package io.github.capacityemulator.core;

import io.github.capacityemulator.core.store.Store;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;

/** Secrets kept in the store, so that tokens issued before a restart with --data-dir stay valid. */
final class StoreSecrets {

    private StoreSecrets() {
    }

    static byte[] pageTokenKey(Store store) {
        return store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT val FROM emulator_meta WHERE name = 'page_token_key'");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return HexFormat.of().parseHex(rs.getString(1));
                }
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO emulator_meta (name, val) VALUES ('page_token_key', ?)")) {
                ps.setString(1, HexFormat.of().formatHex(key));
                ps.executeUpdate();
            }
            return key;
        });
    }
}
