package io.github.capacityemulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.admin.AdminRequestException;
import io.github.capacityemulator.core.admin.EmulatorAdmin;
import io.github.capacityemulator.core.admin.Health;
import io.github.capacityemulator.core.capacity.CapacityInventory;
import io.github.capacityemulator.core.capacity.InventorySource;
import io.github.capacityemulator.core.clock.ClockState;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.clusters.ClusterFamily;
import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.faults.FaultInjector;
import io.github.capacityemulator.core.faults.FaultRule;
import io.github.capacityemulator.core.faults.FaultSpec;
import io.github.capacityemulator.core.jobs.TrainingJobFamily;
import io.github.capacityemulator.core.journal.RecordedRequest;
import io.github.capacityemulator.core.journal.RequestJournal;
import io.github.capacityemulator.core.plans.PaymentOutcomes;
import io.github.capacityemulator.core.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The in-process control surface: what the admin routes and the JUnit extension call. A rule broken by an admin
 * request (an unknown node, a bad fault rule, ...) is an {@link AdminRequestException}.
 */
final class LocalAdmin implements EmulatorAdmin {

    private final EmulatorSettings settings;
    private final EmulatorClock clock;
    private final Store store;
    private final InventorySource inventory;
    private final PaymentOutcomes payments;
    private final ClusterFamily clusters;
    private final TrainingJobFamily jobs;
    private final RequestJournal journal;
    private final FaultInjector faults;
    private final ApiContract contract;

    LocalAdmin(EmulatorSettings settings, EmulatorClock clock, Store store, InventorySource inventory,
               PaymentOutcomes payments, ClusterFamily clusters, TrainingJobFamily jobs, RequestJournal journal,
               FaultInjector faults, ApiContract contract) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
        this.inventory = inventory;
        this.payments = payments;
        this.clusters = clusters;
        this.jobs = jobs;
        this.journal = journal;
        this.faults = faults;
        this.contract = contract;
    }

    private static <T> T admin(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new AdminRequestException(e.getMessage());
        }
    }

    @Override
    public Health health() {
        return new Health("ok", EmulatorVersion.current(), settings.checkResponses());
    }

    @Override
    public ClockState clock() {
        return clock.state();
    }

    @Override
    public ClockState advanceClock(Duration by) {
        ClockState moved = admin(() -> clock.advance(by));
        StoredClock.save(store, clock);
        return moved;
    }

    @Override
    public ClockState setClock(Instant now, boolean frozen) {
        ClockState set = admin(() -> clock.set(now, frozen));
        StoredClock.save(store, clock);
        return set;
    }

    @Override
    public JsonNode inventory() {
        return inventory.current().inventory().toJson();
    }

    @Override
    public JsonNode replaceInventory(JsonNode document) {
        admin(() -> {
            inventory.replace(CapacityInventory.parse(document));
            return null;
        });
        return inventory();
    }

    @Override
    public int failNextPayments(int count) {
        if (count < 1 || count > PaymentOutcomes.MAX_PENDING) {
            throw new AdminRequestException("count must be a whole number from 1 to " + PaymentOutcomes.MAX_PENDING);
        }
        return payments.failNext(count);
    }

    @Override
    public JsonNode failNode(String instanceId) {
        return admin(() -> clusters.failNode(instanceId));
    }

    @Override
    public JsonNode completeTrainingJob(String name, String account, String region) {
        return admin(() -> jobs.complete(name, account, region));
    }

    @Override
    public JsonNode failTrainingJob(String name, String account, String region, String reason) {
        return admin(() -> jobs.fail(name, account, region, reason));
    }

    @Override
    public List<RecordedRequest> requests(String operation) {
        return journal.list(operation);
    }

    @Override
    public List<RecordedRequest> requestsToWrite(String operation) {
        return journal.listToWrite(operation);
    }

    @Override
    public void clearRequests() {
        journal.clear();
    }

    @Override
    public FaultRule addFault(FaultSpec spec) {
        // Only calls that reach dispatch can fault: the emulated operations.
        if (spec.operation() != null && !"*".equals(spec.operation()) && contract.operation(spec.operation()).isEmpty()) {
            throw new AdminRequestException("operation '" + spec.operation() + "' is not an emulated SageMaker "
                    + "operation; use one of them, or \"*\" for any");
        }
        return admin(() -> faults.add(spec));
    }

    @Override
    public List<FaultRule> faults() {
        return faults.list();
    }

    @Override
    public void clearFaults() {
        faults.clear();
    }

    @Override
    public void reset() {
        journal.clear();
        faults.clear();
        store.wipe();
        clock.reset();
        StoredClock.save(store, clock);
        inventory.reset();
        payments.reset();
    }
}
