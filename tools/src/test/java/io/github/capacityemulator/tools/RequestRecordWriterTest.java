package io.github.capacityemulator.tools;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record writer against a hand-made contract that has every kind of shape. */
class RequestRecordWriterTest {

    private static final String DIR = RequestRecordWriter.DIRECTORY + "/";

    private static final String CONTRACT = """
            {"service":{"targetPrefix":"SageMaker"},
             "operations":{"Op":{"input":"OpRequest","output":"OpResponse","errors":["Oops"]},
                           "Other":{"input":"OpRequest","errors":[]},
                           "NoInput":{"output":"OpResponse","errors":[]}},
             "shapes":{
               "OpRequest":{"type":"structure","required":["Name","Groups"],"members":[
                 {"name":"Name","shape":"Str"},{"name":"KMSKeyId","shape":"Str"},{"name":"IAMRole","shape":"Str"},
                 {"name":"EMR","shape":"Bool"},{"name":"Default","shape":"Int"},{"name":"default","shape":"Int"},
                 {"name":"Groups","shape":"Groups"},{"name":"Labels","shape":"Labels"},{"name":"Matrix","shape":"Matrix"},
                 {"name":"At","shape":"Ts"},{"name":"Hours","shape":"Lng"},{"name":"Weight","shape":"Flt"},
                 {"name":"Data","shape":"Bytes"},{"name":"Doc","shape":"Doc"},{"name":"Kind","shape":"Kind"}]},
               "Groups":{"type":"list","member":"Group"},
               "Group":{"type":"structure","union":true,"members":[{"name":"FSxConfig","shape":"Str"}]},
               "Labels":{"type":"map","key":"Str","value":"Leaf"},
               "Leaf":{"type":"structure","members":[]},
               "Matrix":{"type":"list","member":"Row"},
               "Row":{"type":"list","member":"Str"},
               "Str":{"type":"string"}, "Kind":{"type":"string","enum":["A","B"]},
               "Int":{"type":"integer"}, "Lng":{"type":"long"}, "Flt":{"type":"float"}, "Bool":{"type":"boolean"},
               "Bytes":{"type":"blob"}, "Doc":{"type":"document"},
               "Ts":{"type":"timestamp","timestampFormat":"unixTimestamp"},
               "OpResponse":{"type":"structure","members":[{"name":"Out","shape":"OutOnly"}]},
               "OutOnly":{"type":"structure","members":[]},
               "Oops":{"type":"structure","exception":true,"members":[]}}}
            """;

    @Test
    void writesOneRecordPerStructureReachableFromAnInput() throws Exception {
        assertThat(RequestRecordWriter.write(CONTRACT).keySet()).containsExactly(
                DIR + "Group.java", DIR + "Leaf.java", DIR + "OpRequest.java");
    }

