package io.github.capacityemulator.core.jobs;

import io.github.capacityemulator.core.capacity.ReservedBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * One job during a {@link JobSchedule} replay: its phase (the secondary status it shows), when the phase ends,
 * the training still to do, and the run, billed and waiting time it has used. Billing runs while its instances
 * are up (Downloading to the end of Uploading or Stopping), not while they launch (Starting) or it waits. Phases: Pending (plans only), then
 * Starting, Downloading, Training, Uploading and Completed; Stopping and Stopped; MaxRuntimeExceeded; Failed.
 */
final class JobRun {

    final JobFacts job;
    private final TrainingJobSettings settings;
    private final List<JobTimeline.Step> steps = new ArrayList<>();
    private String phase;
    private long phaseEnd;
    private long remaining;
    private long runtimeUsed;
    private long pendingUsed;
    private long billable;
    private boolean ran;
    private ReservedBlock block;
    /** Stopped while it waited: its Stopping holds no instances. */
    private boolean stoppedWaiting;
    /** The admin's completion has been applied: training ends now, or as soon as it starts. */
    private boolean completeScripted;
    private String terminalStatus;
    private String failureReason;
    private Long trainingStart;
    private Long trainingEnd;

    JobRun(JobFacts job, TrainingJobSettings settings) {
        this.job = job;
        this.settings = settings;
        this.remaining = job.trainingMillis();
    }

    boolean created() {
        return phase != null;
    }

    boolean terminal() {
        return terminalStatus != null;
    }

    boolean waiting() {
        return "Pending".equals(phase);
    }

    /** Its instances are up: from Starting until the end of Uploading or Stopping. */
    boolean holdsCapacity() {
        return !terminal() && phase != null && !waiting() && !stoppedWaiting;
    }

    boolean running() {
        return holdsCapacity() && !"Stopping".equals(phase);
    }

    /** Interrupted at the block's end, unless it is uploading already or stopping. */
    boolean interruptible() {
        return "Starting".equals(phase) || "Downloading".equals(phase) || "Training".equals(phase);
    }

    ReservedBlock block() {
        return block;
    }

    void enter(String status, long t, String message) {
        if (!steps.isEmpty()) {
            JobTimeline.Step last = steps.remove(steps.size() - 1);
            steps.add(new JobTimeline.Step(last.status(), last.start(), t, last.message()));
        }
        steps.add(new JobTimeline.Step(status, t, null, message));
        phase = status;
    }

    /** Starts on {@code in}; a job that starts in the step of its own creation shows no wait. */
    void start(long t, ReservedBlock in, boolean atCreation) {
        if (atCreation && !steps.isEmpty() && steps.get(steps.size() - 1).status().equals("Pending")
                && steps.get(steps.size() - 1).start() == t) {
            steps.remove(steps.size() - 1);
        }
        block = in;
        enter("Starting", t, JobMessages.STARTING);
        phaseEnd = t + settings.starting().toMillis();
    }

    void failOnStart(long t) {
        enter("Starting", t, JobMessages.STARTING); // no instances came: nothing billed
        phaseEnd = t + settings.starting().toMillis();
        failureReason = JobMessages.CAPACITY_ERROR;
    }

    private void finish(String secondary, String status, long t, String message) {
        enter(secondary, t, message);
        steps.set(steps.size() - 1, new JobTimeline.Step(secondary, t, t, message));
        terminalStatus = status;
        if (ran) {
            trainingEnd = t; // after the upload, or when it stopped or failed
        }
    }

    void fail(long t, String reason) {
        failureReason = reason;
        finish("Failed", "Failed", t, JobMessages.FAILED);
    }

    /** Waited as long as it may: stopped at its MaxPendingTimeInSeconds, or failed at the service's limit. */
    void stopForPending(long t) {
        if (job.maxPendingMillis() == null) {
            failureReason = JobMessages.INSUFFICIENT_CAPACITY;
            finish("Failed", "Failed", t, JobMessages.FAILED);
        } else {
            finish("Stopped", "Stopped", t, JobMessages.MAX_PENDING);
        }
    }

    void interrupt(long t) {
        if ("Training".equals(phase)) {
            remaining = Math.max(0, phaseEnd - t);
        }
        block = null;
        enter("Pending", t, JobMessages.INTERRUPTED);
    }

