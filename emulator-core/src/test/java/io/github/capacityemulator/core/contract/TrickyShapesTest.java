package io.github.capacityemulator.core.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The validator against hand-made shapes that the emulated operations use only in part. */
class TrickyShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CONTRACT_JSON = """
            {"service":{"targetPrefix":"SageMaker"},
             "operations":{"Op":{"input":"In","output":"Out","errors":[]}},
             "shapes":{
               "In":{"type":"structure","required":["Groups"],"members":[
                 {"name":"Groups","shape":"Groups"},{"name":"Labels","shape":"Labels"},{"name":"Nested","shape":"Matrix"}]},
               "Groups":{"type":"list","member":"Group","min":1,"max":2},
               "Group":{"type":"structure","required":["Name"],"members":[
                 {"name":"Name","shape":"Name"},{"name":"Nodes","shape":"Nodes"},{"name":"Weight","shape":"Weight"}]},
               "Nodes":{"type":"list","member":"Node"},
               "Node":{"type":"structure","required":["Id"],"members":[{"name":"Id","shape":"Name"}]},
               "Matrix":{"type":"list","member":"Row"},
               "Row":{"type":"list","member":"Name","max":1},
               "Labels":{"type":"map","key":"Name","value":"Group","max":1},
               "Name":{"type":"string","min":1,"max":5,"pattern":"[\\\\p{Lu}][\\\\p{Ll}]*"},
               "Weight":{"type":"double","min":0.5,"max":1.5},
               "Out":{"type":"structure","required":["Status"],"members":[
                 {"name":"Status","shape":"Status"},{"name":"At","shape":"Ts"},{"name":"Groups","shape":"Groups"}]},
               "Status":{"type":"string","enum":["Ready","Gone"]},
               "Ts":{"type":"timestamp","timestampFormat":"unixTimestamp"}}}
            """;

    private final ApiContract contract = ApiContract.parse(readTree(CONTRACT_JSON));
    private final ContractValidator validator = new ContractValidator(contract);
    private final OperationContract op = contract.operation("Op").orElseThrow();

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String messageFor(String input) {
        try {
            validator.validateInput(op, readTree(input));
            return "valid";
        } catch (ValidationException e) {
            return e.getMessage();
        }
    }

    @Test
    void nestedListsOfStructuresGetOneBasedPaths() {
        assertThat(messageFor("{\"Groups\":[{\"Name\":\"Ab\"},{\"Name\":\"Cd\",\"Nodes\":[{\"Id\":\"Ok\"},{},{\"Id\":\"bad\"}]}]}"))
                .isEqualTo("2 validation errors detected: "
                        + "Value null at 'groups.2.member.nodes.2.member.id' failed to satisfy constraint: Member must not be null; "
                        + "Value 'bad' at 'groups.2.member.nodes.3.member.id' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ^[\\p{Lu}][\\p{Ll}]*");
    }

    @Test
    void unicodeClassesInPatterns() {
        assertThat(messageFor("{\"Groups\":[{\"Name\":\"Éva\"}]}")).isEqualTo("valid");
        assertThat(messageFor("{\"Groups\":[{\"Name\":\"Ωmega\"}]}")).isEqualTo("valid");
        assertThat(messageFor("{\"Groups\":[{\"Name\":\"ωmega\"}]}")).contains("groups.1.member.name");
    }

    @Test
    void lengthCountsCharactersNotBytesOrUtf16Units() {
        // five code points, one outside the BMP (two UTF-16 units).
        assertThat(messageFor("{\"Groups\":[{\"Name\":\"Abcd\uD835\uDC9C\"}]}"))
                .doesNotContain("length");
    }

    @Test
    void mapKeysAndValuesAndMapLength() {
        assertThat(messageFor("{\"Groups\":[{\"Name\":\"Ab\"}],\"Labels\":{\"Ok\":{\"Name\":\"Ab\"},\"bad\":{}}}"))
                .isEqualTo("3 validation errors detected: "
                        + "Value '{Ok={Name=Ab}, bad={}}' at 'labels' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 1; "
                        + "Value null at 'labels.bad.name' failed to satisfy constraint: Member must not be null; "
                        + "Value '{Ok={Name=Ab}, bad={}}' at 'labels' failed to satisfy constraint: "
                        + "Map keys must satisfy constraint: [Member must satisfy regular expression pattern: "
                        + "^[\\p{Lu}][\\p{Ll}]*]");
    }

    @Test
    void listsOfListsAndDecimalRanges() {
        assertThat(messageFor("{\"Groups\":[{\"Name\":\"Ab\",\"Weight\":1.75}],\"Nested\":[[\"Ab\",\"Cd\"],[\"xy\"]]}"))
                .isEqualTo("3 validation errors detected: "
                        + "Value '1.75' at 'groups.1.member.weight' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1.5; "
                        + "Value '[Ab, Cd]' at 'nested.1.member' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 1; "
                        + "Value '[xy]' at 'nested.2.member' failed to satisfy constraint: "
                        + "Member must satisfy constraint: [Member must satisfy regular expression pattern: "
                        + "^[\\p{Lu}][\\p{Ll}]*]");
    }

    @Test
    void listLengthUpperEnd() {
        assertThat(messageFor("{\"Groups\":[{\"Name\":\"A\"},{\"Name\":\"B\"},{\"Name\":\"C\"}]}"))
                .isEqualTo("1 validation error detected: Value '[{Name=A}, {Name=B}, {Name=C}]' at 'groups' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 2");
    }

    @Test
    void outputsAreCheckedForRequiredEnumsTypesAndUnknownMembers() {
        assertThat(validator.checkOutput(op, readTree("{\"Status\":\"Ready\",\"At\":1767225600.123}"))).isEmpty();
        assertThat(validator.checkOutput(op, readTree("{\"At\":\"2026-01-01\",\"Extra\":1,\"Groups\":[{\"Name\":\"x\"}]}")))
                .containsExactly(
                        "Unexpected JSON type at 'at': expected timestamp (epoch seconds as a JSON number), found string",
                        "member 'Extra' at '<root>' is not in shape Out",
                        "Value null at 'status' failed to satisfy constraint: Member must not be null",
                        "Value 'x' at 'groups.1.member.name' failed to satisfy constraint: "
                                + "Member must satisfy regular expression pattern: ^[\\p{Lu}][\\p{Ll}]*");
        assertThat(validator.checkOutput(op, readTree("{\"Status\":\"Maybe\"}")))
                .containsExactly("Value 'Maybe' at 'status' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [Ready, Gone]");
    }

    @Test
    void aValidNestedInputPasses() {
        assertThatCode(() -> validator.validateInput(op, readTree(
                "{\"Groups\":[{\"Name\":\"Ab\",\"Nodes\":[{\"Id\":\"Xy\"}],\"Weight\":0.5}],\"Labels\":{\"Ok\":{\"Name\":\"Cd\"}}}")))
                .doesNotThrowAnyException();
    }
}
