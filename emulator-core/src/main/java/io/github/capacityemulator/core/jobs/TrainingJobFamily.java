package io.github.capacityemulator.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.capacity.OnDemandCapacity;
import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.family.FamilyContext;
import io.github.capacityemulator.core.family.HandlerTable;
import io.github.capacityemulator.core.family.OperationFamily;
import io.github.capacityemulator.core.family.TaggableKind;
import io.github.capacityemulator.core.requests.CreateTrainingJobRequest;
import io.github.capacityemulator.core.requests.DeleteTrainingJobRequest;
import io.github.capacityemulator.core.requests.DescribeTrainingJobRequest;
import io.github.capacityemulator.core.requests.ListTrainingJobsRequest;
import io.github.capacityemulator.core.requests.StopTrainingJobRequest;
import io.github.capacityemulator.core.store.Migration;
import io.github.capacityemulator.core.store.SqlDialect;
import io.github.capacityemulator.core.tags.TagStore;

import java.util.List;

/**
 * Training jobs: CreateTrainingJob, DescribeTrainingJob, ListTrainingJobs, StopTrainingJob and DeleteTrainingJob,
 * queued on a training plan's reserved capacity (a consumer of it) or run on demand; statuses replayed from the
 * stored facts and the clock. The admin scripts outcomes (complete, fail).
 */
public final class TrainingJobFamily implements OperationFamily {

    private final TrainingJobSettings settings;
    private final TagStore tags = new TagStore();
    private final JobRepository jobs;
    private JobControl control;

    public TrainingJobFamily(TrainingJobSettings settings) {
        this.settings = settings;
        this.jobs = new JobRepository(tags, settings);
    }

    @Override
    public String schemaName() {
        return "jobs";
    }

    @Override
    public List<Migration> migrations(SqlDialect dialect) {
        return JobRepository.migrations(dialect);
    }

    @Override
    public List<String> stateTables() {
        return List.of("training_job", "training_job_retired");
    }

    @Override
    public List<TaggableKind> taggableKinds() {
        return List.of((sql, account, region, arn, now) -> arn.startsWith("arn:")
                && JobRepository.JOBS.find(sql, account, region, arn).filter(j -> !jobs.gone(j, now)).isPresent());
    }

    @Override
    public void register(FamilyContext c, HandlerTable handlers) {
        ApiContract contract = ApiContract.load();
        JobContract limits = JobContract.of(contract);
        JobStates states = new JobStates(jobs, c.reservedCapacity(), settings);
        c.reservedCapacity().addConsumer(new JobPlanUse(states, jobs));
        OnDemandCapacity onDemand = new OnDemandCapacity(c.holds());
        JobCreation creation = new JobCreation(c.store(), c.clock(), c.inventory(), settings, jobs, c.reservedCapacity(),
                onDemand, tags, limits, new JobEcho(contract));
        JobQueries queries = new JobQueries(c.store(), c.clock(), c.tokens(), jobs, states);
        control = new JobControl(c.store(), c.clock(), jobs, queries, onDemand, creation, limits.maxFailureReason());
        handlers.add("CreateTrainingJob", (ctx, in) -> creation.create(ctx, CreateTrainingJobRequest.from(in), in));
        handlers.add("DescribeTrainingJob", (ctx, in) -> queries.describe(ctx, DescribeTrainingJobRequest.from(in)));
        handlers.add("ListTrainingJobs", (ctx, in) -> queries.list(ctx, ListTrainingJobsRequest.from(in)));
        handlers.add("StopTrainingJob", (ctx, in) -> control.stop(ctx, StopTrainingJobRequest.from(in)));
        handlers.add("DeleteTrainingJob", (ctx, in) -> control.delete(ctx, DeleteTrainingJobRequest.from(in)));
    }

    /** The admin's scripted completion; {@link IllegalArgumentException} for an unknown or finished job. */
    public JsonNode complete(String name, String account, String region) {
        return control.complete(scope(name, account, region), name);
    }

    /** The admin's scripted failure, with a FailureReason (null: a default one). */
    public JsonNode fail(String name, String account, String region, String reason) {
        return control.fail(scope(name, account, region), name, reason);
    }

    private RequestContext scope(String name, String account, String region) {
        List<RequestContext> scopes = control.scopesOf(name).stream()
                .filter(s -> (account == null || account.equals(s.account())) && (region == null || region.equals(s.region())))
                .toList();
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("no training job " + name
                    + (account == null && region == null ? "" : " in account " + account + " and region " + region));
        }
        if (scopes.size() > 1) {
            throw new IllegalArgumentException("training job " + name + " exists in " + scopes.size()
                    + " accounts or regions: give account and region");
        }
        return scopes.get(0);
    }
}
