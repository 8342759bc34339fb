package io.github.capacityemulator.core.contract;

import static io.github.capacityemulator.core.contract.ConstraintPhrases.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.error.SerializationException;
import io.github.capacityemulator.core.error.ValidationException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks JSON trees against the contract's shapes, the way SageMaker does.
 *
 * <p>Inputs: a value of the wrong JSON type is a {@link SerializationException} (SageMaker fails while
 * reading the body, before it validates); otherwise every violated constraint is collected in member
 * order and reported in one {@link ValidationException}. Unknown input members are ignored, a JSON
 * null reads as absent.
 *
 * <p>Outputs: the same walk, plus unknown members, reported as a list of problems so that a handler
 * that drifts from the model is caught.
 */
public final class ContractValidator {

    private final ApiContract contract;

    public ContractValidator(ApiContract contract) {
        this.contract = contract;
    }

    /** Throws {@link SerializationException} or {@link ValidationException} if the input breaks the contract. */
    public void validateInput(OperationContract operation, JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new SerializationException("Unexpected JSON type at the request body: expected object, found "
                    + jsonTypeOf(input));
        }
        if (operation.input() == null) {
            return;
        }
        Walk walk = new Walk(false);
        walk.structureMembers(contract.shape(operation.input()), input, "");
        if (!walk.typeErrors.isEmpty()) {
            throw new SerializationException(walk.typeErrors.get(0));
        }
        if (!walk.violations.isEmpty()) {
            throw new ValidationException(validationMessage(walk.violations));
        }
    }

    /** Every way in which an output breaks the operation's output shape; empty when it conforms. */
    public List<String> checkOutput(OperationContract operation, JsonNode output) {
        if (operation.output() == null) {
            return List.of();
        }
        if (output == null || !output.isObject()) {
            return List.of("the response body is " + jsonTypeOf(output) + ", not an object");
        }
        Walk walk = new Walk(true);
        walk.structureMembers(contract.shape(operation.output()), output, "");
        List<String> problems = new ArrayList<>(walk.typeErrors);
        problems.addAll(walk.violations);
        return problems;
    }

    static String validationMessage(List<String> violations) {
        int n = violations.size();
        return n + (n == 1 ? " validation error detected: " : " validation errors detected: ")
                + String.join("; ", violations);
    }

    /** One traversal; collects type errors and constraint violations separately. */
    private final class Walk {
        private final boolean output;
        private final List<String> typeErrors = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();

        Walk(boolean output) {
            this.output = output;
        }

        void value(Shape shape, JsonNode node, String path) {
            if (!hasType(shape, node, path)) {
                return;
            }
            switch (shape.type()) {
                case STRUCTURE -> structure(shape, node, path);
                case LIST -> list(shape, node, path);
                case MAP -> map(shape, node, path);
                default -> scalarPhrases(shape, node).forEach(p -> violate(node, path, p));
            }
        }

        void structure(Shape shape, JsonNode node, String path) {
            if (shape.union()) {
                List<String> set = shape.members().stream()
                        .filter(m -> present(node.get(m.name())))
                        .map(Member::name).toList();
                if (set.size() != 1) {
                    violate(node, path, "Member must have exactly one of "
                            + shape.members().stream().map(Member::name).toList() + " set");
                }
            }
            structureMembers(shape, node, path);
        }

        void structureMembers(Shape shape, JsonNode node, String path) {
            for (Member member : shape.members()) {
                String memberPath = path.isEmpty() ? member.pathName() : path + "." + member.pathName();
                JsonNode child = node.get(member.name());
                if (!present(child)) {
                    if (member.required()) {
                        violations.add("Value null at '" + memberPath + "' failed to satisfy constraint: Member must not be null");
                    }
                    continue;
                }
                value(contract.shape(member.shapeName()), child, memberPath);
            }
            if (output) {
                Iterator<String> names = node.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    if (shape.findMember(name).isEmpty()) {
                        typeErrors.add("member '" + name + "' at '" + (path.isEmpty() ? "<root>" : path)
                                + "' is not in shape " + shape.name());
                    }
                }
            }
        }

        void list(Shape shape, JsonNode node, String path) {
            lengthPhrases(shape, node.size()).forEach(p -> violate(node, path, p));
            Shape element = contract.shape(shape.member());
            if (isScalar(element)) {
                // SageMaker reports constraints of scalar list elements once, on the list itself.
                Set<String> phrases = new LinkedHashSet<>();
                for (JsonNode item : node) {
                    if (hasType(element, item, path + ".member")) {
                        phrases.addAll(scalarPhrases(element, item));
                    }
                }
                if (!phrases.isEmpty()) {
                    violate(node, path, "Member must satisfy constraint: " + bracketed(phrases));
                }
                return;
            }
            int index = 1;
            for (JsonNode item : node) {
                String itemPath = path + "." + index++ + ".member";
                if (!present(item)) {
                    violations.add("Value null at '" + itemPath + "' failed to satisfy constraint: Member must not be null");
                    continue;
                }
                value(element, item, itemPath);
            }
        }

        void map(Shape shape, JsonNode node, String path) {
            lengthPhrases(shape, node.size()).forEach(p -> violate(node, path, p));
            Shape keyShape = contract.shape(shape.key());
            Shape valueShape = contract.shape(shape.value());
            Set<String> keyPhrases = new LinkedHashSet<>();
            Set<String> valuePhrases = new LinkedHashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                keyPhrases.addAll(scalarPhrases(keyShape, com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey())));
                JsonNode v = entry.getValue();
                if (!present(v)) {
                    continue;
                }
                if (isScalar(valueShape)) {
                    if (hasType(valueShape, v, path + "." + entry.getKey())) {
                        valuePhrases.addAll(scalarPhrases(valueShape, v));
                    }
                } else {
                    value(valueShape, v, path + "." + entry.getKey());
                }
            }
            if (!keyPhrases.isEmpty()) {
                violate(node, path, "Map keys must satisfy constraint: " + bracketed(keyPhrases));
            }
            if (!valuePhrases.isEmpty()) {
                violate(node, path, "Map value must satisfy constraint: " + bracketed(valuePhrases));
            }
        }

        /** Checks the JSON type; records a type error and answers false when it does not fit. */
        boolean hasType(Shape shape, JsonNode node, String path) {
            String expected = switch (shape.type()) {
                case STRUCTURE, MAP -> node.isObject() ? null : "object";
                case LIST -> node.isArray() ? null : "array";
                case STRING -> node.isTextual() ? null : "string";
                case BOOLEAN -> node.isBoolean() ? null : "boolean";
                case INTEGER -> fitsWhole(node, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)) ? null : "integer";
                case LONG -> fitsWhole(node, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)) ? null : "long";
                case FLOAT, DOUBLE -> node.isNumber() ? null : "number";
                case TIMESTAMP -> node.isNumber() && within(node.decimalValue(), MIN_EPOCH_SECONDS, MAX_EPOCH_SECONDS)
                        ? null : "timestamp (epoch seconds as a JSON number)";
                case BLOB -> node.isTextual() ? null : "base64 string";
            };
            if (expected == null) {
                return true;
            }
            // A whole number too large for the member's type is the right JSON type but out of its range: say so.
            String found = node.isIntegralNumber() && (expected.equals("integer") || expected.equals("long"))
                    ? "an integer out of the " + (expected.equals("integer") ? "32" : "64") + "-bit range"
                    : jsonTypeOf(node);
            typeErrors.add("Unexpected JSON type at '" + path + "': expected " + expected + ", found " + found);
            return false;
        }

        void violate(JsonNode node, String path, String phrase) {
            violations.add("Value '" + render(node) + "' at '" + path + "' failed to satisfy constraint: " + phrase);
        }
    }
}
