package io.github.capacityemulator.core.contract;

/** The kinds of shape the service model uses. */
public enum ShapeType {
    STRUCTURE, LIST, MAP, STRING, INTEGER, LONG, FLOAT, DOUBLE, BOOLEAN, TIMESTAMP, BLOB;

    static ShapeType of(String modelName) {
        return valueOf(modelName.toUpperCase(java.util.Locale.ROOT));
    }

    boolean isWholeNumber() {
        return this == INTEGER || this == LONG;
    }

    boolean isNumber() {
        return isWholeNumber() || this == FLOAT || this == DOUBLE;
    }
}
