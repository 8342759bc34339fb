package io.github.capacityemulator.core.jobs;

import java.util.List;

/**
 * A job's history up to the time it was computed for: its secondary statuses in order (the last one's end null
 * while it lasts), and where it stands.
 *
 * @param status          TrainingJobStatus: InProgress, Stopping, Completed, Failed or Stopped
 * @param billableMillis  time its instances ran (null: they never did)
 * @param holdsCapacity   whether its instances are up now (what a plan counts in use)
 */
record JobTimeline(List<Step> steps, String status, String failureReason, Long trainingStart, Long trainingEnd,
                   Long billableMillis, boolean holdsCapacity) {

    /** One SecondaryStatusTransitions entry. */
    record Step(String status, long start, Long end, String message) {
    }

    String secondaryStatus() {
        return steps.get(steps.size() - 1).status();
    }

    boolean finished() {
        return status.equals("Completed") || status.equals("Failed") || status.equals("Stopped");
    }

    /** When it last changed: the start of its latest step. */
    long lastModified() {
        return steps.get(steps.size() - 1).start();
    }
}