    @Test
    void namesComponentsInLowerCamelAndTypesThemFromTheShapes() throws Exception {
        String source = RequestRecordWriter.write(CONTRACT).get(DIR + "OpRequest.java");
        assertThat(source).startsWith(RequestRecordWriter.HEADER + "\npackage " + RequestRecordWriter.PACKAGE + ";\n")
                .endsWith("}\n").doesNotContain("\r")
                .contains(" * Input of {@code Op}, {@code Other}: the contract's {@code OpRequest} structure.\n"
                        + " * Required: {@code Name}, {@code Groups}.\n")
                .contains("import java.time.Instant;\nimport java.util.List;\nimport java.util.Map;\n")
                .contains("""
                        public record OpRequest(
                                String name,
                                String kmsKeyId,
                                String iamRole,
                                Boolean emr,
                                Integer defaultValue,
                                Integer defaultValueValue,
                                List<Group> groups,
                                Map<String, Leaf> labels,
                                List<List<String>> matrix,
                                Instant at,
                                Long hours,
                                Double weight,
                                String data,
                                JsonNode doc,
                                String kind) {
                        """)
                .contains("""
                                return new OpRequest(
                                        JsonReads.string(node.get("Name")),
                                        JsonReads.string(node.get("KMSKeyId")),
                                        JsonReads.string(node.get("IAMRole")),
                                        JsonReads.bool(node.get("EMR")),
                                        JsonReads.integer(node.get("Default")),
                                        JsonReads.integer(node.get("default")),
                                        JsonReads.list(node.get("Groups"), Group::from),
                                        JsonReads.map(node.get("Labels"), Leaf::from),
                                        JsonReads.list(node.get("Matrix"), v1 -> JsonReads.list(v1, JsonReads::string)),
                                        JsonReads.instant(node.get("At")),
                                        JsonReads.lng(node.get("Hours")),
                                        JsonReads.dbl(node.get("Weight")),
                                        JsonReads.string(node.get("Data")),
                                        JsonReads.node(node.get("Doc")),
                                        JsonReads.string(node.get("Kind")));
                        """);
        assertThat(RequestRecordWriter.write(CONTRACT).get(DIR + "Group.java"))
                .contains(" * A union: at most one member is set.\n * No member is required.\n")
                .contains("String fSxConfig) {");
        assertThat(RequestRecordWriter.write(CONTRACT).get(DIR + "Leaf.java"))
                .contains("public record Leaf() {").contains("return new Leaf();");
    }

    @Test
    void lowerCamelFollowsTheSdkNames() {
        assertThat(JavaNames.lowerCamel("VpcConfig")).isEqualTo("vpcConfig");
        assertThat(JavaNames.lowerCamel("KMSKeyId")).isEqualTo("kmsKeyId");
        assertThat(JavaNames.lowerCamel("ClusterArn")).isEqualTo("clusterArn");
        assertThat(JavaNames.lowerCamel("IAMRole")).isEqualTo("iamRole");
        assertThat(JavaNames.lowerCamel("EC2Type")).isEqualTo("ec2Type");
        assertThat(JavaNames.lowerCamel("S3Uri")).isEqualTo("s3Uri");
        assertThat(JavaNames.lowerCamel("EMR")).isEqualTo("emr");
        assertThat(JavaNames.componentName("Class", Set.of())).isEqualTo("classValue");
        assertThat(JavaNames.componentName("HashCode", Set.of())).isEqualTo("hashCodeValue");
        assertThat(JavaNames.componentName("Name", Set.of("name"))).isEqualTo("nameValue");
    }

    @Test
    void isDeterministic() throws Exception {
        assertThat(RequestRecordWriter.write(CONTRACT)).isEqualTo(RequestRecordWriter.write(CONTRACT));
    }

    @Test
    void refusesAStructureThatWouldHideAUsedTypeAndATimestampItCannotRead() {
        assertThatThrownBy(() -> RequestRecordWriter.write(CONTRACT.replace("\"Leaf\"", "\"Map\"")))
                .hasMessageContaining("structure Map cannot be a record name");
        assertThatThrownBy(() -> RequestRecordWriter.write(CONTRACT.replace("unixTimestamp", "iso8601")))
                .hasMessageContaining("timestamp shape Ts has format iso8601");
    }

    @Test
    void writingFilesReplacesGeneratedFilesAndKeepsHandWrittenOnes() throws Exception {
        Path root = Files.createTempDirectory("records");
        Path dir = root.resolve(RequestRecordWriter.DIRECTORY);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("JsonReads.java"), "package x;\n");
        Files.writeString(dir.resolve("Gone.java"), RequestRecordWriter.HEADER + "\nrecord Gone() {}\n");
        SortedMap<String, String> files = new TreeMap<>(RequestRecordWriter.write(CONTRACT));

        assertThat(RequestRecordWriter.writeFiles(root, files)).isEqualTo(3);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("Group.java", "JsonReads.java", "Leaf.java", "OpRequest.java");
        }
        assertThat(Files.readString(dir.resolve("OpRequest.java"))).isEqualTo(files.get(DIR + "OpRequest.java"));
    }
}
