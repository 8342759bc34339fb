package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ListTrainingJobs: filters, sorts and keyset pages. */
class TrainingJobListTest extends TrainingJobTestBase {

    private String planA;
    private String planB;

    private List<String> names(Consumer<ListTrainingJobsRequest.Builder> request) {
        ListTrainingJobsResponse page = sageMaker.listTrainingJobs(r -> r.maxResults(100).applyMutation(request));
        assertThat(page.nextToken()).isNull();
        return page.trainingJobSummaries().stream().map(TrainingJobSummary::trainingJobName).toList();
    }

    private TrainingJobSummary summary(String name) {
        return sageMaker.listTrainingJobs(r -> r.nameContains(name)).trainingJobSummaries().stream()
                .filter(s -> s.trainingJobName().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Two plans (01:00 to 11:30 the next day) and six jobs: alpha-cpu (04 min, failed at 11), beta-cpu (05, stopped
     * 10-12), alpha-plan (06, plan A), beta-plan (07, plan B), gamma-plan (08, plan A), and at 01:30 delta-cpu.
     */
    private void sixJobs() {
        planA = buyJobsPlan("plan-a", 8);
        planB = buyJobsPlan("plan-b", 8);
        assertThat(admin.now()).isEqualTo(at("PT4M"));
        create(job("alpha-cpu", "ml.m5.xlarge", 1));
        admin.setClock(at("PT5M"));
        create(job("beta-cpu", "ml.c5.xlarge", 1));
        admin.setClock(at("PT6M"));
        create(onPlan("alpha-plan", 4, planA));
        admin.setClock(at("PT7M"));
        create(onPlan("beta-plan", 4, planB));
        admin.setClock(at("PT8M"));
        create(onPlan("gamma-plan", 4, planA));
        admin.setClock(at("PT10M"));
        sageMaker.stopTrainingJob(r -> r.trainingJobName("beta-cpu"));
        admin.setClock(at("PT11M"));
        admin.failTrainingJob("alpha-cpu", "AlgorithmError: boom");
        admin.setClock(at("PT1H30M"));
        create(job("delta-cpu", "ml.m5.xlarge", 1));
    }

    @Test
    void filtersByNameStatusTimesAndPlan() {
        sixJobs();
        assertThat(names(r -> { })).containsExactly("alpha-cpu", "beta-cpu", "alpha-plan", "beta-plan", "gamma-plan", "delta-cpu");
        assertThat(names(r -> r.nameContains("alpha"))).containsExactly("alpha-cpu", "alpha-plan");
        assertThat(names(r -> r.nameContains("plan"))).containsExactly("alpha-plan", "beta-plan", "gamma-plan");
        assertThat(names(r -> r.nameContains("nothing"))).isEmpty();

        assertThat(names(r -> r.statusEquals("Failed"))).containsExactly("alpha-cpu");
        assertThat(names(r -> r.statusEquals("Stopped"))).containsExactly("beta-cpu");
        assertThat(names(r -> r.statusEquals("InProgress"))).containsExactly("alpha-plan", "beta-plan", "gamma-plan", "delta-cpu");
        assertThat(names(r -> r.statusEquals("Completed"))).isEmpty();

        assertThat(names(r -> r.creationTimeAfter(at("PT6M")))).as("after is exclusive")
                .containsExactly("beta-plan", "gamma-plan", "delta-cpu");
        assertThat(names(r -> r.creationTimeBefore(at("PT6M")))).as("before is exclusive").containsExactly("alpha-cpu", "beta-cpu");
        assertThat(names(r -> r.creationTimeAfter(at("PT5M")).creationTimeBefore(at("PT8M"))))
                .containsExactly("alpha-plan", "beta-plan");

        assertThat(summary("alpha-cpu").lastModifiedTime()).isEqualTo(at("PT11M"));
        assertThat(summary("beta-cpu").lastModifiedTime()).isEqualTo(at("PT12M"));
        assertThat(summary("alpha-plan").lastModifiedTime()).isEqualTo(at("PT1H3M"));
        assertThat(names(r -> r.lastModifiedTimeBefore(at("PT1H")))).containsExactly("alpha-cpu", "beta-cpu");
        assertThat(names(r -> r.lastModifiedTimeBefore(at("PT12M")))).containsExactly("alpha-cpu");
        assertThat(names(r -> r.lastModifiedTimeAfter(at("PT1H"))))
                .containsExactly("alpha-plan", "beta-plan", "gamma-plan", "delta-cpu");
        assertThat(names(r -> r.lastModifiedTimeAfter(at("PT1H3M")))).containsExactly("delta-cpu");

        assertThat(names(r -> r.trainingPlanArnEquals(planA))).containsExactly("alpha-plan", "gamma-plan");
        assertThat(names(r -> r.trainingPlanArnEquals(planB))).containsExactly("beta-plan");
        assertThat(names(r -> r.trainingPlanArnEquals(planA).nameContains("gamma"))).containsExactly("gamma-plan");
        assertThat(names(r -> r.trainingPlanArnEquals(planA).statusEquals("Failed"))).isEmpty();
        assertThat(names(r -> r.warmPoolStatusEquals("Available"))).as("no job keeps a warm pool").isEmpty();
    }

    @Test
    void summariesCarryTheirTimesStatusesAndPlan() {
        sixJobs();
        TrainingJobSummary failed = summary("alpha-cpu");
        assertThat(failed.trainingJobArn()).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:training-job/alpha-cpu");
        assertThat(failed.creationTime()).isEqualTo(at("PT4M"));
        assertThat(failed.trainingJobStatusAsString()).isEqualTo("Failed");
        assertThat(failed.secondaryStatusAsString()).isEqualTo("Failed");
        assertThat(failed.trainingEndTime()).isEqualTo(at("PT11M"));
        assertThat(failed.trainingPlanArn()).isNull();
        TrainingJobSummary stopped = summary("beta-cpu");
        assertThat(stopped.secondaryStatusAsString()).isEqualTo("Stopped");
        assertThat(stopped.trainingEndTime()).as("stopped at 10 minutes, after its 2 minutes of Stopping")
                .isEqualTo(at("PT12M"));
        TrainingJobSummary onPlan = summary("gamma-plan");
        assertThat(onPlan.trainingPlanArn()).isEqualTo(planA);
        assertThat(onPlan.secondaryStatusAsString()).isEqualTo("Training");
        assertThat(onPlan.trainingEndTime()).isNull();
        assertThat(summary("delta-cpu").secondaryStatusAsString()).isEqualTo("Starting");
    }

    @Test
    void sortsByNameCreationTimeOrStatusAscendingUnlessAsked() {
        sixJobs();
        assertThat(names(r -> r.sortBy("Name"))).containsExactly("alpha-cpu", "alpha-plan", "beta-cpu", "beta-plan",
                "delta-cpu", "gamma-plan");
        assertThat(names(r -> r.sortBy("Name").sortOrder("Descending"))).containsExactly("gamma-plan", "delta-cpu",
                "beta-plan", "beta-cpu", "alpha-plan", "alpha-cpu");
        assertThat(names(r -> r.sortOrder("Descending"))).containsExactly("delta-cpu", "gamma-plan", "beta-plan",
                "alpha-plan", "beta-cpu", "alpha-cpu");
        assertThat(names(r -> r.sortBy("CreationTime").sortOrder("Ascending")))
                .isEqualTo(names(r -> { }));
        assertThat(names(r -> r.sortBy("Status"))).as("one status in creation order").containsExactly("alpha-cpu",
                "alpha-plan", "beta-plan", "gamma-plan", "delta-cpu", "beta-cpu");
        List<TrainingJobSummary> byStatusDown = sageMaker.listTrainingJobs(r -> r.sortBy("Status").sortOrder("Descending"))
                .trainingJobSummaries();
        assertThat(byStatusDown).extracting(TrainingJobSummary::trainingJobStatusAsString)
                .containsExactly("Stopped", "InProgress", "InProgress", "InProgress", "InProgress", "Failed");
        assertThat(byStatusDown.subList(1, 5)).extracting(TrainingJobSummary::trainingJobName).as("all reversed")
                .containsExactly("delta-cpu", "gamma-plan", "beta-plan", "alpha-plan");
    }

    /** 25 jobs a minute apart, whose names do not sort as they were created; two types so no quota is reached. */
    private List<String> twentyFiveJobs() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = String.format("job-%02d", i * 7 % 25);
            create(job(name, i % 2 == 0 ? "ml.m5.xlarge" : "ml.c5.xlarge", 1));
            created.add(name);
            admin.advance(Duration.ofMinutes(1));
        }
        return created;
    }

