package io.github.capacityemulator.core.store;

import java.sql.SQLException;

/**
 * The order in which writes were accepted, across every family: facts stored in one millisecond (a frozen clock)
 * are replayed in this order, so what a client saw between two of them never changes. Writes are serialized, so
 * the next value is unique; it survives restarts with the rest of the state and is never reset.
 */
public final class AcceptanceSequence {

    private AcceptanceSequence() {
    }

    /** The next place in the order, within the current write. */
    public static long next(Sql sql) throws SQLException {
        sql.update("UPDATE acceptance_sequence SET val = val + 1");
        return sql.one("SELECT val FROM acceptance_sequence", r -> r.longValue(1)).orElseThrow();
    }
}
