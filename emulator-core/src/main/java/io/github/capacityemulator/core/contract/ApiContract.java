package io.github.capacityemulator.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The emulator's API contract: the resource that tools/ generates from the published service model.
 * Everything the validator and the response checker know about shapes comes from here.
 */
public final class ApiContract {

    public static final String RESOURCE = "/io/github/capacityemulator/core/contract/sagemaker-contract.json";

    private final String targetPrefix;
    private final Map<String, OperationContract> operations;
    private final Set<String> otherOperations;
    private final Map<String, Shape> shapes;

    private ApiContract(String targetPrefix, Map<String, OperationContract> operations,
                        Set<String> otherOperations, Map<String, Shape> shapes) {
        this.targetPrefix = targetPrefix;
        this.operations = Map.copyOf(operations);
        this.otherOperations = Set.copyOf(otherOperations);
        this.shapes = Map.copyOf(shapes);
    }

    private static volatile ApiContract shipped;

    /** The contract shipped with the emulator (read once: it is immutable). */
    public static ApiContract load() {
        ApiContract contract = shipped;
        if (contract == null) {
            contract = read();
            shipped = contract;
        }
        return contract;
    }

    private static ApiContract read() {
        try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("contract resource missing: " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract resource", e);
        }
    }

    /** Builds a contract from the generated JSON form (also used by tests with hand-made shapes). */
    public static ApiContract parse(JsonNode contract) {
        Map<String, OperationContract> operations = new LinkedHashMap<>();
        contract.path("operations").fields().forEachRemaining(e -> {
            List<String> errors = new ArrayList<>();
            e.getValue().path("errors").forEach(err -> errors.add(err.asText()));
            operations.put(e.getKey(), new OperationContract(e.getKey(),
                    textOrNull(e.getValue().get("input")), textOrNull(e.getValue().get("output")), List.copyOf(errors)));
        });
        Set<String> others = new HashSet<>();
        contract.path("otherOperations").forEach(n -> others.add(n.asText()));
        Map<String, Shape> shapes = new LinkedHashMap<>();
        contract.path("shapes").fields().forEachRemaining(e -> shapes.put(e.getKey(), shapeOf(e.getKey(), e.getValue())));
        return new ApiContract(contract.path("service").path("targetPrefix").asText("SageMaker"), operations, others, shapes);
    }

    private static Shape shapeOf(String name, JsonNode node) {
        Set<String> required = new HashSet<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        List<Member> members = new ArrayList<>();
        node.path("members").forEach(m -> members.add(
                new Member(m.path("name").asText(), m.path("shape").asText(), required.contains(m.path("name").asText()))));
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(v -> enumValues.add(v.asText()));
        Pattern pattern = node.has("pattern") ? Pattern.compile(node.get("pattern").asText()) : null;
        return new Shape(name, ShapeType.of(node.path("type").asText()), List.copyOf(members),
                node.path("union").asBoolean(false),
                textOrNull(node.get("member")), textOrNull(node.get("key")), textOrNull(node.get("value")),
                node.has("min") ? node.get("min").decimalValue() : null,
                node.has("max") ? node.get("max").decimalValue() : null,
                pattern, List.copyOf(enumValues), textOrNull(node.get("timestampFormat")));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    public String targetPrefix() {
        return targetPrefix;
    }

    public Optional<OperationContract> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Set<String> emulatedOperations() {
        return operations.keySet();
    }

    /** True for an operation SageMaker has but the emulator does not serve. */
    public boolean isOtherOperation(String name) {
        return otherOperations.contains(name);
    }

    public boolean hasShape(String name) {
        return shapes.containsKey(name);
    }

    public Shape shape(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("no shape " + name + " in the contract");
        }
        return shape;
    }
}
