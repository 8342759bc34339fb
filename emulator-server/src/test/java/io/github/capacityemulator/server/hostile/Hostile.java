package io.github.capacityemulator.server.hostile;

import java.util.List;

/**
 * What goes at a site instead of its valid value: the values written there (none: left out; two: a duplicate
 * key), what they are, and the answer they must get.
 */
record Hostile(List<RawJson> values, String detail, Expected expected) {

    static Hostile of(RawJson value, String detail, Expected expected) {
        return new Hostile(List.of(value), detail, expected);
    }
}
