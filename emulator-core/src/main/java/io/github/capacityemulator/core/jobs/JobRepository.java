package io.github.capacityemulator.core.jobs;

import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.store.JsonBodies;
import io.github.capacityemulator.core.store.Migration;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.SqlDialect;
import io.github.capacityemulator.core.tags.TagStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Training jobs as stored (one row of facts each); a deleted job is gone once its deletion has finished. */
final class JobRepository {

    static final ResourceTable<JobFacts> JOBS = new ResourceTable<>("training_job", JobFacts.class);

    private final TagStore tags;
    private final TrainingJobSettings settings;

    JobRepository(TagStore tags, TrainingJobSettings settings) {
        this.tags = tags;
        this.settings = settings;
    }

    static List<Migration> migrations(SqlDialect dialect) {
        return List.of(new Migration(1, ResourceTable.createTable(dialect, "training_job", 63, 256)),
                // Purged jobs of a plan: their names are free again, but their past use of the plan shaped its queue.
                new Migration(2, List.of("CREATE TABLE training_job_retired (account VARCHAR(12) NOT NULL,"
                        + " region VARCHAR(64) NOT NULL, plan_arn VARCHAR(256) NOT NULL, created_at BIGINT NOT NULL,"
                        + " body " + dialect.longText() + " NOT NULL)",
                        "CREATE INDEX training_job_retired_plan ON training_job_retired (account, region, plan_arn)")));
    }

    boolean gone(JobFacts job, long now) {
        return job.deleteAt() != null && job.deleteAt() + settings.deleting().toMillis() <= now;
    }

    void insert(Sql sql, RequestContext ctx, JobFacts job) throws SQLException {
        JOBS.insert(sql, ctx.account(), ctx.region(), job.name(), job.arn(), job.createdAt(), job);
    }

    void update(Sql sql, JobFacts job) throws SQLException {
        JOBS.update(sql, job.arn(), job);
    }

    /** A job by name, unless its deletion has finished. */
    Optional<JobFacts> find(Sql sql, String account, String region, String name, long now) throws SQLException {
        return JOBS.find(sql, account, region, name).filter(j -> !gone(j, now));
    }

    /** The jobs of a scope that are not gone, oldest first. */
    List<JobFacts> all(Sql sql, String account, String region, long now) throws SQLException {
        List<JobFacts> out = new ArrayList<>();
        for (JobFacts j : JOBS.all(sql, account, region)) {
            if (!gone(j, now)) {
                out.add(j);
            }
        }
        return out;
    }

    /** Every job that ever ran on a plan (gone and purged ones too: their past use of the plan shaped the queue). */
    List<JobFacts> onPlan(Sql sql, String account, String region, String planArn) throws SQLException {
        List<JobFacts> out = new ArrayList<>(sql.list("SELECT body FROM training_job_retired WHERE account = ?"
                        + " AND region = ? AND plan_arn = ? ORDER BY created_at",
                r -> JsonBodies.read(r.string(1), JobFacts.class), account, region, planArn));
        JOBS.all(sql, account, region).stream().filter(j -> planArn.equals(j.planArn())).forEach(out::add);
        return out;
    }

    /** Every (account, region) with a job of this name. */
    List<RequestContext> scopesOf(Sql sql, String name) throws SQLException {
        return sql.list("SELECT account, region FROM training_job WHERE name = ? ORDER BY account, region",
                r -> new RequestContext(r.string(1), r.string(2), "admin"), name);
    }

    /**
     * Deleted jobs whose deletion has finished: their rows and tags go, so that the name can be used again. A job of
     * a plan keeps its facts in the retired table, for the replay of the plan's queue.
     */
    void purgeGone(Sql sql, String account, String region, long now) throws SQLException {
        for (JobFacts j : JOBS.all(sql, account, region)) {
            if (gone(j, now)) {
                if (j.onPlan()) {
                    sql.update("INSERT INTO training_job_retired (account, region, plan_arn, created_at, body)"
                            + " VALUES (?, ?, ?, ?, ?)", account, region, j.planArn(), j.createdAt(), JsonBodies.write(j));
                }
                JOBS.delete(sql, j.arn());
                tags.deleteAll(sql, account, region, j.arn());
            }
        }
    }
}