    private List<List<String>> pages(Consumer<ListTrainingJobsRequest.Builder> request) {
        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTrainingJobsResponse page = sageMaker.listTrainingJobs(r -> r.applyMutation(request).nextToken(next));
            pages.add(page.trainingJobSummaries().stream().map(TrainingJobSummary::trainingJobName).toList());
            token = page.nextToken();
        } while (token != null);
        return pages;
    }

    @Test
    void pagesOfTenByDefaultFollowTheirTokensInEveryOrder() {
        List<String> created = twentyFiveJobs();
        List<List<String>> byDefault = pages(r -> { });
        assertThat(byDefault).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(byDefault.stream().flatMap(List::stream).toList()).isEqualTo(created);

        List<List<String>> bySeven = pages(r -> r.maxResults(7));
        assertThat(bySeven).extracting(List::size).containsExactly(7, 7, 7, 4);
        assertThat(bySeven.stream().flatMap(List::stream).toList()).isEqualTo(created);

        List<String> sortedDown = IntStream.range(0, 25).map(i -> 24 - i).mapToObj(i -> String.format("job-%02d", i)).toList();
        List<List<String>> byName = pages(r -> r.sortBy("Name").sortOrder("Descending").maxResults(10));
        assertThat(byName).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(byName.stream().flatMap(List::stream).toList()).isEqualTo(sortedDown);

        List<List<String>> exact = pages(r -> r.maxResults(5));
        assertThat(exact).as("a last full page has no token after it").extracting(List::size).containsExactly(5, 5, 5, 5, 5);

        List<List<String>> filtered = pages(r -> r.nameContains("job-1").maxResults(4).sortBy("Name"));
        assertThat(filtered).containsExactly(List.of("job-10", "job-11", "job-12", "job-13"),
                List.of("job-14", "job-15", "job-16", "job-17"), List.of("job-18", "job-19"));
    }

    @Test
    void pagesAreKeysetsJobsCreatedAfterTheCursorShowAndATokenIsBoundToItsQuery() {
        List<String> created = twentyFiveJobs();
        ListTrainingJobsResponse first = sageMaker.listTrainingJobs(r -> r.maxResults(10));
        assertThat(first.trainingJobSummaries()).extracting(TrainingJobSummary::trainingJobName)
                .isEqualTo(created.subList(0, 10));
        create(job("a-late-one", "ml.m5.xlarge", 1));
        ListTrainingJobsResponse second = sageMaker.listTrainingJobs(r -> r.maxResults(10).nextToken(first.nextToken()));
        assertThat(second.trainingJobSummaries()).extracting(TrainingJobSummary::trainingJobName)
                .isEqualTo(created.subList(10, 20));
        ListTrainingJobsResponse third = sageMaker.listTrainingJobs(r -> r.maxResults(10).nextToken(second.nextToken()));
        List<String> rest = new ArrayList<>(created.subList(20, 25));
        rest.add("a-late-one");
        assertThat(third.trainingJobSummaries()).extracting(TrainingJobSummary::trainingJobName).isEqualTo(rest);
        assertThat(third.nextToken()).isNull();

        ListTrainingJobsResponse byName = sageMaker.listTrainingJobs(r -> r.sortBy("Name").maxResults(10));
        assertThat(byName.trainingJobSummaries().get(0).trainingJobName()).isEqualTo("a-late-one");
        create(job("a-later-one", "ml.c5.xlarge", 1));
        ListTrainingJobsResponse byName2 = sageMaker.listTrainingJobs(r -> r.sortBy("Name").maxResults(10)
                .nextToken(byName.nextToken()));
        assertThat(byName2.trainingJobSummaries().get(0).trainingJobName())
                .as("a name before the cursor is not shown later").isEqualTo("job-09");

        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sageMaker.listTrainingJobs(r -> r
                .maxResults(10).sortOrder("Descending").nextToken(first.nextToken())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid pagination token given. Use the NextToken from the previous response.");
        SageMakerException filtered = catchThrowableOfType(SageMakerException.class, () -> sageMaker.listTrainingJobs(r -> r
                .maxResults(10).nameContains("job").nextToken(first.nextToken())));
        assertThat(filtered.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(filtered.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid pagination token given. Use the NextToken from the previous response.");
        SageMakerException forged = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.listTrainingJobs(r -> r.nextToken("not-a-token")));
        assertThat(forged.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(forged.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid pagination token given. Use the NextToken from the previous response.");
    }

    /**
     * As ListTrainingJobs documents: with StatusEquals and MaxResults, MaxResults jobs are taken first ignoring the
     * status, then filtered, so pages are short or empty and still carry a NextToken. A client that stops at the
     * first short page misses jobs.
     */
    @Test
    void statusEqualsFiltersEachPageOfMaxResultsJobsAfterItIsTaken() {
        sixJobs(); // alpha-cpu Failed, beta-cpu Stopped, alpha-plan, beta-plan, gamma-plan, delta-cpu InProgress
        List<List<String>> failed = pages(r -> r.statusEquals("Failed").maxResults(2));
        assertThat(failed).containsExactly(List.of("alpha-cpu"), List.of(), List.of());
        List<List<String>> running = pages(r -> r.statusEquals("InProgress").maxResults(2));
        assertThat(running).containsExactly(List.of(), List.of("alpha-plan", "beta-plan"), List.of("gamma-plan", "delta-cpu"));
        List<List<String>> down = pages(r -> r.statusEquals("InProgress").maxResults(4).sortOrder("Descending"));
        assertThat(down).containsExactly(List.of("delta-cpu", "gamma-plan", "beta-plan", "alpha-plan"), List.of());
        assertThat(pages(r -> r.statusEquals("Completed").maxResults(100))).containsExactly(List.of());
    }

    @Test
    void maxResultsIsBetweenOneAndOneHundred() {
        create(job("only", "ml.m5.xlarge", 1));
        for (int bad : new int[] {0, 101}) {
            SageMakerException e = catchThrowableOfType(SageMakerException.class,
                    () -> sageMaker.listTrainingJobs(r -> r.maxResults(bad)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '" + bad
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value "
                    + (bad == 0 ? "greater than or equal to 1" : "less than or equal to 100"));
        }
        assertThat(sageMaker.listTrainingJobs(r -> r.maxResults(1)).trainingJobSummaries()).hasSize(1);
        assertThat(sageMaker.listTrainingJobs(r -> r.maxResults(1)).nextToken()).isNull();
    }
}
