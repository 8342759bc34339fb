package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingPlansResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanFilter;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanOffering;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanSortBy;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanSortOrder;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TrainingPlanListTest extends PlanTestBase {

    /** Three plans starting a day apart: c-plan first, then a-plan, then b-plan. */
    @BeforeEach
    void threePlans() {
        List<TrainingPlanOffering> offerings = searchP5(8, 24, SageMakerResourceName.HYPERPOD_CLUSTER).trainingPlanOfferings();
        List<String> names = List.of("c-plan", "a-plan", "b-plan");
        for (int i = 0; i < 3; i++) {
            String id = offerings.get(i).trainingPlanOfferingId();
            String name = names.get(i);
            sageMaker.createTrainingPlan(r -> r.trainingPlanName(name).trainingPlanOfferingId(id));
        }
        admin.advance(Duration.ofMinutes(2));
    }

    private static List<String> names(ListTrainingPlansResponse response) {
        return response.trainingPlanSummaries().stream().map(TrainingPlanSummary::trainingPlanName).toList();
    }

    @Test
    void newestStartFirstByDefaultAndSortableByNameAndStatus() {
        assertThat(names(sageMaker.listTrainingPlans(r -> { }))).containsExactly("b-plan", "a-plan", "c-plan");
        assertThat(names(sageMaker.listTrainingPlans(r -> r.sortBy(TrainingPlanSortBy.TRAINING_PLAN_NAME)
                .sortOrder(TrainingPlanSortOrder.ASCENDING)))).containsExactly("a-plan", "b-plan", "c-plan");
        assertThat(names(sageMaker.listTrainingPlans(r -> r.sortBy(TrainingPlanSortBy.START_TIME)
                .sortOrder(TrainingPlanSortOrder.ASCENDING)))).containsExactly("c-plan", "a-plan", "b-plan");
        admin.setClock(at("PT1H"));
        assertThat(names(sageMaker.listTrainingPlans(r -> r.sortBy(TrainingPlanSortBy.STATUS)
                .sortOrder(TrainingPlanSortOrder.ASCENDING)))).containsExactly("c-plan", "a-plan", "b-plan");
    }

    @Test
    void summariesCarryTheComputedStatus() {
        admin.setClock(at("PT1H"));
        TrainingPlanSummary c = sageMaker.listTrainingPlans(r -> r.sortBy(TrainingPlanSortBy.TRAINING_PLAN_NAME)
                .sortOrder(TrainingPlanSortOrder.DESCENDING)).trainingPlanSummaries().get(0);
        assertThat(c.trainingPlanName()).isEqualTo("c-plan");
        assertThat(c.statusAsString()).isEqualTo("Active");
        assertThat(c.availableInstanceCount()).isEqualTo(8);
        assertThat(c.reservedCapacitySummaries()).hasSize(1);
    }

    @Test
    void filtersByStatusAndStartTime() {
        admin.setClock(at("PT1H"));
        assertThat(names(sageMaker.listTrainingPlans(r -> r.filters(TrainingPlanFilter.builder().name("Status")
                .value("Active").build())))).containsExactly("c-plan");
        assertThat(names(sageMaker.listTrainingPlans(r -> r.filters(
                TrainingPlanFilter.builder().name("Status").value("Active").build(),
                TrainingPlanFilter.builder().name("Status").value("Scheduled").build())))).hasSize(3);
        assertThat(names(sageMaker.listTrainingPlans(r -> r.startTimeAfter(at("PT2H"))))).containsExactly("b-plan", "a-plan");
        assertThat(names(sageMaker.listTrainingPlans(r -> r.startTimeBefore(at("P1DT1H"))))).containsExactly("c-plan");
    }

    @Test
    void pagesWithOpaqueTokensUntilTheLast() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListTrainingPlansResponse page = sageMaker.listTrainingPlans(r -> r.maxResults(1).nextToken(next));
            seen.addAll(names(page));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("b-plan", "a-plan", "c-plan");
    }

    @Test
    void badFiltersAndForgedTokensAreValidationExceptions() {
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sageMaker.listTrainingPlans(r -> r
                .filters(TrainingPlanFilter.builder().name("Status").value("Sleeping").build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid value 'Sleeping' for filter Status: "
                + "valid values are [Pending, Active, Scheduled, Expired, Failed].");
        String token = sageMaker.listTrainingPlans(r -> r.maxResults(1)).nextToken();
        SageMakerException forged = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.listTrainingPlans(r -> r.nextToken(token.substring(1))));
        assertThat(forged.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid pagination token given. Use the NextToken from the previous response.");
    }
}
