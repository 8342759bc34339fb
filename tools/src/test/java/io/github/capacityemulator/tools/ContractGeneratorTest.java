package io.github.capacityemulator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ContractGeneratorTest {

    private static final Path COMMITTED = Path.of(
            "../emulator-core/src/main/resources/io/github/capacityemulator/core/contract/sagemaker-contract.json");

    /** emulator-core's source root, where the generated request records are committed. */
    private static final Path RECORDS_ROOT = Path.of("../emulator-core/src/main/java");

    /** The one hand-written file of the records' package. */
    private static final String HAND_WRITTEN = "JsonReads.java";

    private static Path modelPath() {
        String configured = System.getProperty("sagemaker.model");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("SAGEMAKER_MODEL");
        }
        return configured == null || configured.isBlank() ? null : Path.of(configured);
    }

    @Test
    void committedContractIsExactlyWhatTheGeneratorWritesFromTheReferenceModel() throws Exception {
        String regenerated = ContractGenerator.generate(Files.readString(requireModel(), StandardCharsets.UTF_8));
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        assertThat(committed)
                .as("committed contract differs from a fresh generation; run tools/regenerate-contract.sh")
                .isEqualTo(regenerated);
    }

    @Test
    void committedRequestRecordsAreExactlyWhatTheWriterWritesFromAFreshContract() throws Exception {
        String contract = ContractGenerator.generate(Files.readString(requireModel(), StandardCharsets.UTF_8));
        assertThat(differencesFromCommittedRecords(RequestRecordWriter.write(contract)))
                .as("committed request records differ from a fresh generation; run tools/regenerate-contract.sh")
                .isEmpty();
    }

    /** Runs without the model too: the records are a function of the committed contract. */
    @Test
    void committedRequestRecordsAreExactlyWhatTheWriterWritesFromTheCommittedContract() throws Exception {
        String contract = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        assertThat(differencesFromCommittedRecords(RequestRecordWriter.write(contract)))
                .as("committed request records differ from a generation from the committed contract;"
                        + " run tools/regenerate-contract.sh")
                .isEmpty();
    }

    @Test
    void everyEmulatedOperationWithAnInputHasItsRecord() throws Exception {
        String text = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        JsonNode contract = new ObjectMapper().readTree(text);
        SortedMap<String, String> records = RequestRecordWriter.write(text);
        for (String operation : ContractGenerator.EMULATED_OPERATIONS) {
            JsonNode input = contract.path("operations").path(operation).get("input");
            if (input != null) {
                assertThat(records).as(operation).containsKey(
                        RequestRecordWriter.DIRECTORY + "/" + input.asText() + ".java");
            }
        }
    }

    /** Every way the committed package differs from the generated files: missing, stale or changed files. */
    private static List<String> differencesFromCommittedRecords(SortedMap<String, String> generated) throws Exception {
        Map<String, String> committed = new TreeMap<>();
        try (Stream<Path> files = Files.list(RECORDS_ROOT.resolve(RequestRecordWriter.DIRECTORY))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!file.getFileName().toString().equals(HAND_WRITTEN)) {
                    committed.put(RequestRecordWriter.DIRECTORY + "/" + file.getFileName(),
                            Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        List<String> differences = new ArrayList<>();
        generated.forEach((path, text) -> {
            String old = committed.get(path);
            if (old == null) {
                differences.add("not committed: " + path);
            } else if (!old.equals(text)) {
                differences.add("differs: " + path + " " + firstDifference(old, text));
            }
        });
        committed.keySet().stream().filter(path -> !generated.containsKey(path))
                .forEach(path -> differences.add("no longer generated: " + path));
        return differences;
    }

    private static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end>";
            String right = i < b.length ? b[i] : "<end>";
            if (!left.equals(right)) {
                return "at line " + (i + 1) + ": committed [" + left + "], generated [" + right + "]";
            }
        }
        return "(line endings)";
    }

    private static Path requireModel() {
        Path model = modelPath();
        boolean present = model != null && Files.isRegularFile(model);
        if (!present) {
            System.out.println("SKIPPED regeneration check: service model not found at " + model
                    + " (set -Dsagemaker.model or SAGEMAKER_MODEL)");
        }
        assumeTrue(present, "service model not found at " + model);
        return model;
    }

    @Test
    void keepsFactsAndDropsDocumentation() throws Exception {
        String model = """
                {"metadata":{"uid":"x-1","apiVersion":"1","protocol":"json","jsonVersion":"1.1",
                             "targetPrefix":"SageMaker","signingName":"sagemaker"},
                 "operations":{
                   "DescribeCluster":{"name":"DescribeCluster","input":{"shape":"In"},"output":{"shape":"Out"},
                                      "errors":[{"shape":"ResourceNotFound"}],"documentation":"<p>secret prose</p>"},
                   "CreateEndpoint":{"name":"CreateEndpoint","input":{"shape":"Unreached"}}},
                 "shapes":{
                   "In":{"type":"structure","required":["Name"],"members":{
                        "Name":{"shape":"Name","documentation":"prose"},"When":{"shape":"Ts"}},"documentation":"prose"},
                   "Out":{"type":"structure","members":{"Tags":{"shape":"Tags"}}},
                   "Tags":{"type":"list","member":{"shape":"Name"},"max":3},
                   "Name":{"type":"string","min":1,"max":63,"pattern":"[a-z]+","documentation":"prose"},
                   "Ts":{"type":"timestamp"},
                   "ResourceNotFound":{"type":"structure","exception":true,"members":{}},
                   "Unreached":{"type":"string"}}}
                """;
        // Only a subset of operations exists in this toy model, so exercise the shape walk directly.
        JsonNode out = new ObjectMapper().readTree(generateLenient(model));
        assertThat(out.toString()).doesNotContain("prose").doesNotContain("documentation");
        JsonNode shapes = out.path("shapes");
        assertThat(shapes.has("Unreached")).isFalse();
        assertThat(shapes.path("Name").toString()).isEqualTo("{\"type\":\"string\",\"min\":1,\"max\":63,\"pattern\":\"[a-z]+\"}");
        assertThat(shapes.path("In").path("members").get(0).path("name").asText()).isEqualTo("Name");
        assertThat(shapes.path("In").path("members").get(1).path("name").asText()).isEqualTo("When");
        assertThat(shapes.path("Ts").path("timestampFormat").asText()).isEqualTo("unixTimestamp");
        assertThat(shapes.path("ResourceNotFound").path("exception").asBoolean()).isTrue();
        assertThat(out.path("otherOperations").toString()).isEqualTo("[\"CreateEndpoint\"]");
    }

    /** Fills the toy model with empty stand-ins for the emulated operations it lacks. */
    private static String generateLenient(String model) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(model);
        var ops = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("operations");
        for (String op : ContractGenerator.EMULATED_OPERATIONS) {
            if (!ops.has(op)) {
                ops.putObject(op).put("name", op);
            }
        }
        return ContractGenerator.generate(mapper.writeValueAsString(tree));
    }
}
