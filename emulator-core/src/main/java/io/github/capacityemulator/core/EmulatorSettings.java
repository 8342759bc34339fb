package io.github.capacityemulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.capacity.CapacityInventory;
import io.github.capacityemulator.core.clusters.ClusterSettings;
import io.github.capacityemulator.core.jobs.TrainingJobSettings;
import io.github.capacityemulator.core.plans.PlanSettings;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How an emulator instance starts.
 *
 * @param dataDir        where the H2 file lives; null keeps state in memory
 * @param clockFrozen    start with the clock frozen at the real time
 * @param checkResponses check every response against the contract's output shape (tests turn it on)
 * @param systemClock    the real time the emulator clock adds its offset to
 * @param inventory      the capacity inventory at start-up (and after a reset)
 * @param plans          payment delay, plan quota, quote validity
 * @param clusters       cluster transition delays and instance quotas
 * @param clockRate      clock seconds per real second while the clock runs
 * @param journalSize    how many of the most recent requests the journal keeps
 * @param jobs           training job phase durations, run time and quotas
 */
public record EmulatorSettings(Path dataDir, boolean clockFrozen, boolean checkResponses, Clock systemClock,
                               CapacityInventory inventory, PlanSettings plans, ClusterSettings clusters,
                               double clockRate, int journalSize, TrainingJobSettings jobs) {

    /** Requests the journal keeps by default. */
    public static final int DEFAULT_JOURNAL_SIZE = 1000;

    /** The system property (or, upper-cased with underscores, the env var) that turns response checks on. */
    public static final String CHECK_RESPONSES_PROPERTY = "emulator.checkResponses";

    public static EmulatorSettings defaults() {
        return new EmulatorSettings(null, false, checkResponsesFromEnvironment(), Clock.systemUTC(),
                CapacityInventory.defaults(), PlanSettings.defaults(), ClusterSettings.defaults(), 1.0, DEFAULT_JOURNAL_SIZE,
                TrainingJobSettings.defaults());
    }

    public EmulatorSettings withDataDir(Path dir) {
        return new EmulatorSettings(dir, clockFrozen, checkResponses, systemClock, inventory, plans, clusters, clockRate, journalSize, jobs);
    }

    public EmulatorSettings withClockFrozen(boolean frozen) {
        return new EmulatorSettings(dataDir, frozen, checkResponses, systemClock, inventory, plans, clusters, clockRate, journalSize, jobs);
    }

    public EmulatorSettings withCheckResponses(boolean check) {
        return new EmulatorSettings(dataDir, clockFrozen, check, systemClock, inventory, plans, clusters, clockRate, journalSize, jobs);
    }

    public EmulatorSettings withInventory(CapacityInventory startUpInventory) {
        return new EmulatorSettings(dataDir, clockFrozen, checkResponses, systemClock, startUpInventory, plans, clusters, clockRate, journalSize, jobs);
    }

    /** The start-up inventory from its JSON form; {@link IllegalArgumentException} says what is wrong. */
    public EmulatorSettings withInventoryDocument(JsonNode document) {
        return withInventory(CapacityInventory.parse(document));
    }

    public EmulatorSettings withPlans(PlanSettings planSettings) {
        return new EmulatorSettings(dataDir, clockFrozen, checkResponses, systemClock, inventory, planSettings, clusters, clockRate, journalSize, jobs);
    }

    public EmulatorSettings withClusters(ClusterSettings clusterSettings) {
        return new EmulatorSettings(dataDir, clockFrozen, checkResponses, systemClock, inventory, plans, clusterSettings, clockRate, journalSize, jobs);
    }

    public EmulatorSettings withClockRate(double rate) {
        return new EmulatorSettings(dataDir, clockFrozen, checkResponses, systemClock, inventory, plans, clusters, rate,
                journalSize, jobs);
    }

    public EmulatorSettings withJournalSize(int size) {
        return new EmulatorSettings(dataDir, clockFrozen, checkResponses, systemClock, inventory, plans, clusters, clockRate,
                size, jobs);
    }

    public EmulatorSettings withJobs(TrainingJobSettings jobSettings) {
        return new EmulatorSettings(dataDir, clockFrozen, checkResponses, systemClock, inventory, plans, clusters, clockRate,
                journalSize, jobSettings);
    }

    static boolean checkResponsesFromEnvironment() {
        String value = System.getProperty(CHECK_RESPONSES_PROPERTY, System.getenv("EMULATOR_CHECK_RESPONSES"));
        return Boolean.parseBoolean(value);
    }
}
