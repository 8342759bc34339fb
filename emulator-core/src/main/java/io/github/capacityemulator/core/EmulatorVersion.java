package io.github.capacityemulator.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The emulator's version, as Maven stamped it into a resource. */
public final class EmulatorVersion {

    private static final String VERSION = read();

    private EmulatorVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = EmulatorVersion.class.getResourceAsStream("emulator-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
