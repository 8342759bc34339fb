package io.github.capacityemulator.tools;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the published SageMaker service model and writes the emulator's own contract resource:
 * the emulated operations and every shape they reach, with facts only (no documentation text).
 * Given a source root, it also writes the typed request records generated from that contract
 * ({@link RequestRecordWriter}, package {@code io.github.capacityemulator.core.requests}) and deletes the
 * generated records that are no longer generated.
 *
 * <p>Usage: {@code ContractGenerator <service-2.json> <output contract.json> [<records source root>]}.
 * {@code tools/regenerate-contract.sh} runs it ({@code mvn -pl tools exec:java}) with the contract resource
 * and {@code emulator-core/src/main/java} of the checkout.
 */
public final class ContractGenerator {

    /**
     * Shapes the emulator needs although no emulated operation reaches them yet: the instance-type enums from which
     * the default capacity inventory is derived (every type something can run on gets a count). Those the model
     * has are kept.
     */
    public static final List<String> INVENTORY_SHAPES = List.of("ClusterInstanceType", "TrainingInstanceType",
            "ReservedCapacityInstanceType");

    /** The operations the emulator serves. Every other operation of the model is listed by name only. */
    public static final List<String> EMULATED_OPERATIONS = List.of(
            "SearchTrainingPlanOfferings", "CreateTrainingPlan", "DescribeTrainingPlan", "ListTrainingPlans",
            "ExtendTrainingPlan", "DescribeTrainingPlanExtensionHistory", "DescribeReservedCapacity",
            "ListUltraServersByReservedCapacity", "CreateCluster", "DescribeCluster", "ListClusters",
            "UpdateCluster", "DeleteCluster", "ListClusterNodes", "DescribeClusterNode",
            "BatchDeleteClusterNodes", "BatchRebootClusterNodes", "BatchReplaceClusterNodes",
            "UpdateClusterSoftware", "AddTags", "ListTags", "DeleteTags",
            "CreateTrainingJob", "DescribeTrainingJob", "ListTrainingJobs", "StopTrainingJob", "DeleteTrainingJob");

    /** Shape traits that are facts the emulator needs; everything else (documentation, tags) is dropped. */
    private static final List<String> SCALAR_TRAITS = List.of("min", "max", "pattern", "enum");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ContractGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: ContractGenerator <service-2.json> <output contract.json> [<records source root>]");
            System.exit(2);
        }
        Path model = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String contract = generate(Files.readString(model, StandardCharsets.UTF_8));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, contract, StandardCharsets.UTF_8);
        System.out.println("wrote " + output);
        if (args.length == 3) {
            Path sourceRoot = Path.of(args[2]);
            int records = RequestRecordWriter.writeFiles(sourceRoot, RequestRecordWriter.write(contract));
            System.out.println("wrote " + records + " request records under "
                    + sourceRoot.resolve(RequestRecordWriter.DIRECTORY));
        }
    }

    /** Turns the text of a published model into the text of the contract resource (deterministic). */
    public static String generate(String modelJson) throws IOException {
        JsonNode model = MAPPER.readTree(modelJson);
        JsonNode metadata = model.path("metadata");
        JsonNode operations = model.path("operations");
        JsonNode shapes = model.path("shapes");

        ObjectNode contract = MAPPER.createObjectNode();
        ObjectNode service = contract.putObject("service");
        for (String key : List.of("uid", "apiVersion", "protocol", "jsonVersion", "targetPrefix", "signingName")) {
            service.put(key, metadata.path(key).asText());
        }

        ObjectNode emulated = contract.putObject("operations");
        Deque<String> toVisit = new ArrayDeque<>();
        for (String name : EMULATED_OPERATIONS) {
            JsonNode op = operations.get(name);
            if (op == null) {
                throw new IllegalArgumentException("operation " + name + " is not in the model");
            }
            ObjectNode out = emulated.putObject(name);
            if (op.has("input")) {
                out.put("input", op.path("input").path("shape").asText());
                toVisit.add(out.get("input").asText());
            }
            if (op.has("output")) {
                out.put("output", op.path("output").path("shape").asText());
                toVisit.add(out.get("output").asText());
            }
            ArrayNode errors = out.putArray("errors");
            for (JsonNode error : op.path("errors")) {
                errors.add(error.path("shape").asText());
                toVisit.add(error.path("shape").asText());
            }
        }

        ArrayNode others = contract.putArray("otherOperations");
        new TreeSet<>(iterableNames(operations)).stream()
                .filter(name -> !EMULATED_OPERATIONS.contains(name))
                .forEach(others::add);

        INVENTORY_SHAPES.stream().filter(shapes::has).forEach(toVisit::add);
        String defaultTimestampFormat = "json".equals(metadata.path("protocol").asText()) ? "unixTimestamp" : "iso8601";
        Map<String, ObjectNode> reached = new TreeMap<>();
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            if (reached.containsKey(name)) {
                continue;
            }
            JsonNode shape = shapes.get(name);
            if (shape == null) {
                throw new IllegalArgumentException("shape " + name + " is not in the model");
            }
            reached.put(name, factsOf(shape, defaultTimestampFormat, toVisit));
        }
        ObjectNode shapesOut = contract.putObject("shapes");
        reached.forEach(shapesOut::set);

        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        return MAPPER.writer(printer).writeValueAsString(contract) + "\n";
    }

    private static ObjectNode factsOf(JsonNode shape, String defaultTimestampFormat, Deque<String> toVisit) {
        ObjectNode out = MAPPER.createObjectNode();
        String type = shape.path("type").asText();
        out.put("type", type);
        switch (type) {
            case "structure" -> {
                if (shape.path("union").asBoolean(false)) {
                    out.put("union", true);
                }
                if (shape.path("exception").asBoolean(false)) {
                    out.put("exception", true);
                }
                ArrayNode required = MAPPER.createArrayNode();
                shape.path("required").forEach(required::add);
                if (!required.isEmpty()) {
                    out.set("required", required);
                }
                ArrayNode members = out.putArray("members");
                shape.path("members").fields().forEachRemaining(entry -> {
                    String target = entry.getValue().path("shape").asText();
                    members.addObject().put("name", entry.getKey()).put("shape", target);
                    toVisit.add(target);
                });
            }
            case "list" -> {
                String member = shape.path("member").path("shape").asText();
                out.put("member", member);
                toVisit.add(member);
            }
            case "map" -> {
                String key = shape.path("key").path("shape").asText();
                String value = shape.path("value").path("shape").asText();
                out.put("key", key);
                out.put("value", value);
                toVisit.add(key);
                toVisit.add(value);
            }
            case "timestamp" -> out.put("timestampFormat", shape.path("timestampFormat").asText(defaultTimestampFormat));
            default -> {
                // scalars: only their traits below
            }
        }
        for (String trait : SCALAR_TRAITS) {
            if (shape.has(trait)) {
                out.set(trait, shape.get(trait).deepCopy());
            }
        }
        return out;
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
