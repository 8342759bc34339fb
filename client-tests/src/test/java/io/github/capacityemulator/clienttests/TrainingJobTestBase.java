package io.github.capacityemulator.clienttests;

import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingPlanResponse;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Helpers for the training job tests. Default phases: Starting 2 min, Downloading 1, Training 1 h, Uploading 1,
 * Stopping 2, Deleting 1; a job on a plan may wait (Pending) first.
 */
abstract class TrainingJobTestBase extends PlanTestBase {

    static final String ROLE = "arn:aws:iam::123456789012:role/training";
    static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:latest";
    static final String OUTPUT = "s3://bucket/output";
    static final String P5 = "ml.p5.48xlarge";
    static final Duration STARTING = Duration.ofMinutes(2);
    static final Duration DOWNLOADING = Duration.ofMinutes(1);
    static final Duration TRAINING = Duration.ofHours(1);
    static final Duration UPLOADING = Duration.ofMinutes(1);
    static final Duration STOPPING = Duration.ofMinutes(2);
    static final Duration DELETING = Duration.ofMinutes(1);
    /** A job that does not wait, from creation to Completed: 2 + 1 + 60 + 1 minutes. */
    static final Duration WHOLE_RUN = Duration.ofMinutes(64);

    /** SageMaker's one message for a waiting job, before the plan's block starts as when it is full. */
    static final String WAITING_FOR_PLAN = "Training job waiting for capacity";
    static final String WAITING_FOR_CAPACITY = WAITING_FOR_PLAN;
    static final String INTERRUPTED = "The reserved capacity ends in 30 minutes: the job was interrupted and waits for"
            + " the training plan's next reserved capacity.";
    static final String CAPACITY_ERROR = "CapacityError: Unable to provision requested ML compute capacity. Please"
            + " retry using a different ML instance type.";
    static final String INSUFFICIENT_CAPACITY = "InsufficientCapacityError: The training plan did not have capacity"
            + " for the job within the time it could wait.";

    /** A valid request for {@code count} instances of {@code type}, on demand. */
    static CreateTrainingJobRequest.Builder job(String name, String type, int count) {
        return CreateTrainingJobRequest.builder().trainingJobName(name).roleArn(ROLE)
                .algorithmSpecification(AlgorithmSpecification.builder().trainingImage(IMAGE)
                        .trainingInputMode(TrainingInputMode.FILE).build())
                .outputDataConfig(OutputDataConfig.builder().s3OutputPath(OUTPUT).build())
                .resourceConfig(ResourceConfig.builder().instanceType(type).instanceCount(count).volumeSizeInGB(50).build());
    }

    /** A valid request for {@code count} ml.p5.48xlarge on the plan. */
    static CreateTrainingJobRequest.Builder onPlan(String name, int count, String planArn) {
        return job(name, P5, count).resourceConfig(ResourceConfig.builder().instanceType(P5).instanceCount(count)
                .volumeSizeInGB(50).trainingPlanArn(planArn).build());
    }

    static CreateTrainingJobRequest.Builder withStopping(CreateTrainingJobRequest.Builder job,
                                                        Consumer<StoppingCondition.Builder> stopping) {
        return job.stoppingCondition(StoppingCondition.builder().applyMutation(stopping).build());
    }

    String create(CreateTrainingJobRequest.Builder job) {
        return sageMaker.createTrainingJob(job.build()).trainingJobArn();
    }

    /** The SageMakerException a refused CreateTrainingJob throws, after checking its error code. */
    SageMakerException refused(String code, CreateTrainingJobRequest.Builder job) {
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> create(job));
        assertThat(e).as("CreateTrainingJob is refused").isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        return e;
    }

    /** Buys a 24-hour training-job plan of {@code count} ml.p5.48xlarge (01:00 on day 0 to 11:30 on day 1) and pays. */
    String buyJobsPlan(String name, int count) {
        return buyJobsPlan(name, count, 24);
    }

    String buyJobsPlan(String name, int count, int hours) {
        String offering = searchP5(count, hours, SageMakerResourceName.TRAINING_JOB).trainingPlanOfferings().get(0)
                .trainingPlanOfferingId();
        String arn = sageMaker.createTrainingPlan(r -> r.trainingPlanName(name).trainingPlanOfferingId(offering))
                .trainingPlanArn();
        admin.advance(Duration.ofMinutes(2));
        return arn;
    }

    DescribeTrainingJobResponse describe(String name) {
        return sageMaker.describeTrainingJob(r -> r.trainingJobName(name));
    }

    /**
     * The error SageMaker gives a call naming a training job that does not exist: a ValidationException (not
     * ResourceNotFound) saying "Requested resource not found.".
     */
    static SageMakerException notFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        SageMakerException e = catchThrowableOfType(SageMakerException.class, call);
        assertThat(e).as("a call on a missing training job is refused").isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found.");
        return e;
    }

    /** TrainingJobStatus/SecondaryStatus. */
    String status(String name) {
        DescribeTrainingJobResponse d = describe(name);
        return d.trainingJobStatusAsString() + "/" + d.secondaryStatusAsString();
    }

    /** The plan's InUseInstanceCount/AvailableInstanceCount. */
    String counts(String plan) {
        DescribeTrainingPlanResponse p = sageMaker.describeTrainingPlan(r -> r.trainingPlanName(plan));
        return p.inUseInstanceCount() + "/" + p.availableInstanceCount();
    }

    /** A time as an offset from t0 (a Duration's text: PT1H2M; PT35H is a day and 11 hours). */
    String rel(Instant t) {
        return t == null ? "-" : Duration.between(t0, t).toString();
    }

    /** The SecondaryStatusTransitions of a job, each as "Status start..end" relative to t0. */
    List<String> steps(String name) {
        List<String> out = new ArrayList<>();
        for (SecondaryStatusTransition s : describe(name).secondaryStatusTransitions()) {
            out.add(s.statusAsString() + " " + rel(s.startTime()) + ".." + (s.endTime() == null ? "" : rel(s.endTime())));
        }
        return out;
    }

    /** An expected step; {@code to} null while it lasts. Offsets as {@link #at(String)} takes them. */
    String step(String status, String from, String to) {
        return status + " " + rel(at(from)) + ".." + (to == null ? "" : rel(at(to)));
    }

    /** Every job the account lists, paging with MaxResults 100. */
    List<TrainingJobSummary> allJobs() {
        List<TrainingJobSummary> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = sageMaker.listTrainingJobs(r -> r.maxResults(100).nextToken(next));
            all.addAll(page.trainingJobSummaries());
            token = page.nextToken();
        } while (token != null);
        return all;
    }
}
