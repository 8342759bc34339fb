package io.github.capacityemulator.junit;

import io.github.capacityemulator.core.admin.AdminRequestException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Scripted training job outcomes through {@link EmulatorControl}, as a test would use them. */
@SageMakerEmulatorTest(region = "eu-west-1", account = "123456789012")
class TrainingJobControlTest {

    private static void create(SageMakerClient sageMaker, String name) {
        sageMaker.createTrainingJob(CreateTrainingJobRequest.builder().trainingJobName(name)
                .roleArn("arn:aws:iam::123456789012:role/training")
                .algorithmSpecification(a -> a.trainingImage("123456789012.dkr.ecr.eu-west-1.amazonaws.com/t:1")
                        .trainingInputMode("File"))
                .outputDataConfig(o -> o.s3OutputPath("s3://bucket/out"))
                .resourceConfig(r -> r.instanceType("ml.m5.xlarge").instanceCount(1).volumeSizeInGB(10)).build());
    }

    private static DescribeTrainingJobResponse describe(SageMakerClient sageMaker, String name) {
        return sageMaker.describeTrainingJob(r -> r.trainingJobName(name));
    }

    @Test
    void aTestCompletesOrFailsAJobByNameOrInItsAccountAndRegion(SageMakerClient sageMaker, EmulatorControl emulator) {
        create(sageMaker, "done");
        create(sageMaker, "broken");
        emulator.advanceClock(Duration.ofMinutes(5));
        emulator.completeTrainingJob("done");
        emulator.failTrainingJob("broken", "123456789012", "eu-west-1", "AlgorithmError: diverged");
        emulator.advanceClock(Duration.ofMinutes(1));
        assertThat(describe(sageMaker, "done").trainingJobStatusAsString()).isEqualTo("Completed");
        DescribeTrainingJobResponse broken = describe(sageMaker, "broken");
        assertThat(broken.trainingJobStatusAsString()).isEqualTo("Failed");
        assertThat(broken.failureReason()).isEqualTo("AlgorithmError: diverged");
    }

    @Test
    void aFailureReasonTheModelCouldNotDescribeOrASecondCompletionIsRefusedAndChangesNothing(
            SageMakerClient sageMaker, EmulatorControl emulator) {
        create(sageMaker, "j");
        emulator.advanceClock(Duration.ofMinutes(10));
        AdminRequestException tooLong = catchThrowableOfType(AdminRequestException.class,
                () -> emulator.failTrainingJob("j", "x".repeat(1025)));
        assertThat(tooLong.getMessage()).isEqualTo("failureReason must be a string of at most 1024 characters");
        assertThat(describe(sageMaker, "j").secondaryStatusAsString()).isEqualTo("Training");

        emulator.completeTrainingJob("j");
        var before = describe(sageMaker, "j").secondaryStatusTransitions();
        emulator.advanceClock(Duration.ofSeconds(30));
        AdminRequestException twice = catchThrowableOfType(AdminRequestException.class,
                () -> emulator.completeTrainingJob("j", "123456789012", "eu-west-1"));
        assertThat(twice.getMessage()).isEqualTo("training job j is completing already");
        assertThat(describe(sageMaker, "j").secondaryStatusTransitions()).isEqualTo(before);
        emulator.advanceClock(Duration.ofSeconds(30));
        assertThat(describe(sageMaker, "j").trainingJobStatusAsString()).isEqualTo("Completed");
    }
}
