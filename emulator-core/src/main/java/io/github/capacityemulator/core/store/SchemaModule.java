package io.github.capacityemulator.core.store;

import java.util.List;

/** A part of the schema owned by one module (an operation family or shared machinery). */
public interface SchemaModule {

    /** A stable name the module's schema version is recorded under. */
    String schemaName();

    /** Its versions, 1, 2, ... in order. */
    List<Migration> migrations(SqlDialect dialect);

    /** Tables holding emulated state: a reset empties them. */
    List<String> stateTables();
}