    /** Whether the job has waited as long as it may, counting only time inside an active block. */
    boolean pendingExhausted() {
        long limit = job.maxPendingMillis() != null ? job.maxPendingMillis() : JobSchedule.SERVICE_PENDING_LIMIT;
        return pendingUsed >= limit;
    }

    /** Applies what time alone brings at {@code t}: phase ends, then the MaxRuntime limit. */
    void progress(long t) {
        while (!terminal() && !waiting() && phaseEnd <= t) {
            advance(phaseEnd);
        }
        if (running() && runtimeUsed >= job.maxRuntimeMillis()) {
            finish("MaxRuntimeExceeded", "Stopped", t, JobMessages.MAX_RUNTIME);
        }
    }

    /** The stop stored for {@code t}, applied in its place among that instant's facts. */
    void applyStop(long t) {
        if (!terminal() && !"Stopping".equals(phase)) {
            stoppedWaiting = waiting();
            enter("Stopping", t, JobMessages.STOPPING);
            phaseEnd = t + settings.stopping().toMillis();
        }
    }

    /** The scripted failure stored for {@code t}. */
    void applyFail(long t) {
        if (!terminal()) {
            fail(t, job.failureReason());
        }
    }

    /** The scripted completion stored for {@code t}: training ends now, or as soon as it starts. */
    void applyComplete(long t) {
        completeScripted = true;
        if ("Training".equals(phase)) {
            phaseEnd = t;
            progress(t);
        }
    }

    /** The phase after the one ending at {@code at}. */
    private void advance(long at) {
        switch (phase) {
            case "Starting" -> {
                if (failureReason != null) {
                    finish("Failed", "Failed", at, JobMessages.FAILED);
                } else {
                    if (trainingStart == null) {
                        trainingStart = at; // the instances are up: billing runs from here, not while they launch
                    }
                    ran = true;
                    enter("Downloading", at, JobMessages.DOWNLOADING);
                    phaseEnd = at + settings.downloading().toMillis();
                }
            }
            case "Downloading" -> {
                enter("Training", at, JobMessages.TRAINING);
                phaseEnd = completeScripted ? at : at + remaining;
            }
            case "Training" -> {
                remaining = 0;
                enter("Uploading", at, JobMessages.UPLOADING);
                phaseEnd = at + settings.uploading().toMillis();
            }
            case "Uploading" -> {
                finish("Completed", "Completed", at, JobMessages.COMPLETED);
            }
            case "Stopping" -> {
                finish("Stopped", "Stopped", at, JobMessages.STOPPED);
            }
            default -> throw new IllegalStateException("no phase follows " + phase);
        }
    }

    /** Times after {@code t} at which something of this job happens. */
    List<Long> dueTimes(long t, boolean blockActive) {
        List<Long> times = new ArrayList<>();
        if (job.failAt() != null) {
            times.add(job.failAt());
        }
        if (job.stopAt() != null) {
            times.add(job.stopAt());
        }
        if (!waiting()) {
            times.add(phaseEnd);
        }
        if (job.completeAt() != null) {
            times.add(job.completeAt());
        }
        if (running()) {
            times.add(t + Math.max(0, job.maxRuntimeMillis() - runtimeUsed));
        }
        if (waiting() && blockActive) {
            long limit = job.maxPendingMillis() != null ? job.maxPendingMillis() : JobSchedule.SERVICE_PENDING_LIMIT;
            times.add(t + Math.max(0, limit - pendingUsed));
        }
        return times;
    }

    /** Time passes from {@code t} to {@code until} in the current phase. */
    void accrue(long t, long until, boolean blockActive) {
        if (!created() || terminal() || until <= t) {
            return;
        }
        if (holdsCapacity() && ran && !"Starting".equals(phase)) {
            billable += until - t;
        }
        if (running()) {
            runtimeUsed += until - t;
        }
        if (waiting() && blockActive) {
            pendingUsed += until - t;
        }
    }

    JobTimeline timeline() {
        String status = terminal() ? terminalStatus : "Stopping".equals(phase) ? "Stopping" : "InProgress";
        return new JobTimeline(List.copyOf(steps), status, "Failed".equals(status) ? failureReason : null, trainingStart,
                trainingEnd, ran ? billable : null, holdsCapacity());
    }
}
