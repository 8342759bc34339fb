package io.github.capacityemulator.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.faults.FaultRule;
import io.github.capacityemulator.core.faults.FaultSpec;
import io.github.capacityemulator.core.journal.RecordedRequest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The emulator's controls for a test: what the admin HTTP API offers, in Java. It delegates to the same
 * core interface as the HTTP routes, so the two cannot drift.
 */
public interface EmulatorControl {

    /** Where to point an SDK client or a container: {@code http://127.0.0.1:<port>}. */
    URI endpoint();

    String region();

    String account();

    /**
     * The secret access key the injected clients sign with (their access key id is {@link #account()}); with
     * {@code requireSignature(true)} the emulator verifies it, so clients a test builds itself use it too.
     */
    String secretAccessKey();

    /** The bearer token the admin API needs ({@code Authorization: Bearer <token>}), if one was set. */
    Optional<String> adminToken();

    Instant now();

    /** Moves the clock forward (it never goes back). */
    void advanceClock(Duration by);

    /** Sets the clock to {@code to}, not before now; it stays frozen or running as it was. */
    void setClock(Instant to);

    /** Wipes all state and puts every setting back to how the emulator started. */
    void reset();

    /** The capacity inventory in force, in its JSON form. */
    JsonNode inventory();

    /** Replaces the capacity inventory (see the README for the format). */
    void setInventory(String json);

    /** Makes the next {@code count} payments of plans or extensions fail. */
    void failNextPayments(int count);

    /** Puts a HyperPod node in Failure; with NodeRecovery Automatic it is replaced after the node delay. */
    void failNode(String instanceId);

    /** Ends a training job's training now (or as soon as it trains): it uploads, then completes. */
    void completeTrainingJob(String name);

    /** The same for the job of this name in one account and region (when the name is in several). */
    void completeTrainingJob(String name, String account, String region);

    /** Fails a training job now, with this FailureReason (null: a default one). */
    void failTrainingJob(String name, String failureReason);

    /** The same for the job of this name in one account and region (when the name is in several). */
    void failTrainingJob(String name, String account, String region, String failureReason);

    /** The most recent requests, oldest first. */
    List<RecordedRequest> requests();

    /** The most recent requests of one operation, oldest first. */
    List<RecordedRequest> requests(String operation);

    void clearRequests();

    /** Adds a fault rule; see {@link FaultSpec}. */
    FaultRule addFault(FaultSpec spec);

    /** A shorthand: the next {@code count} calls of {@code operation} fail with {@code errorCode}. */
    FaultRule failNext(String operation, String errorCode, int count);

    List<FaultRule> faults();

    void clearFaults();
}
