package io.github.capacityemulator.core.jobs;

/** The StatusMessage and FailureReason texts of training jobs. */
final class JobMessages {

    static final String STARTING = "Launching requested ML instances.";
    static final String DOWNLOADING = "Downloading input data";
    static final String TRAINING = "Training image download completed. Training in progress.";
    static final String UPLOADING = "Uploading generated training model";
    static final String COMPLETED = "Training job completed";
    static final String STOPPING = "Stopping the training job";
    static final String STOPPED = "Training job stopped";
    static final String MAX_RUNTIME = "Training job stopped: it reached its MaxRuntimeInSeconds";
    /** What SageMaker says of a waiting job: the same before the plan's block starts as when the block is full. */
    static final String WAITING_FOR_CAPACITY = "Training job waiting for capacity";
    static final String INTERRUPTED = "The reserved capacity ends in 30 minutes: the job was interrupted and waits for the"
            + " training plan's next reserved capacity.";
    static final String MAX_PENDING = "Training job stopped: it waited MaxPendingTimeInSeconds for compute capacity.";
    static final String FAILED = "Training job failed";

    static final String CAPACITY_ERROR = "CapacityError: Unable to provision requested ML compute capacity. Please retry"
            + " using a different ML instance type.";
    static final String INSUFFICIENT_CAPACITY = "InsufficientCapacityError: The training plan did not have capacity"
            + " for the job within the time it could wait.";
    static final String PLAN_OVER = "InsufficientCapacityError: The training plan has no reserved capacity left for the"
            + " job.";

    private JobMessages() {
    }
}
