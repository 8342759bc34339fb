package io.github.capacityemulator.tools;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** The Java type of each contract shape in the request records, and the expression that reads it. */
final class RecordTypes {

    private final JsonNode shapes;

    RecordTypes(JsonNode shapes) {
        this.shapes = shapes;
    }

    JsonNode shape(String name) {
        JsonNode shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("shape " + name + " is not in the contract");
        }
        return shape;
    }

    /** The Java type of the shape, adding the imports it needs. */
    String javaType(String shapeName, Set<String> imports) {
        JsonNode shape = shape(shapeName);
        return switch (shape.path("type").asText()) {
            case "string", "blob" -> "String";
            case "integer" -> "Integer";
            case "long" -> "Long";
            case "boolean" -> "Boolean";
            case "float", "double" -> "Double";
            case "timestamp" -> imported("java.time.Instant", imports);
            case "list" -> imported("java.util.List", imports)
                    + "<" + javaType(shape.path("member").asText(), imports) + ">";
            case "map" -> imported("java.util.Map", imports)
                    + "<String, " + javaType(shape.path("value").asText(), imports) + ">";
            case "structure" -> shapeName;
            default -> "JsonNode";
        };
    }

    private static String imported(String qualifiedName, Set<String> imports) {
        imports.add(qualifiedName);
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    /** The expression that reads {@code value} (a JSON node expression) as the shape. */
    String read(String shapeName, String value) {
        return read(shapeName, value, 1);
    }

    private String read(String shapeName, String value, int depth) {
        JsonNode shape = shape(shapeName);
        return switch (shape.path("type").asText()) {
            case "list" -> "JsonReads.list(" + value + ", " + reader(shape.path("member").asText(), depth) + ")";
            case "map" -> "JsonReads.map(" + value + ", " + reader(shape.path("value").asText(), depth) + ")";
            case "structure" -> shapeName + ".from(" + value + ")";
            default -> "JsonReads." + scalarReader(shapeName, shape) + "(" + value + ")";
        };
    }

    /** A function from a JSON node to the shape's value: a method reference, or a lambda for nested collections. */
    private String reader(String shapeName, int depth) {
        JsonNode shape = shape(shapeName);
        return switch (shape.path("type").asText()) {
            case "list", "map" -> "v" + depth + " -> " + read(shapeName, "v" + depth, depth + 1);
            case "structure" -> shapeName + "::from";
            default -> "JsonReads::" + scalarReader(shapeName, shape);
        };
    }

    private static String scalarReader(String shapeName, JsonNode shape) {
        return switch (shape.path("type").asText()) {
            case "string", "blob" -> "string";
            case "integer" -> "integer";
            case "long" -> "lng";
            case "boolean" -> "bool";
            case "float", "double" -> "dbl";
            case "timestamp" -> {
                String format = shape.path("timestampFormat").asText("unixTimestamp");
                if (!"unixTimestamp".equals(format)) {
                    throw new IllegalArgumentException("timestamp shape " + shapeName + " has format " + format
                            + "; JsonReads.instant reads epoch seconds only");
                }
                yield "instant";
            }
            default -> "node";
        };
    }
}
