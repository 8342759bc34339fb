package io.github.capacityemulator.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.clock.ClockState;
import io.github.capacityemulator.core.faults.FaultRule;
import io.github.capacityemulator.core.faults.FaultSpec;
import io.github.capacityemulator.core.journal.RecordedRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The emulator's control surface. The admin HTTP routes and the JUnit extension both delegate to
 * this one interface, so a control exists in both or in neither.
 */
public interface EmulatorAdmin {

    /** The most payment failures that can be queued at once. */
    int MAX_FAILING_PAYMENTS = 1_000_000;

    Health health();

    ClockState clock();

    /** Moves the clock forward; {@link AdminRequestException} for a negative duration. */
    ClockState advanceClock(Duration by);

    /**
     * Sets the clock ({@code now} null: where it is now, e.g. to freeze or unfreeze it);
     * {@link AdminRequestException} when {@code now} is before the current time.
     */
    ClockState setClock(Instant now, boolean frozen);

    /** The capacity inventory in force, in its JSON form. */
    JsonNode inventory();

    /** Replaces the inventory; {@link AdminRequestException} saying what is wrong with the document. */
    JsonNode replaceInventory(JsonNode document);

    /** Makes the next {@code count} payments (plans or extensions) fail; answers how many will fail. */
    int failNextPayments(int count);

    /**
     * Puts a HyperPod node in Failure; with NodeRecovery Automatic it is replaced (a new id) after the
     * replacement delay. {@link AdminRequestException} for an unknown node or one already failed.
     */
    JsonNode failNode(String instanceId);

    /**
     * Ends a training job's training now (or as soon as it trains): it uploads, then completes. Account and region
     * may be null when the name is in one scope only. {@link AdminRequestException} for an unknown or finished job.
     */
    JsonNode completeTrainingJob(String name, String account, String region);

    /** Fails a training job now with {@code reason} as its FailureReason (null: a default one). */
    JsonNode failTrainingJob(String name, String account, String region, String reason);

    /** The most recent requests, oldest first; only those of {@code operation} when it is not null. */
    List<RecordedRequest> requests(String operation);

    /**
     * The same, each body a raw JSON value to be written out as it was kept rather than a tree to navigate: listing a
     * full journal this way costs its bytes, not the many times more of its parsed trees.
     */
    List<RecordedRequest> requestsToWrite(String operation);

    void clearRequests();

    /** Adds a fault rule; {@link AdminRequestException} says what is wrong with it. */
    FaultRule addFault(FaultSpec spec);

    /** The rules in force, with how often each fired. */
    List<FaultRule> faults();

    void clearFaults();

    /** Wipes all state of all accounts and regions and every mutable setting back to start-up. */
    void reset();
}
