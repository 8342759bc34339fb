package io.github.capacityemulator.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;

/**
 * What a training job is: fixed at creation (resources, plan, limits, how long it trains), and what was done to it
 * since (a stop, a scripted outcome, a deletion), each with its time. Its statuses are computed from these, its
 * plan's blocks, the other jobs on the plan and the clock. Times are epoch millis.
 *
 * @param zone            the zone an on-demand job runs in (null on a plan, or when no zone had room)
 * @param trainingMillis  how long it trains once running
 * @param maxPendingMillis MaxPendingTimeInSeconds (null: the service's limit on waiting applies)
 * @param completeAt      a scripted completion: training ends then (or as soon as training starts after it)
 * @param failAt          a scripted failure, with {@code failureReason}
 * @param echo            the request's members DescribeTrainingJob gives back as sent
 * @param sequence        the creation's place in the store's AcceptanceSequence: orders the facts of one millisecond
 * @param stopSequence    the same for the stop, {@code completeSequence} and {@code failSequence} for the outcomes
 */
public record JobFacts(String name, String arn, long createdAt, String instanceType, int instanceCount, String planArn,
                       String zone, long trainingMillis, long maxRuntimeMillis, Long maxPendingMillis, String s3OutputPath,
                       Long stopAt, Long completeAt, Long failAt, String failureReason, Long deleteAt, JsonNode echo,
                       long sequence, long stopSequence, long completeSequence, long failSequence) {

    boolean onPlan() {
        return planArn != null;
    }

    /**
     * Tells this job from any other of its plan's replay, a purged job of the same name included: a name is free
     * again only after its job was deleted (at least a minute after its creation).
     */
    String replayKey() {
        return name + "@" + createdAt;
    }

    /** Creation order: time, then the order the creations were accepted in. */
    static final Comparator<JobFacts> CREATION_ORDER = Comparator.comparingLong(JobFacts::createdAt)
            .thenComparingLong(JobFacts::sequence);

    JobFacts stopped(long at, long seq) {
        return new JobFacts(name, arn, createdAt, instanceType, instanceCount, planArn, zone, trainingMillis,
                maxRuntimeMillis, maxPendingMillis, s3OutputPath, at, completeAt, failAt, failureReason, deleteAt,
                echo, sequence, seq, completeSequence, failSequence);
    }

    JobFacts completed(long at, long seq) {
        return new JobFacts(name, arn, createdAt, instanceType, instanceCount, planArn, zone, trainingMillis,
                maxRuntimeMillis, maxPendingMillis, s3OutputPath, stopAt, at, failAt, failureReason, deleteAt,
                echo, sequence, stopSequence, seq, failSequence);
    }

    JobFacts failed(long at, String reason, long seq) {
        return new JobFacts(name, arn, createdAt, instanceType, instanceCount, planArn, zone, trainingMillis,
                maxRuntimeMillis, maxPendingMillis, s3OutputPath, stopAt, completeAt, at, reason, deleteAt,
                echo, sequence, stopSequence, completeSequence, seq);
    }

    JobFacts deleted(long at) {
        return new JobFacts(name, arn, createdAt, instanceType, instanceCount, planArn, zone, trainingMillis,
                maxRuntimeMillis, maxPendingMillis, s3OutputPath, stopAt, completeAt, failAt, failureReason, at,
                echo, sequence, stopSequence, completeSequence, failSequence);
    }

    /** The same job placed in {@code in} (an on-demand zone; null: none had room). */
    JobFacts inZone(String in) {
        return new JobFacts(name, arn, createdAt, instanceType, instanceCount, planArn, in, trainingMillis,
                maxRuntimeMillis, maxPendingMillis, s3OutputPath, stopAt, completeAt, failAt, failureReason, deleteAt,
                echo, sequence, stopSequence, completeSequence, failSequence);
    }
}
