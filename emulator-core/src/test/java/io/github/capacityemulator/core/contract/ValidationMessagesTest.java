package io.github.capacityemulator.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.error.SerializationException;
import io.github.capacityemulator.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One full expected SageMaker message per kind of constraint, against the shipped contract. */
class ValidationMessagesTest {

    private static final ApiContract CONTRACT = ApiContract.load();
    private static final ContractValidator VALIDATOR = new ContractValidator(CONTRACT);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/hyperpod";
    private static final String FSX = "fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com";

    static Stream<Arguments> violations() {
        return Stream.of(
                arguments("required", "DescribeTrainingPlan", "{}",
                        "1 validation error detected: Value null at 'trainingPlanName' failed to satisfy constraint: "
                                + "Member must not be null"),
                arguments("string length, lower end", "AddTags",
                        "{\"ResourceArn\":\"arn:aws:sagemaker:us-east-1:123456789012:cluster/abcdefghijkl\","
                                + "\"Tags\":[{\"Key\":\"\",\"Value\":\"v\"}]}",
                        "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: "
                                + "Member must have length greater than or equal to 1"),
                arguments("string length, upper end", "CreateCluster", "{\"ClusterName\":\"" + "a".repeat(64) + "\"}",
                        "1 validation error detected: Value '" + "a".repeat(64) + "' at 'clusterName' failed to satisfy "
                                + "constraint: Member must have length less than or equal to 63"),
                arguments("number range, lower end", "ListClusters", "{\"MaxResults\":0}",
                        "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: "
                                + "Member must have value greater than or equal to 1"),
                arguments("number range, upper end", "ListClusters", "{\"MaxResults\":101}",
                        "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: "
                                + "Member must have value less than or equal to 100"),
                arguments("list length", "BatchRebootClusterNodes", "{\"ClusterName\":\"c\",\"NodeIds\":[]}",
                        "1 validation error detected: Value '[]' at 'nodeIds' failed to satisfy constraint: "
                                + "Member must have length greater than or equal to 1"),
                arguments("pattern", "CreateCluster", "{\"ClusterName\":\"bad_name!\"}",
                        "1 validation error detected: Value 'bad_name!' at 'clusterName' failed to satisfy constraint: "
                                + "Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9])*"),
                arguments("enum", "CreateCluster", "{\"ClusterName\":\"c\",\"NodeRecovery\":\"Sometimes\"}",
                        "1 validation error detected: Value 'Sometimes' at 'nodeRecovery' failed to satisfy constraint: "
                                + "Member must satisfy enum value set: [Automatic, None]"),
                arguments("union", "CreateCluster", "{\"ClusterName\":\"c\",\"InstanceGroups\":[" + group(
                                "\"InstanceStorageConfigs\":[{\"EbsVolumeConfig\":{\"VolumeSizeInGB\":100},"
                                        + "\"FsxLustreConfig\":{\"DnsName\":\"" + FSX + "\",\"MountName\":\"abcdefgh\"}}]") + "]}",
                        "1 validation error detected: Value '{EbsVolumeConfig={VolumeSizeInGB=100}, "
                                + "FsxLustreConfig={DnsName=" + FSX + ", MountName=abcdefgh}}' at "
                                + "'instanceGroups.1.member.instanceStorageConfigs.1.member' failed to satisfy constraint: "
                                + "Member must have exactly one of [EbsVolumeConfig, FsxLustreConfig, FsxOpenZfsConfig] set"),
                arguments("union with no member set", "CreateCluster", "{\"ClusterName\":\"c\",\"InstanceGroups\":["
                                + group("\"InstanceStorageConfigs\":[{}]") + "]}",
                        "1 validation error detected: Value '{}' at "
                                + "'instanceGroups.1.member.instanceStorageConfigs.1.member' failed to satisfy constraint: "
                                + "Member must have exactly one of [EbsVolumeConfig, FsxLustreConfig, FsxOpenZfsConfig] set"),
                arguments("nested list path", "CreateCluster", "{\"ClusterName\":\"c\",\"InstanceGroups\":["
                                + group("") + "," + group("\"InstanceCount\":6759").replace("\"InstanceCount\":1,", "") + "]}",
                        "1 validation error detected: Value '6759' at 'instanceGroups.2.member.instanceCount' failed to "
                                + "satisfy constraint: Member must have value less than or equal to 6758"),
                arguments("two violations", "CreateCluster",
                        "{\"ClusterName\":\"bad_name!\",\"NodeRecovery\":\"Sometimes\"}",
                        "2 validation errors detected: Value 'bad_name!' at 'clusterName' failed to satisfy constraint: "
                                + "Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9])*; "
                                + "Value 'Sometimes' at 'nodeRecovery' failed to satisfy constraint: "
                                + "Member must satisfy enum value set: [Automatic, None]"),
                arguments("ClusterNameOrArn pattern", "DescribeCluster", "{\"ClusterName\":\"bad_name!\"}",
                        "1 validation error detected: Value 'bad_name!' at 'clusterName' failed to satisfy constraint: "
                                + "Member must satisfy regular expression pattern: "
                                + "^(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:cluster/[a-z0-9]{12})"
                                + "|([a-zA-Z0-9](-*[a-zA-Z0-9]){0,62})"),
                arguments("scalar list elements, reported on the list", "BatchRebootClusterNodes",
                        "{\"ClusterName\":\"c\",\"NodeIds\":[\"i-0123456789abcdef0\",\"node-1\"]}",
                        "1 validation error detected: Value '[i-0123456789abcdef0, node-1]' at 'nodeIds' failed to satisfy "
                                + "constraint: Member must satisfy constraint: [Member must satisfy regular expression "
                                + "pattern: ^i-[a-f0-9]{8}(?:[a-f0-9]{9})?]"),
                arguments("map keys", "CreateCluster", "{\"ClusterName\":\"c\",\"InstanceGroups\":[" + group(
                                "\"KubernetesConfig\":{\"Labels\":{\"ok\":\"v\",\"-bad\":\"v\"}}") + "]}",
                        "1 validation error detected: Value '{ok=v, -bad=v}' at "
                                + "'instanceGroups.1.member.kubernetesConfig.labels' failed to satisfy constraint: "
                                + "Map keys must satisfy constraint: [Member must satisfy regular expression pattern: "
                                + "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
                                + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?]"));
    }

    /** A valid instance group with {@code extra} members added. */
    private static String group(String extra) {
        return "{\"InstanceCount\":1,\"InstanceGroupName\":\"workers\",\"ExecutionRole\":\"" + ROLE + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void reportsTheExactSageMakerMessage(String kind, String operation, String input, String expected) throws Exception {
        OperationContract op = CONTRACT.operation(operation).orElseThrow();
        JsonNode tree = JSON.readTree(input);
        assertThatThrownBy(() -> VALIDATOR.validateInput(op, tree))
                .isInstanceOf(ValidationException.class)
                .hasMessage(expected);
    }

    @Test
    void acceptsAValidRequestAndIgnoresUnknownMembersAndNulls() throws Exception {
        OperationContract op = CONTRACT.operation("CreateCluster").orElseThrow();
        JsonNode input = JSON.readTree("{\"ClusterName\":\"my-cluster\",\"SomeFutureMember\":{\"x\":1},"
                + "\"NodeRecovery\":null,\"InstanceGroups\":[" + group("\"ThreadsPerCore\":2") + "]}");
        assertThatCode(() -> VALIDATOR.validateInput(op, input)).doesNotThrowAnyException();
    }

    @Test
    void unicodeLettersSatisfyTagPatterns() throws Exception {
        OperationContract op = CONTRACT.operation("AddTags").orElseThrow();
        String arn = "arn:aws:sagemaker:us-east-1:123456789012:cluster/abcdefghijkl";
        assertThatCode(() -> VALIDATOR.validateInput(op, JSON.readTree(
                "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"équipe Ωmega 東京\",\"Value\":\"données_1\"}]}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> VALIDATOR.validateInput(op, JSON.readTree(
                "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"team#1\",\"Value\":\"v\"}]}")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("1 validation error detected: Value 'team#1' at 'tags.1.member.key' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");
    }

    /**
     * Defect (issue 10): a string of thousands of characters overflowed the stack in a pattern such as
     * {@code [a-zA-Z0-9](-*[a-zA-Z0-9])*}, and the request was a 500. Such a string breaks its length limit, which is
     * what the error says; its pattern is checked only at lengths the matcher handles.
     */
    @Test
    void aHugeStringIsRefusedForItsLengthWithoutOverflowingThePatternCheck() throws Exception {
        String huge = "a".repeat(10_000);
        OperationContract create = CONTRACT.operation("CreateCluster").orElseThrow();
        assertThatThrownBy(() -> VALIDATOR.validateInput(create, JSON.readTree("{\"ClusterName\":\"" + huge + "\"}")))
                .isInstanceOf(ValidationException.class)
                .hasMessageEndingWith("' at 'clusterName' failed to satisfy constraint: Member must have length less than"
                        + " or equal to 63");
        OperationContract update = CONTRACT.operation("UpdateCluster").orElseThrow();
        assertThatThrownBy(() -> VALIDATOR.validateInput(update, JSON.readTree("{\"ClusterName\":\"c\","
                + "\"InstanceGroups\":[],\"InstanceGroupsToDelete\":[\"" + huge + "-" + huge + "\"]}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Member must have length less than");
        // A value just over its limit still gets both phrases, as SageMaker writes them.
        String over = "a_" + "b".repeat(68);
        assertThatThrownBy(() -> VALIDATOR.validateInput(create, JSON.readTree("{\"ClusterName\":\"" + over + "\"}")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("2 validation errors detected: Value '" + over + "' at 'clusterName' failed to"
                        + " satisfy constraint: Member must have length less than or equal to 63; Value '" + over
                        + "' at 'clusterName' failed to satisfy constraint: Member must satisfy regular expression"
                        + " pattern: ^");
    }

    @Test
    void patternsMustMatchTheWholeValue() throws Exception {
        OperationContract op = CONTRACT.operation("CreateCluster").orElseThrow();
        // "ok-name!" starts with a match of the pattern; only a full match passes.
        assertThatThrownBy(() -> VALIDATOR.validateInput(op, JSON.readTree("{\"ClusterName\":\"ok-name!\"}")))
                .isInstanceOf(ValidationException.class);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                arguments("ListClusters", "{\"MaxResults\":\"10\"}",
                        "Unexpected JSON type at 'maxResults': expected integer, found string"),
                arguments("ListClusters", "{\"MaxResults\":1.5}",
                        "Unexpected JSON type at 'maxResults': expected integer, found number"),
                arguments("ListClusters", "{\"MaxResults\":4294967296}",
                        "Unexpected JSON type at 'maxResults': expected integer, found an integer out of the 32-bit"
                                + " range"),
                arguments("ListClusters", "{\"CreationTimeAfter\":\"2026-01-01T00:00:00Z\"}",
                        "Unexpected JSON type at 'creationTimeAfter': expected timestamp (epoch seconds as a JSON number), "
                                + "found string"),
                arguments("DescribeCluster", "{\"ClusterName\":42}",
                        "Unexpected JSON type at 'clusterName': expected string, found integer"),
                arguments("CreateCluster", "{\"ClusterName\":\"c\",\"InstanceGroups\":{\"InstanceCount\":1}}",
                        "Unexpected JSON type at 'instanceGroups': expected array, found object"),
                arguments("CreateCluster", "{\"ClusterName\":\"c\",\"VpcConfig\":\"vpc-1\"}",
                        "Unexpected JSON type at 'vpcConfig': expected object, found string"),
                arguments("CreateCluster", "{\"ClusterName\":\"bad_name!\",\"InstanceGroups\":[" + group(
                        "\"InstanceStorageConfigs\":[{\"EbsVolumeConfig\":{\"RootVolume\":\"yes\"}}]") + "]}",
                        "Unexpected JSON type at 'instanceGroups.1.member.instanceStorageConfigs.1.member."
                                + "ebsVolumeConfig.rootVolume': expected boolean, found string"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrongTypes")
    void aWrongJsonTypeIsASerializationExceptionNamingTheMember(String operation, String input, String expected)
            throws Exception {
        OperationContract op = CONTRACT.operation(operation).orElseThrow();
        JsonNode tree = JSON.readTree(input);
        assertThatThrownBy(() -> VALIDATOR.validateInput(op, tree))
                .isInstanceOf(SerializationException.class)
                .hasMessage(expected);
    }

    @Test
    void aBodyThatIsNotAnObjectIsASerializationException() throws Exception {
        OperationContract op = CONTRACT.operation("ListClusters").orElseThrow();
        assertThatThrownBy(() -> VALIDATOR.validateInput(op, JSON.readTree("[1,2]")))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Unexpected JSON type at the request body: expected object, found array");
    }

    @Test
    void wholeNumbersWrittenWithAZeroFractionAreIntegers() throws Exception {
        OperationContract op = CONTRACT.operation("ListClusters").orElseThrow();
        assertThatCode(() -> VALIDATOR.validateInput(op, JSON.readTree("{\"MaxResults\":10.0}")))
                .doesNotThrowAnyException();
        assertThat(ContractValidator.validationMessage(java.util.List.of("a", "b")))
                .isEqualTo("2 validation errors detected: a; b");
    }
}
