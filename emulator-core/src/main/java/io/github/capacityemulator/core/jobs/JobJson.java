package io.github.capacityemulator.core.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.contract.Timestamps;

import java.util.List;

/** Renders training jobs as SageMaker's output shapes. */
final class JobJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Where the model artifacts of a job go: {@code <S3OutputPath>/<name>/output/model.tar.gz}. */
    static String modelArtifacts(JobFacts job) {
        return modelArtifacts(job.name(), job.s3OutputPath());
    }

    static String modelArtifacts(String name, String s3OutputPath) {
        String base = s3OutputPath.endsWith("/") ? s3OutputPath.substring(0, s3OutputPath.length() - 1) : s3OutputPath;
        return base + "/" + name + "/output/model.tar.gz";
    }

    /** DescribeTrainingJobResponse: every member that applies, consistent with the status. */
    static ObjectNode describe(JobFacts job, JobTimeline t, String status) {
        ObjectNode out = object();
        out.put("TrainingJobName", job.name());
        out.put("TrainingJobArn", job.arn());
        out.putObject("ModelArtifacts").put("S3ModelArtifacts", modelArtifacts(job));
        out.put("TrainingJobStatus", status);
        out.put("SecondaryStatus", t.secondaryStatus());
        if (t.failureReason() != null) {
            out.put("FailureReason", t.failureReason());
        }
        job.echo().fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        out.set("CreationTime", Timestamps.json(job.createdAt()));
        if (t.trainingStart() != null) {
            out.set("TrainingStartTime", Timestamps.json(t.trainingStart()));
        }
        if (t.finished() && t.trainingStart() != null) {
            out.set("TrainingEndTime", Timestamps.json(t.trainingEnd() != null ? t.trainingEnd() : t.lastModified()));
        }
        out.set("LastModifiedTime", Timestamps.json(lastModified(job, t)));
        ArrayNode transitions = out.putArray("SecondaryStatusTransitions");
        for (JobTimeline.Step s : t.steps()) {
            ObjectNode step = transitions.addObject().put("Status", s.status());
            step.set("StartTime", Timestamps.json(s.start()));
            if (s.end() != null) {
                step.set("EndTime", Timestamps.json(s.end()));
            }
            step.put("StatusMessage", s.message());
        }
        if (t.finished() && t.trainingStart() != null) {
            // Training time is the wall time from start to end; billable time leaves out waits and relaunches
            // between reserved capacities (as managed spot training does). Whole seconds, at least 1 (the model's
            // minimum) for instances that came up at all, even for an instant.
            out.put("TrainingTimeInSeconds", wholeSeconds(t.trainingEnd() - t.trainingStart()));
            out.put("BillableTimeInSeconds", wholeSeconds(t.billableMillis()));
        }
        // The service reports these flags whether or not the request set them.
        for (String flag : List.of("EnableNetworkIsolation", "EnableInterContainerTrafficEncryption",
                "EnableManagedSpotTraining")) {
            if (!out.has(flag)) {
                out.put(flag, false);
            }
        }
        return out;
    }

    private static long wholeSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    static long lastModified(JobFacts job, JobTimeline t) {
        return job.deleteAt() != null ? Math.max(job.deleteAt(), t.lastModified()) : t.lastModified();
    }

    /** TrainingJobSummary. */
    static ObjectNode summary(JobFacts job, JobTimeline t, String status) {
        ObjectNode out = object();
        out.put("TrainingJobName", job.name());
        out.put("TrainingJobArn", job.arn());
        out.set("CreationTime", Timestamps.json(job.createdAt()));
        if (t.finished() && t.trainingStart() != null) {
            out.set("TrainingEndTime", Timestamps.json(t.trainingEnd() != null ? t.trainingEnd() : t.lastModified()));
        }
        out.set("LastModifiedTime", Timestamps.json(lastModified(job, t)));
        out.put("TrainingJobStatus", status);
        out.put("SecondaryStatus", t.secondaryStatus());
        if (job.planArn() != null) {
            out.put("TrainingPlanArn", job.planArn());
        }
        return out;
    }
}
