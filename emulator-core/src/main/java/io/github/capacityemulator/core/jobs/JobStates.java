package io.github.capacityemulator.core.jobs;

import io.github.capacityemulator.core.capacity.ReservedCapacity;
import io.github.capacityemulator.core.capacity.ReservedPlan;
import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A job's timeline at a time: on demand on its own; on a plan, replayed with the plan's other jobs and its blocks. */
final class JobStates {

    private final JobRepository jobs;
    private final ReservedCapacity plans;
    private final TrainingJobSettings settings;

    JobStates(JobRepository jobs, ReservedCapacity plans, TrainingJobSettings settings) {
        this.jobs = jobs;
        this.plans = plans;
        this.settings = settings;
    }

    /**
     * A job's timeline at {@code now}, or at its creation if that is later: a read that took the time just before a
     * create committed still describes the new job (as created), instead of finding no timeline for it.
     */
    JobTimeline of(Sql sql, String account, String region, JobFacts job, long now) throws SQLException {
        if (!job.onPlan()) {
            return JobSchedule.onDemand(settings, job, Math.max(now, job.createdAt()));
        }
        return onPlan(sql, account, region, job.planArn(), now).get(job.replayKey());
    }

    /** The timelines of every job on a plan, by {@link JobFacts#replayKey} (a plan that no longer exists has no capacity to give). */
    Map<String, JobTimeline> onPlan(Sql sql, String account, String region, String planArn, long now) throws SQLException {
        List<JobFacts> onPlan = jobs.onPlan(sql, account, region, planArn);
        long at = Math.max(now, onPlan.stream().mapToLong(JobFacts::createdAt).max().orElse(now)); // as in of()
        Optional<ReservedPlan> plan = plans.reservation(sql, account, region, planArn, at);
        return JobSchedule.onPlan(settings, onPlan, plan.map(ReservedPlan::blocks).orElse(List.of()),
                plan.map(ReservedPlan::usableInstances).orElse(0), at);
    }
}
