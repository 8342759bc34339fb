package io.github.capacityemulator.core.jobs;

import io.github.capacityemulator.core.capacity.ReservedBlock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The statuses of training jobs as a function of their stored facts and the clock: a deterministic replay, event
 * by event, from the first job's creation to {@code now}. On a plan, jobs (in creation order, each as soon as it
 * fits) share the active block's instances; one running 30 minutes before its block ends is interrupted and waits
 * for the next block. Because a job enters the replay only at its creation, a stop or scripted outcome only at its
 * time (after what the clock decided then), and an extension only after its purchase, what the replay says of the
 * past never changes: statuses are stable as the clock moves and as facts are added.
 * Waiting counts toward MaxPendingTimeInSeconds (or the service's limit) only while a job could start: a block is
 * active and not in its last 30 minutes.
 */
final class JobSchedule {

    /** Running jobs are ended this long before their reserved capacity ends. */
    static final long INTERRUPT_BEFORE_END = Duration.ofMinutes(30).toMillis();
    /** How long a job without MaxPendingTimeInSeconds may wait inside an active plan before it fails. */
    static final long SERVICE_PENDING_LIMIT = Duration.ofDays(2).toMillis();

    private final TrainingJobSettings settings;
    private final List<ReservedBlock> blocks;
    private final int usable;
    private final List<JobRun> runs = new ArrayList<>();

    private JobSchedule(TrainingJobSettings settings, List<JobFacts> jobs, List<ReservedBlock> blocks, int usable) {
        this.settings = settings;
        this.blocks = blocks.stream().filter(b -> !b.status().equals("Failed") && !b.status().equals("Pending"))
                .sorted(Comparator.comparingLong(ReservedBlock::start)).toList();
        this.usable = usable;
        jobs.stream().sorted(JobFacts.CREATION_ORDER.thenComparing(JobFacts::name))
                .forEach(j -> runs.add(new JobRun(j, settings)));
    }

    /** The jobs of one plan, by {@link JobFacts#replayKey}, whose blocks and usable instances are given. */
    static Map<String, JobTimeline> onPlan(TrainingJobSettings settings, List<JobFacts> jobs, List<ReservedBlock> blocks,
                                           int usable, long now) {
        return new JobSchedule(settings, jobs, blocks, usable).replay(now);
    }

    /** A job on demand: it starts at creation, with or without the capacity it found ({@code zone} null: none). */
    static JobTimeline onDemand(TrainingJobSettings settings, JobFacts job, long now) {
        return new JobSchedule(settings, List.of(job), List.of(), 0).replay(now).get(job.replayKey());
    }

    private Map<String, JobTimeline> replay(long now) {
        Map<String, JobTimeline> out = new HashMap<>();
        if (runs.isEmpty()) {
            return out;
        }
        long t = runs.get(0).job.createdAt();
        while (true) {
            settle(t);
            OptionalLong next = nextEvent(t);
            long until = next.isPresent() && next.getAsLong() <= now ? next.getAsLong() : now;
            boolean canStart = canStartAt(t, AFTER_FACTS);
            for (JobRun r : runs) {
                r.accrue(t, until, canStart);
            }
            if (next.isEmpty() || next.getAsLong() > now) {
                break;
            }
            t = next.getAsLong();
        }
        for (JobRun r : runs) {
            if (r.created()) {
                out.put(r.job.replayKey(), r.timeline());
            }
        }
        return out;
    }

    /** Before every fact of an instant: what the clock decides there sees none of them. */
    private static final long BEFORE_FACTS = Long.MIN_VALUE;
    /** After every fact of an instant. */
    private static final long AFTER_FACTS = Long.MAX_VALUE;

    private enum Kind { CREATE, STOP, FAIL, COMPLETE, EXTENSION }

    /** A fact stored for an instant (a creation, stop, outcome or extension), in its place in the acceptance order. */
    private record Fact(long sequence, JobRun run, Kind kind) {
    }

    /**
     * Applies everything due at {@code t}: first what the clock decides (phase ends, limits, interruptions, starts),
     * before any fact stored for {@code t}; then those facts one at a time in the order they were accepted, each
     * followed by what it allows. A client that looked between two of them saw a state this replay goes through.
     */
    private void settle(long t) {
        decide(t, BEFORE_FACTS, null);
        for (Fact f : factsAt(t)) {
            switch (f.kind()) {
                case CREATE -> create(f.run(), t);
                case STOP -> f.run().applyStop(t);
                case FAIL -> f.run().applyFail(t);
                case COMPLETE -> f.run().applyComplete(t);
                case EXTENSION -> { } // it counts from its place on, through the sequence
            }
            decide(t, f.sequence(), f.kind() == Kind.CREATE ? f.run() : null);
        }
    }

    private List<Fact> factsAt(long t) {
        List<Fact> facts = new ArrayList<>();
        for (JobRun r : runs) {
            JobFacts j = r.job;
            if (j.createdAt() == t) {
                facts.add(new Fact(j.sequence(), r, Kind.CREATE));
            }
            if (j.stopAt() != null && j.stopAt() == t) {
                facts.add(new Fact(j.stopSequence(), r, Kind.STOP));
            }
            if (j.failAt() != null && j.failAt() == t) {
                facts.add(new Fact(j.failSequence(), r, Kind.FAIL));
            }
            if (j.completeAt() != null && j.completeAt() == t) {
                facts.add(new Fact(j.completeSequence(), r, Kind.COMPLETE));
            }
        }
        for (ReservedBlock b : blocks) {
            b.prolongations().stream().filter(p -> p.knownFrom() == t)
                    .forEach(p -> facts.add(new Fact(p.sequence(), null, Kind.EXTENSION)));
        }
        facts.sort(Comparator.comparingLong(Fact::sequence));
        return facts;
    }

    private void create(JobRun r, long t) {
        if (r.job.onPlan()) {
            r.enter("Pending", t, JobMessages.WAITING_FOR_CAPACITY);
        } else if (r.job.zone() == null) {
            r.failOnStart(t);
        } else {
            r.start(t, null, true);
        }
    }

    /** What the clock decides at {@code t} for the facts accepted up to {@code seq}; {@code created}: just now. */
    private void decide(long t, long seq, JobRun created) {
        for (JobRun r : runs) {
            if (!r.created() || r.terminal()) {
                continue;
            }
            r.progress(t);
            if (r.job.onPlan() && r.running() && r.block() != null && t >= interruptAt(r.block(), t, seq)
                    && r.interruptible()) {
                if (noBlockAfter(t, seq)) {
                    r.fail(t, JobMessages.PLAN_OVER); // nothing left to resume in: it ends here, not after a wait
                } else {
                    r.interrupt(t);
                }
            }
            if (r.waiting() && r.pendingExhausted()) {
                r.stopForPending(t);
            }
            if (r.waiting() && r.job.onPlan() && noBlockAfter(t, seq)) {
                r.fail(t, JobMessages.PLAN_OVER);
            }
        }
        ReservedBlock active = activeAt(t, seq);
        for (JobRun r : runs) {
            if (r.created() && r.waiting() && r.job.onPlan() && canStartAt(t, seq)
                    && free(active) >= r.job.instanceCount()) {
                r.start(t, active, r == created);
            }
        }
    }

    /**
     * When jobs on the block are interrupted, as the block's end stood at {@code t} for the facts accepted up to
     * {@code seq}: an extension counts from its purchase on and until its payment fails.
     */
    private static long interruptAt(ReservedBlock b, long t, long seq) {
        return b.endAt(t, seq) - INTERRUPT_BEFORE_END;
    }

    private static long interruptAt(ReservedBlock b, long t) {
        return interruptAt(b, t, AFTER_FACTS);
    }

    /** No block has time left to run a job after {@code t}. */
    private boolean noBlockAfter(long t, long seq) {
        return blocks.stream().noneMatch(b -> interruptAt(b, t, seq) > t);
    }

    /**
     * Whether a waiting job could start at {@code t}: a block is active and not in its last 30 minutes. Only then
     * is it actively waiting for capacity, and only then does its wait count toward its limits.
     */
    private boolean canStartAt(long t, long seq) {
        ReservedBlock active = activeAt(t, seq);
        return active != null && t < interruptAt(active, t, seq);
    }

    private ReservedBlock activeAt(long t, long seq) {
        return blocks.stream().filter(b -> b.start() <= t && t < b.endAt(t, seq)).findFirst().orElse(null);
    }

    private int free(ReservedBlock block) {
        int used = runs.stream().filter(r -> r.holdsCapacity() && r.block() == block).mapToInt(r -> r.job.instanceCount()).sum();
        return usable - used;
    }

    private OptionalLong nextEvent(long t) {
        List<Long> times = new ArrayList<>();
        boolean active = canStartAt(t, AFTER_FACTS);
        for (JobRun r : runs) {
            if (!r.created()) {
                times.add(r.job.createdAt());
                continue;
            }
            if (r.terminal()) {
                continue;
            }
            times.addAll(r.dueTimes(t, active));
            if (r.job.onPlan() && r.running() && r.block() != null && r.interruptible()) {
                times.add(interruptAt(r.block(), t));
            }
        }
        for (ReservedBlock b : blocks) {
            times.add(b.start());
            times.add(interruptAt(b, t));
            times.add(b.endAt(t));
            times.addAll(b.endChanges());
        }
        return times.stream().mapToLong(Long::longValue).filter(x -> x > t).min();
    }
}
