package io.github.capacityemulator.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.capacity.HoldOwner;
import io.github.capacityemulator.core.capacity.OnDemandCapacity;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.error.ResourceInUse;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.requests.DeleteTrainingJobRequest;
import io.github.capacityemulator.core.requests.StopTrainingJobRequest;
import io.github.capacityemulator.core.store.AcceptanceSequence;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.Store;

import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What is done to a job after its creation: StopTrainingJob, DeleteTrainingJob, and the admin's scripted outcomes
 * (complete, fail). Each is a fact stored with its time; the statuses follow from the replay.
 */
final class JobControl {

    private static final String UPLOADING = "Uploading";
    static final String DEFAULT_FAILURE = "AlgorithmError: the training job failed (scripted through the emulator's"
            + " admin API).";

    private final Store store;
    private final EmulatorClock clock;
    private final JobRepository jobs;
    private final JobQueries queries;
    private final OnDemandCapacity onDemand;
    private final JobCreation creation;
    /** DescribeTrainingJob's FailureReason: at most this long, in the model. */
    private final int maxFailureReason;

    JobControl(Store store, EmulatorClock clock, JobRepository jobs, JobQueries queries, OnDemandCapacity onDemand,
               JobCreation creation, int maxFailureReason) {
        this.store = store;
        this.clock = clock;
        this.jobs = jobs;
        this.queries = queries;
        this.onDemand = onDemand;
        this.creation = creation;
        this.maxFailureReason = maxFailureReason;
    }

    JsonNode stop(RequestContext ctx, StopTrainingJobRequest in) {
        return store.write(sql -> {
            long now = clock.now().toEpochMilli(); // under the write lock: facts are stored in time order
            JobQueries.Located j = queries.locate(sql, ctx, in.trainingJobName(), now);
            if (!j.status().equals("InProgress")) {
                throw new ValidationException("The request was rejected because the training job is in status "
                        + j.status() + ".");
            }
            long sequence = AcceptanceSequence.next(sql);
            change(sql, j.job(), f -> f.stopped(now, sequence), now);
            return JobJson.object();
        });
    }

    JsonNode delete(RequestContext ctx, DeleteTrainingJobRequest in) {
        return store.write(sql -> {
            long now = clock.now().toEpochMilli(); // under the write lock: facts are stored in time order
            JobQueries.Located j = queries.locate(sql, ctx, in.trainingJobName(), now);
            if (!j.timeline().finished() || j.status().equals("Deleting")) {
                throw new ResourceInUse("The training job " + j.job().name() + " is " + j.status()
                        + ": only a Completed, Failed or Stopped training job can be deleted.");
            }
            jobs.update(sql, j.job().deleted(now));
            return JobJson.object();
        });
    }

    /**
     * Scripts the job's training to end now (or as soon as it trains, if it is not training yet). Once only: a
     * second completion would move the end of a Training step already shown.
     */
    JsonNode complete(RequestContext ctx, String name) {
        return script(ctx, name, (j, now, sequence) -> {
            if (j.job().completeAt() != null || UPLOADING.equals(j.timeline().secondaryStatus())) {
                throw new IllegalArgumentException("training job " + name + " is completing already");
            }
            return j.job().completed(now, sequence);
        });
    }

    JsonNode fail(RequestContext ctx, String name, String reason) {
        String why = reason == null || reason.isBlank() ? DEFAULT_FAILURE : reason;
        if (why.length() > maxFailureReason) {
            // The model bounds DescribeTrainingJob's FailureReason: a longer one could not be described.
            throw new IllegalArgumentException("failureReason must be a string of at most " + maxFailureReason
                    + " characters");
        }
        return script(ctx, name, (j, now, sequence) -> j.job().failed(now, why, sequence));
    }

    private interface Outcome {
        JobFacts apply(JobQueries.Located job, long now, long sequence);
    }

    private JsonNode script(RequestContext ctx, String name, Outcome outcome) {
        return store.write(sql -> {
            long now = clock.now().toEpochMilli(); // under the write lock: facts are stored in time order
            JobQueries.Located j = queries.locate(sql, ctx, name, now);
            if (!j.status().equals("InProgress")) {
                throw new IllegalArgumentException("training job " + name + " is " + j.status() + ", not InProgress");
            }
            JobFacts scripted = outcome.apply(j, now, AcceptanceSequence.next(sql));
            change(sql, j.job(), f -> scripted, now);
            JobQueries.Located after = queries.locate(sql, ctx, name, now);
            return JobJson.object().put("trainingJobName", name).put("status", after.status())
                    .put("secondaryStatus", after.timeline().secondaryStatus());
        });
    }

    /** Stores a changed fact; an on-demand job's hold follows its new end. */
    private void change(Sql sql, JobFacts job, UnaryOperator<JobFacts> how, long now) throws SQLException {
        JobFacts changed = how.apply(job);
        jobs.update(sql, changed);
        if (!changed.onPlan() && changed.zone() != null) {
            onDemand.release(sql, HoldOwner.of(JobCreation.HOLD, changed.arn()), Math.max(now, creation.endOf(changed)));
        }
    }

    /** The scopes holding a job of this name, for admin calls that name no account or region. */
    List<RequestContext> scopesOf(String name) {
        return store.read(sql -> jobs.scopesOf(sql, name));
    }
}
