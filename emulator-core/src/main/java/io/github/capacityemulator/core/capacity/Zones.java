package io.github.capacityemulator.core.capacity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Availability Zone names and their AWS zone ids. */
public final class Zones {

    private static final Pattern ZONE = Pattern.compile("([a-z]{2})-([a-z])[a-z]*-(\\d)([a-i])");

    private Zones() {
    }

    /** us-east-1a -> use1-az1, the form of AWS zone ids; null for names of another form. */
    public static String idOf(String zone) {
        Matcher m = ZONE.matcher(zone);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) + m.group(2) + m.group(3) + "-az" + (m.group(4).charAt(0) - 'a' + 1);
    }
}
