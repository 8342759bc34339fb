package io.github.capacityemulator.server;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** The inventory and payment routes of the admin API. */
class CapacityAdminTest extends RunningEmulator {

    private static final String INVENTORY = "{\"regions\":{\"us-west-2\":{\"us-west-2a\":{\"ml.p5.48xlarge\":"
            + "[{\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2030-02-01T00:00:00Z\",\"count\":4}]}}}}";

    @Test
    void theInventoryIsReadReplacedAndResetToTheStartUpOne() {
        api().get("/_emulator/inventory").then().statusCode(200)
                .body("regions.size()", equalTo(0))
                .body("defaultZone.'ml.p5.48xlarge'", equalTo(32));
        api().contentType("application/json").body(INVENTORY).put("/_emulator/inventory").then().statusCode(200)
                .body("regions.'us-west-2'.'us-west-2a'.'ml.p5.48xlarge'[0].count", equalTo(4))
                .body("regions.'us-west-2'.'us-west-2a'.'ml.p5.48xlarge'[0].to", equalTo("2030-02-01T00:00:00Z"));
        api().get("/_emulator/inventory").then().body("regions", hasKey("us-west-2"));
        api().post("/_emulator/reset").then().statusCode(200);
        api().get("/_emulator/inventory").then().body("regions", not(hasKey("us-west-2")));
    }

    @Test
    void aBadInventoryIs400AndLeavesTheOneInForce() {
        api().contentType("application/json").body(INVENTORY).put("/_emulator/inventory").then().statusCode(200);
        api().contentType("application/json")
                .body("{\"regions\":{\"us-west-2\":{\"us-west-2a\":{\"ml.p5.48xlarge\":[{\"from\":\"2030\",\"count\":4}]}}}}")
                .put("/_emulator/inventory").then().statusCode(400)
                .body("error", equalTo("regions.us-west-2.us-west-2a.ml.p5.48xlarge[0].from must be an ISO-8601 instant "
                        + "such as 2030-01-01T00:00:00Z, not '2030'"));
        api().contentType("application/json").body("{\"zones\":{}}").put("/_emulator/inventory").then().statusCode(400)
                .body("error", equalTo("the inventory must be an object with a \"regions\" object"));
        api().get("/_emulator/inventory").then()
                .body("regions.'us-west-2'.'us-west-2a'.'ml.p5.48xlarge'[0].count", equalTo(4));
    }

    @Test
    void failingAnUnknownNodeIs400() {
        api().post("/_emulator/nodes/i-0123456789abcdef0/fail").then().statusCode(400)
                .body("error", equalTo("no node i-0123456789abcdef0"));
    }

    @Test
    void paymentsFailOnRequestCountedAndResetClearsThem() {
        api().post("/_emulator/payments/fail-next").then().statusCode(200).body("failNext", equalTo(1));
        api().contentType("application/json").body("{\"count\":2}").post("/_emulator/payments/fail-next")
                .then().statusCode(200).body("failNext", equalTo(3));
        api().contentType("application/json").body("{\"count\":0}").post("/_emulator/payments/fail-next")
                .then().statusCode(400).body("error", equalTo("count must be a whole number from 1 to 1000000"));
        api().contentType("application/json").body("{\"count\":\"two\"}").post("/_emulator/payments/fail-next")
                .then().statusCode(400).body("error", equalTo("count must be a whole number from 1 to 1000000"));
        api().contentType("application/json").body("{\"count\":2147483647}").post("/_emulator/payments/fail-next")
                .then().statusCode(400).body("error", equalTo("count must be a whole number from 1 to 1000000"));
        api().post("/_emulator/reset").then().statusCode(200);
        api().post("/_emulator/payments/fail-next").then().statusCode(200).body("failNext", equalTo(1));
    }
}
