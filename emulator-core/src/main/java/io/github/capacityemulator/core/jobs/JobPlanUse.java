package io.github.capacityemulator.core.jobs;

import io.github.capacityemulator.core.capacity.ReservedBlock;
import io.github.capacityemulator.core.capacity.ReservedCapacityConsumer;
import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.util.Map;

/** Training jobs as consumers of plans: the instances of the jobs whose instances are up now, in the active block. */
final class JobPlanUse implements ReservedCapacityConsumer {

    private final JobStates states;
    private final JobRepository jobs;

    JobPlanUse(JobStates states, JobRepository jobs) {
        this.states = states;
        this.jobs = jobs;
    }

    @Override
    public int claimed(Sql sql, String account, String region, String planArn, long now) throws SQLException {
        if (jobs.onPlan(sql, account, region, planArn).isEmpty()) {
            return 0;
        }
        Map<String, JobTimeline> timelines = states.onPlan(sql, account, region, planArn, now);
        int sum = 0;
        for (JobFacts j : jobs.onPlan(sql, account, region, planArn)) {
            JobTimeline t = timelines.get(j.replayKey());
            if (t != null && t.holdsCapacity()) {
                sum += j.instanceCount();
            }
        }
        return sum;
    }

    @Override
    public int inUse(Sql sql, String account, String region, String planArn, ReservedBlock block, long now)
            throws SQLException {
        return block.isActive() ? claimed(sql, account, region, planArn, now) : 0;
    }
}
