package io.github.capacityemulator.clienttests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingPlanResponse;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Extensions over the raw protocol: the SDK on Maven Central predates ExtendTrainingPlan. */
class TrainingPlanExtensionTest extends PlanTestBase {

    private String planArn;

    @BeforeEach
    void aScheduledPlan() {
        planArn = buyP5("grow", 8, 24); // 01:00 on day 0 until 11:30 on day 1
        admin.advance(Duration.ofMinutes(2));
    }

    private JsonNode searchExtensions(String extra) {
        return raw.ok("SearchTrainingPlanOfferings", "{\"TrainingPlanArn\":\"" + planArn + "\"" + extra + "}");
    }

    private DescribeTrainingPlanResponse plan() {
        return sageMaker.describeTrainingPlan(r -> r.trainingPlanName("grow"));
    }

    private static Instant time(JsonNode n) {
        return Instant.ofEpochMilli(n.decimalValue().movePointRight(3).longValue());
    }

    @Test
    void searchWithAPlanArnOffersExtensionsFromThePlansEnd() {
        JsonNode answer = searchExtensions("");
        assertThat(answer.get("TrainingPlanOfferings")).isEmpty();
        JsonNode offers = answer.get("TrainingPlanExtensionOfferings");
        assertThat(offers).hasSize(3);
        assertThat(offers.get(0).get("TrainingPlanExtensionOfferingId").asText()).matches("tpeo-[0-9a-f]{64}");
        assertThat(offers.findValuesAsText("DurationHours")).containsExactly("24", "168", "336");
        assertThat(time(offers.get(0).get("StartDate"))).isEqualTo(at("P1DT11H30M"));
        assertThat(time(offers.get(0).get("EndDate"))).isEqualTo(at("P2DT11H30M"));
        assertThat(offers.get(0).get("AvailabilityZone").asText()).isEqualTo("us-east-1a");
        assertThat(offers.get(0).get("UpfrontFee").asText()).isEqualTo("6040.32"); // 31.46 x 8 x 24
        assertThat(offers.get(0).get("CurrencyCode").asText()).isEqualTo("USD");
        assertThat(searchExtensions(",\"DurationHours\":48").get("TrainingPlanExtensionOfferings").findValuesAsText("DurationHours"))
                .containsExactly("48");
    }

    @Test
    void extendingMovesThePlansEndAndTheExtensionWalksItsOwnStatuses() {
        String id = searchExtensions("").get("TrainingPlanExtensionOfferings").get(0)
                .get("TrainingPlanExtensionOfferingId").asText();
        JsonNode extended = raw.ok("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + id + "\"}");
        JsonNode ext = extended.get("TrainingPlanExtensions").get(0);
        assertThat(extended.get("TrainingPlanExtensions")).hasSize(1);
        assertThat(ext.get("TrainingPlanExtensionOfferingId").asText()).isEqualTo(id);
        assertThat(ext.get("Status").asText()).isEqualTo("Pending");
        assertThat(ext.get("PaymentStatus").asText()).isEqualTo("Pending");
        assertThat(ext.get("AvailabilityZoneId").asText()).isEqualTo("use1-az1");
        assertThat(time(ext.get("ExtendedAt"))).isEqualTo(at("PT2M"));
        assertThat(plan().endTime()).isEqualTo(at("P2DT11H30M"));
        assertThat(plan().durationHours()).isEqualTo(58L);

        admin.advance(Duration.ofMinutes(2));
        JsonNode history = raw.ok("DescribeTrainingPlanExtensionHistory", "{\"TrainingPlanArn\":\"" + planArn + "\"}");
        assertThat(history.get("TrainingPlanExtensions").get(0).get("PaymentStatus").asText()).isEqualTo("Completed");
        assertThat(history.get("TrainingPlanExtensions").get(0).get("Status").asText()).isEqualTo("Scheduled");

        admin.setClock(at("P1DT12H"));
        assertThat(plan().statusAsString()).isEqualTo("Active");
        assertThat(raw.ok("DescribeTrainingPlanExtensionHistory", "{\"TrainingPlanArn\":\"" + planArn + "\"}")
                .get("TrainingPlanExtensions").get(0).get("Status").asText()).isEqualTo("Active");
        admin.setClock(at("P2DT11H30M"));
        assertThat(plan().statusAsString()).isEqualTo("Expired");
    }

    @Test
    void aRefusedExtensionPaymentLeavesThePlanAsItWas() {
        String id = searchExtensions("").get("TrainingPlanExtensionOfferings").get(0)
                .get("TrainingPlanExtensionOfferingId").asText();
        admin.failNextPayments(1);
        raw.ok("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + id + "\"}");
        admin.advance(Duration.ofMinutes(2));
        JsonNode ext = raw.ok("DescribeTrainingPlanExtensionHistory", "{\"TrainingPlanArn\":\"" + planArn + "\"}")
                .get("TrainingPlanExtensions").get(0);
        assertThat(ext.get("PaymentStatus").asText()).isEqualTo("Failed");
        assertThat(ext.get("Status").asText()).isEqualTo("Failed");
        assertThat(plan().endTime()).isEqualTo(at("P1DT11H30M"));
        assertThat(plan().statusAsString()).isEqualTo("Scheduled");
    }

