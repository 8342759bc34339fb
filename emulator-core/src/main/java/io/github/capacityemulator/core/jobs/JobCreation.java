package io.github.capacityemulator.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.capacity.HoldOwner;
import io.github.capacityemulator.core.capacity.InventorySource;
import io.github.capacityemulator.core.capacity.OnDemandCapacity;
import io.github.capacityemulator.core.capacity.ReservedCapacity;
import io.github.capacityemulator.core.capacity.ReservedPlan;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.error.ResourceInUse;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.requests.CreateTrainingJobRequest;
import io.github.capacityemulator.core.requests.ResourceConfig;
import io.github.capacityemulator.core.store.AcceptanceSequence;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.Store;
import io.github.capacityemulator.core.tags.TagStore;

import java.sql.SQLException;
import java.util.List;

/**
 * CreateTrainingJob: a job on a plan joins the plan's queue; a job on demand is checked against its instance
 * type's quota and draws on the inventory's on-demand capacity (no room: it fails with a CapacityError).
 */
final class JobCreation {

    static final String HOLD = "training-job";
    /** A stand-in zone, to time a job that will find one before it looks for room. */
    private static final String PROBE_ZONE = "probe";

    private final Store store;
    private final EmulatorClock clock;
    private final InventorySource inventory;
    private final TrainingJobSettings settings;
    private final JobRepository jobs;
    private final ReservedCapacity plans;
    private final OnDemandCapacity onDemand;
    private final TagStore tags;
    private final JobContract limits;
    private final JobEcho echo;

    JobCreation(Store store, EmulatorClock clock, InventorySource inventory, TrainingJobSettings settings,
                JobRepository jobs, ReservedCapacity plans, OnDemandCapacity onDemand, TagStore tags,
                JobContract limits, JobEcho echo) {
        this.store = store;
        this.clock = clock;
        this.inventory = inventory;
        this.settings = settings;
        this.jobs = jobs;
        this.plans = plans;
        this.onDemand = onDemand;
        this.tags = tags;
        this.limits = limits;
        this.echo = echo;
    }

    JsonNode create(RequestContext ctx, CreateTrainingJobRequest in, JsonNode raw) {
        String name = in.trainingJobName();
        ResourceConfig r = JobRules.resources(in);
        JobRules.checkAlgorithm(in.algorithmSpecification());
        long maxRuntime = JobRules.maxRuntimeSeconds(in) * 1000;
        Integer maxPending = in.stoppingCondition() == null ? null : in.stoppingCondition().maxPendingTimeInSeconds();
        String arn = ctx.arn("training-job/" + name);
        return store.write(sql -> {
            // Read under the write lock, so that creation times follow the order creates are accepted in.
            long now = clock.now().toEpochMilli();
            jobs.purgeGone(sql, ctx.account(), ctx.region(), now);
            if (jobs.find(sql, ctx.account(), ctx.region(), name, now).isPresent()) {
                throw new ResourceInUse("Training job names must be unique within an AWS account and region, and a"
                        + " training job with this name already exists (" + arn + ")");
            }
            JobFacts job = new JobFacts(name, arn, now, r.instanceType(), r.instanceCount(), r.trainingPlanArn(), null,
                    Math.min(settings.runtime().toMillis(), maxRuntime), maxRuntime,
                    maxPending == null ? null : maxPending * 1000L, in.outputDataConfig().s3OutputPath(), null, null, null,
                    null, null, echo.of(raw, maxRuntime / 1000), AcceptanceSequence.next(sql), 0, 0, 0);
            if (r.trainingPlanArn() != null) {
                ReservedPlan plan = plans.plan(sql, ctx.account(), ctx.region(), r.trainingPlanArn(), now)
                        .orElseThrow(() -> new ValidationException("Training job " + name + ": training plan "
                                + r.trainingPlanArn() + " does not exist in this account and region."));
                JobRules.checkPlan(name, plan, r);
            } else {
                JobRules.checkQuota(r.instanceType(), quotaOf(r.instanceType()),
                        onDemandInUse(sql, ctx, r.instanceType(), now), r.instanceCount());
                // Room only for as long as the job can run: its end is known, unlike a cluster's. A stop as late as
                // the end of its upload ends it a Stopping later: room for that too.
                long until = endOf(job.inZone(PROBE_ZONE)) + settings.stopping().toMillis();
                job = job.inZone(onDemand.zoneFor(sql, ctx.region(), inventory.current().inventory(), r.instanceType(),
                        r.instanceCount(), now, until, List.of()));
            }
            // ModelArtifacts.S3ModelArtifacts is an S3Uri too: a path the model allows can make it too long.
            if (JobJson.modelArtifacts(name, in.outputDataConfig().s3OutputPath()).length() > limits.maxS3Uri()) {
                throw new ValidationException("OutputDataConfig.S3OutputPath is too long for the model artifacts of "
                        + name + ": <S3OutputPath>/" + name + "/output/model.tar.gz must be at most "
                        + limits.maxS3Uri() + " characters.");
            }
            if (job.zone() != null) {
                onDemand.hold(sql, HoldOwner.of(HOLD, arn), ctx.region(), job.zone(), r.instanceType(),
                        r.instanceCount(), now);
                onDemand.release(sql, HoldOwner.of(HOLD, arn), endOf(job));
            }
            jobs.insert(sql, ctx, job);
            tags.addTags(sql, ctx.account(), ctx.region(), arn, TagStore.tagsOf(in.tags()));
            return JobJson.object().put("TrainingJobArn", arn);
        });
    }

    int quotaOf(String type) {
        Integer set = settings.quotas().get(type);
        return set != null ? set : limits.reservableTypes().contains(type) ? 0 : settings.quota();
    }

    /** Instances of a type that the scope's on-demand jobs run now: the quota's current utilization. */
    private int onDemandInUse(Sql sql, RequestContext ctx, String type, long now) throws SQLException {
        int used = 0;
        for (JobFacts j : jobs.all(sql, ctx.account(), ctx.region(), now)) {
            if (!j.onPlan() && j.instanceType().equals(type) && !JobSchedule.onDemand(settings, j, now).finished()) {
                used += j.instanceCount();
            }
        }
        return used;
    }

    /** When an on-demand job's instances go, as its facts stand: its hold is released then. */
    long endOf(JobFacts job) {
        JobTimeline done = JobSchedule.onDemand(settings, job, Long.MAX_VALUE / 4);
        return done.lastModified();
    }
}
