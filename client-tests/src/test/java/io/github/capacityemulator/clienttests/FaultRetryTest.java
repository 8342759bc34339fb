package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SDK's own retry policy against injected throttling, as users test their resilience. */
class FaultRetryTest extends PlanTestBase {

    @Test
    void theSdkRetryPolicyRecoversFromTwoThrottles() {
        admin.send("POST", "faults", "{\"operation\":\"ListTrainingPlans\",\"error\":{\"code\":\"ThrottlingException\"},\"count\":2}");
        assertThat(sageMaker.listTrainingPlans(r -> { }).trainingPlanSummaries()).isEmpty();
        var journal = admin.send("GET", "requests?operation=ListTrainingPlans", null).get("requests");
        assertThat(journal).hasSize(3);
        assertThat(journal.get(0).get("errorCode").asText()).isEqualTo("ThrottlingException");
        assertThat(journal.get(1).get("errorCode").asText()).isEqualTo("ThrottlingException");
        assertThat(journal.get(2).get("status").asInt()).isEqualTo(200);
        assertThat(admin.send("GET", "faults", null).get("faults").get(0).get("fired").asInt()).isEqualTo(2);
    }

    @Test
    void moreThrottlesThanTheSdkRetriesSurfaceAsThrottlingException() {
        admin.send("POST", "faults", "{\"operation\":\"ListTrainingPlans\",\"error\":{\"code\":\"ThrottlingException\"}}");
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sageMaker.listTrainingPlans(r -> { }));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(e.isThrottlingException()).isTrue();
    }
}
