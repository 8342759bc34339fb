package io.github.capacityemulator.core.jobs;

import io.github.capacityemulator.core.contract.ApiContract;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Tunables of the training job model: how long a job trains (cut by its MaxRuntimeInSeconds), how long its other
 * phases take in clock time, and the account-level on-demand instance quotas per instance type.
 *
 * @param runtime    clock time a job trains unless a test completes, fails or stops it first
 * @param quotas     instance quota per instance type for on-demand jobs ("ml.X for training job usage")
 * @param quota      the quota of instance types {@code quotas} does not name
 */
public record TrainingJobSettings(Duration runtime, Duration starting, Duration downloading, Duration uploading,
                                  Duration stopping, Duration deleting, Map<String, Integer> quotas, int quota) {

    public static final Duration DEFAULT_RUNTIME = Duration.ofHours(1);
    /** New accounts get no on-demand training instances of the reservable GPU types, and some of the rest. */
    public static final int DEFAULT_QUOTA = 20;

    public TrainingJobSettings {
        quotas = Map.copyOf(quotas);
        // A misspelt type would silently leave the real one at its default.
        List<String> known = ApiContract.load()
                .shape("TrainingInstanceType").enumValues();
        for (String type : new TreeSet<>(quotas.keySet())) {
            if (!known.contains(type)) {
                throw new IllegalArgumentException("unknown training instance type in the quotas: " + type);
            }
        }
    }

    public static TrainingJobSettings defaults() {
        return new TrainingJobSettings(DEFAULT_RUNTIME, Duration.ofMinutes(2), Duration.ofMinutes(1),
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(1), Map.of(), DEFAULT_QUOTA);
    }

    public TrainingJobSettings withRuntime(Duration newRuntime) {
        return new TrainingJobSettings(newRuntime, starting, downloading, uploading, stopping, deleting, quotas, quota);
    }

    public TrainingJobSettings withQuotas(Map<String, Integer> newQuotas) {
        return new TrainingJobSettings(runtime, starting, downloading, uploading, stopping, deleting, newQuotas, quota);
    }
}
