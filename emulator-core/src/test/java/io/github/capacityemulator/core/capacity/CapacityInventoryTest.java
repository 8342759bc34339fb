package io.github.capacityemulator.core.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityInventoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anyRegionGetsTheDefaultZonesWithTensOfP5s() {
        CapacityInventory inv = CapacityInventory.defaults();
        assertThat(inv.region("eu-west-3")).containsOnlyKeys("eu-west-3a", "eu-west-3b", "eu-west-3c");
        assertThat(inv.windows("eu-west-3", "eu-west-3b", "ml.p5.48xlarge"))
                .containsExactly(new CapacityWindow(Instant.EPOCH, null, 32));
        assertThat(inv.windows("eu-west-3", "eu-west-3b", "ml.u-p6e-gb200x72")).hasSize(1);
        assertThat(inv.windows("eu-west-3", "eu-west-3q", "ml.p5.48xlarge")).isEmpty();
    }

    @Test
    void aListedRegionReplacesTheDefaultOthersKeepIt() throws Exception {
        CapacityInventory inv = CapacityInventory.parse(JSON.readTree("""
                {"regions":{"us-west-2":{"us-west-2a":{"ml.p5.48xlarge":[
                  {"from":"2030-01-01T00:00:00Z","to":"2030-02-01T00:00:00Z","count":4},
                  {"from":"2030-02-01T00:00:00Z","count":2}]}}}}"""));
        assertThat(inv.region("us-west-2")).containsOnlyKeys("us-west-2a");
        assertThat(inv.windows("us-west-2", "us-west-2a", "ml.p5.48xlarge")).containsExactly(
                new CapacityWindow(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-02-01T00:00:00Z"), 4),
                new CapacityWindow(Instant.parse("2030-02-01T00:00:00Z"), null, 2));
        assertThat(inv.region("us-east-1")).hasSize(3);
        assertThat(CapacityInventory.parse(inv.toJson()).toJson()).isEqualTo(inv.toJson());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[] | the inventory must be an object with a \"regions\" object",
            "{\"regions\":{\"r\":{\"Zone A\":{}}}} | regions.r.Zone A: 'Zone A' is not an Availability Zone name such as us-east-1a",
            "{\"regions\":{\"r\":{\"r-1a\":{\"p5\":[]}}}} | regions.r.r-1a.p5: 'p5' is not an instance type such as ml.p5.48xlarge",
            "{\"regions\":{\"r\":{\"r-1a\":{\"ml.p5.48xlarge\":[{\"count\":1}]}}}} | regions.r.r-1a.ml.p5.48xlarge[0].from is required (an ISO-8601 instant)",
            "{\"regions\":{\"r\":{\"r-1a\":{\"ml.p5.48xlarge\":[{\"from\":\"soon\",\"count\":1}]}}}} | regions.r.r-1a.ml.p5.48xlarge[0].from must be an ISO-8601 instant such as 2030-01-01T00:00:00Z, not 'soon'",
            "{\"regions\":{\"r\":{\"r-1a\":{\"ml.p5.48xlarge\":[{\"from\":\"2030-01-01T00:00:00Z\",\"count\":-1}]}}}} | regions.r.r-1a.ml.p5.48xlarge[0].count must be a whole number >= 0",
            "{\"regions\":{\"r\":{\"r-1a\":{\"ml.p5.48xlarge\":[{\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2029-01-01T00:00:00Z\",\"count\":1}]}}}} | regions.r.r-1a.ml.p5.48xlarge[0]: to must be after from"})
    void aBadDocumentSaysWhatIsWrong(String document, String message) {
        assertThatThrownBy(() -> CapacityInventory.parse(JSON.readTree(document)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
