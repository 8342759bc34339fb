package io.github.capacityemulator.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.paging.PageSizes;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.requests.DescribeTrainingJobRequest;
import io.github.capacityemulator.core.requests.ListTrainingJobsRequest;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.Store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DescribeTrainingJob and ListTrainingJobs (CreationTime Ascending unless asked otherwise, as the model says). */
final class JobQueries {

    private final Store store;
    private final EmulatorClock clock;
    private final PageTokens tokens;
    private final JobRepository jobs;
    private final JobStates states;

    JobQueries(Store store, EmulatorClock clock, PageTokens tokens, JobRepository jobs, JobStates states) {
        this.store = store;
        this.clock = clock;
        this.tokens = tokens;
        this.jobs = jobs;
        this.states = states;
    }

    /** A job and where it stands. */
    record Located(JobFacts job, JobTimeline timeline, String status) {
    }

    /** A job, or ResourceNotFound (what StopTrainingJob and DeleteTrainingJob model). */
    Located locate(Sql sql, RequestContext ctx, String name, long now) throws SQLException {
        JobFacts job = jobs.find(sql, ctx.account(), ctx.region(), name, now)
                .orElseThrow(() -> new ResourceNotFound("Requested resource not found."));
        return located(job, states.of(sql, ctx.account(), ctx.region(), job, now));
    }

    private static Located located(JobFacts job, JobTimeline t) {
        return new Located(job, t, job.deleteAt() != null ? "Deleting" : t.status());
    }

    JsonNode describe(RequestContext ctx, DescribeTrainingJobRequest in) {
        long now = clock.now().toEpochMilli();
        return store.read(sql -> {
            // SageMaker answers an unknown name here with a ValidationException, not ResourceNotFound.
            JobFacts job = jobs.find(sql, ctx.account(), ctx.region(), in.trainingJobName(), now)
                    .orElseThrow(() -> new ValidationException("Requested resource not found."));
            Located j = located(job, states.of(sql, ctx.account(), ctx.region(), job, now));
            return JobJson.describe(j.job(), j.timeline(), j.status());
        });
    }

    JsonNode list(RequestContext ctx, ListTrainingJobsRequest in) {
        long now = clock.now().toEpochMilli();
        String sortBy = in.sortBy() == null ? "CreationTime" : in.sortBy();
        boolean ascending = !"Descending".equals(in.sortOrder());
        int max = PageSizes.of(in.maxResults());
        String operation = "ListTrainingJobs:" + sortBy + ascending + "/" + in.nameContains() + "/" + in.statusEquals()
                + "/" + in.creationTimeAfter() + "/" + in.creationTimeBefore() + "/" + in.lastModifiedTimeAfter() + "/"
                + in.lastModifiedTimeBefore() + "/" + in.trainingPlanArnEquals() + "/" + in.warmPoolStatusEquals();
        List<String> after = in.nextToken() != null ? tokens.open(ctx, operation, in.nextToken()) : null;
        if (after != null && after.size() != 2) {
            throw new ValidationException("Invalid pagination token given. Use the NextToken from the previous response.");
        }
        List<Located> kept = store.read(sql -> {
            List<Located> out = new ArrayList<>();
            // Each plan's queue is replayed once for the whole list, not once per job.
            Map<String, Map<String, JobTimeline>> byPlan = new HashMap<>();
            for (JobFacts job : jobs.all(sql, ctx.account(), ctx.region(), now)) {
                JobTimeline timeline;
                if (job.onPlan()) {
                    if (!byPlan.containsKey(job.planArn())) {
                        byPlan.put(job.planArn(), states.onPlan(sql, ctx.account(), ctx.region(), job.planArn(), now));
                    }
                    timeline = byPlan.get(job.planArn()).get(job.replayKey());
                } else {
                    timeline = states.of(sql, ctx.account(), ctx.region(), job, now);
                }
                Located j = located(job, timeline);
                long modified = JobJson.lastModified(job, j.timeline());
                if ((in.nameContains() == null || job.name().contains(in.nameContains()))
                        && within(job.createdAt(), in.creationTimeAfter(), in.creationTimeBefore())
                        && within(modified, in.lastModifiedTimeAfter(), in.lastModifiedTimeBefore())
                        && (in.trainingPlanArnEquals() == null || in.trainingPlanArnEquals().equals(job.planArn()))
                        // No job keeps a warm pool here.
                        && in.warmPoolStatusEquals() == null) {
                    out.add(j);
                }
            }
            return out;
        });
        // The sort key, then creation order (time, then acceptance), all reversed for Descending.
        Comparator<List<String>> ordered = Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1));
        Comparator<List<String>> keys = ascending ? ordered : ordered.reversed();
        kept.sort((a, b) -> keys.compare(key(a, sortBy), key(b, sortBy)));
        if (after != null) {
            kept.removeIf(j -> keys.compare(key(j, sortBy), after) <= 0);
        }
        ObjectNode out = JobJson.object();
        ArrayNode summaries = out.putArray("TrainingJobSummaries");
        // As the operation documents: MaxResults jobs are taken first, ignoring StatusEquals, and then filtered by it,
        // so a page can be short, or empty, and still have a NextToken.
        kept.stream().limit(max).filter(j -> in.statusEquals() == null || in.statusEquals().equals(j.status()))
                .forEach(j -> summaries.add(JobJson.summary(j.job(), j.timeline(), j.status())));
        if (kept.size() > max) {
            out.put("NextToken", tokens.issue(ctx, operation, key(kept.get(max - 1), sortBy)));
        }
        return out;
    }

    private static boolean within(long t, Instant after, Instant before) {
        return (after == null || t > after.toEpochMilli()) && (before == null || t < before.toEpochMilli());
    }

    private static List<String> key(Located j, String sortBy) {
        String created = String.format("%020d/%020d", j.job().createdAt(), j.job().sequence());
        String k = switch (sortBy) {
            case "Name" -> j.job().name();
            case "Status" -> j.status();
            default -> created;
        };
        return List.of(k, created);
    }
}
