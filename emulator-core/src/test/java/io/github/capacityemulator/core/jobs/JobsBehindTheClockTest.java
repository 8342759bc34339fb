package io.github.capacityemulator.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect (fourth review): a job stored later than the clock reads (a read that took the time just before a create
 * committed; a data directory of an emulator that did not store its clock, whose clock runs from real time again)
 * had no timeline, and DescribeTrainingJob failed with a 500. Such jobs are described as of their creation.
 */
class JobsBehindTheClockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext CALLER = new RequestContext("000000000000", "us-east-1", "req");

    private static JsonNode call(Emulator e, String operation, String body) throws Exception {
        return e.dispatch(CALLER, operation, JSON.readTree(body));
    }

    private static String job(String name, String plan) {
        return "{\"TrainingJobName\":\"" + name + "\",\"RoleArn\":\"arn:aws:iam::123456789012:role/r\","
                + "\"AlgorithmSpecification\":{\"TrainingImage\":\"1.dkr.ecr.us-east-1.amazonaws.com/t:1\","
                + "\"TrainingInputMode\":\"File\"},\"OutputDataConfig\":{\"S3OutputPath\":\"s3://b/o\"},"
                + "\"ResourceConfig\":{\"InstanceType\":\"ml.p5.48xlarge\",\"InstanceCount\":4,\"VolumeSizeInGB\":10,"
                + "\"TrainingPlanArn\":\"" + plan + "\"}}";
    }

    private static void forgetTheClock(Path dir) {
        try (Store store = Store.inDirectory(dir, List.of())) {
            store.write(sql -> sql.update("DELETE FROM emulator_meta WHERE name = 'clock'"));
        }
    }

    @Test
    void jobsStoredAfterTheClocksTimeAreDescribedAsCreated(@TempDir Path dir) throws Exception {
        Instant later = Instant.now().plus(Duration.ofDays(30));
        try (Emulator first = Emulator.start(EmulatorSettings.defaults().withDataDir(dir))) {
            first.admin().setClock(later, true);
            String offering = call(first, "SearchTrainingPlanOfferings", "{\"InstanceType\":\"ml.p5.48xlarge\","
                    + "\"InstanceCount\":8,\"DurationHours\":24,\"TargetResources\":[\"training-job\"]}")
                    .get("TrainingPlanOfferings").get(0).get("TrainingPlanOfferingId").asText();
            String plan = call(first, "CreateTrainingPlan", "{\"TrainingPlanName\":\"p\",\"TrainingPlanOfferingId\":\""
                    + offering + "\"}").get("TrainingPlanArn").asText();
            first.admin().advanceClock(Duration.ofMinutes(2));
            call(first, "CreateTrainingJob", job("a", plan));
            first.admin().advanceClock(Duration.ofMinutes(1));
            call(first, "CreateTrainingJob", job("b", plan));
        }
        forgetTheClock(dir); // as a directory written before the clock was stored
        try (Emulator restarted = Emulator.start(EmulatorSettings.defaults().withDataDir(dir))) {
            assertThat(restarted.now()).isBefore(later);
            JsonNode b = call(restarted, "DescribeTrainingJob", "{\"TrainingJobName\":\"b\"}");
            assertThat(b.get("TrainingJobStatus").asText()).isEqualTo("InProgress");
            assertThat(b.get("SecondaryStatus").asText()).isEqualTo("Pending");
            assertThat(call(restarted, "ListTrainingJobs", "{}").get("TrainingJobSummaries")).hasSize(2);
        }
    }
}