    @Test
    void aFailedLinkEndsTheChainOfExtensions() {
        // Review finding: a refused extension followed by a paid one must not prolong the plan across the gap.
        String first = searchExtensions(",\"DurationHours\":168").get("TrainingPlanExtensionOfferings").get(0)
                .get("TrainingPlanExtensionOfferingId").asText();
        admin.failNextPayments(1);
        raw.ok("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + first + "\"}");
        admin.advance(Duration.ofMinutes(2));
        assertThat(plan().endTime()).isEqualTo(at("P1DT11H30M"));
        String second = searchExtensions(",\"DurationHours\":24").get("TrainingPlanExtensionOfferings").get(0)
                .get("TrainingPlanExtensionOfferingId").asText();
        raw.ok("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + second + "\"}");
        admin.advance(Duration.ofMinutes(2));
        assertThat(plan().endTime()).as("the paid extension follows the plan's real end").isEqualTo(at("P2DT11H30M"));
        assertThat(plan().durationHours()).isEqualTo(58L);
    }

    @Test
    void onlyScheduledOrActivePlansCanBeExtended() {
        String pendingArn = buyP5("fresh", 8, 24);
        RawSageMaker.Answer pending = raw.call("SearchTrainingPlanOfferings", "{\"TrainingPlanArn\":\"" + pendingArn + "\"}");
        assertThat(pending.status()).isEqualTo(400);
        assertThat(pending.errorCode()).isEqualTo("ValidationException");
        assertThat(pending.message()).isEqualTo("Training plan fresh is Pending: only Scheduled or Active training plans can be extended.");

        admin.setClock(at("P3D"));
        RawSageMaker.Answer expired = raw.call("SearchTrainingPlanOfferings", "{\"TrainingPlanArn\":\"" + planArn + "\"}");
        assertThat(expired.message()).isEqualTo("Training plan grow is Expired: only Scheduled or Active training plans can be extended.");

        RawSageMaker.Answer missing = raw.call("SearchTrainingPlanOfferings",
                "{\"TrainingPlanArn\":\"arn:aws:sagemaker:us-east-1:000000000000:training-plan/nope\"}");
        assertThat(missing.errorCode()).isEqualTo("ResourceNotFound");
    }

    @Test
    void unknownOrReusedExtensionOfferingsAreResourceNotFound() {
        RawSageMaker.Answer unknown = raw.call("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"tpeo-123\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("ResourceNotFound");
        assertThat(unknown.message()).isEqualTo("Training plan extension offering tpeo-123 does not exist.");

        JsonNode offers = searchExtensions("").get("TrainingPlanExtensionOfferings");
        String first = offers.get(0).get("TrainingPlanExtensionOfferingId").asText();
        raw.ok("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + first + "\"}");
        RawSageMaker.Answer again = raw.call("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + first + "\"}");
        assertThat(again.message()).isEqualTo("Training plan extension offering " + first
                + " is no longer available: it has already been purchased.");
        // While its payment is collected, the plan takes no other extension.
        RawSageMaker.Answer busy = raw.call("SearchTrainingPlanOfferings", "{\"TrainingPlanArn\":\"" + planArn + "\"}");
        assertThat(busy.errorCode()).isEqualTo("ValidationException");
        assertThat(busy.message()).isEqualTo("Training plan grow has an extension whose payment is still being processed;"
                + " extend it again once that payment has completed.");
        admin.advance(Duration.ofMinutes(2));
        // The other quotes start at the old end, which has moved.
        String stale = offers.get(1).get("TrainingPlanExtensionOfferingId").asText();
        RawSageMaker.Answer moved = raw.call("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + stale + "\"}");
        assertThat(moved.message()).isEqualTo("Training plan extension offering " + stale
                + " is no longer available: the training plan's end has changed since the search.");
        assertThat(raw.ok("DescribeTrainingPlanExtensionHistory", "{\"TrainingPlanArn\":\"" + planArn + "\"}")
                .get("TrainingPlanExtensions")).hasSize(1);
    }

    @Test
    void historyPages() {
        for (int i = 0; i < 3; i++) {
            String id = searchExtensions(",\"DurationHours\":24").get("TrainingPlanExtensionOfferings").get(0)
                    .get("TrainingPlanExtensionOfferingId").asText();
            raw.ok("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + id + "\"}");
            admin.advance(Duration.ofMinutes(2));
        }
        JsonNode first = raw.ok("DescribeTrainingPlanExtensionHistory", "{\"TrainingPlanArn\":\"" + planArn + "\",\"MaxResults\":2}");
        assertThat(first.get("TrainingPlanExtensions")).hasSize(2);
        JsonNode second = raw.ok("DescribeTrainingPlanExtensionHistory", "{\"TrainingPlanArn\":\"" + planArn
                + "\",\"MaxResults\":2,\"NextToken\":\"" + first.get("NextToken").asText() + "\"}");
        assertThat(second.get("TrainingPlanExtensions")).hasSize(1);
        assertThat(second.has("NextToken")).isFalse();
        assertThat(plan().endTime()).isEqualTo(at("P4DT11H30M"));
    }
}
