package io.github.capacityemulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.admin.AdminRequestException;
import io.github.capacityemulator.core.admin.EmulatorAdmin;
import io.github.capacityemulator.core.admin.Health;
import io.github.capacityemulator.core.clock.ClockState;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.clusters.ClusterOperations;
import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.ContractValidator;
import io.github.capacityemulator.core.contract.OperationContract;
import io.github.capacityemulator.core.error.InternalFailure;
import io.github.capacityemulator.core.error.NotImplementedException;
import io.github.capacityemulator.core.error.UnknownOperationException;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.paging.ResourceLister;
import io.github.capacityemulator.core.plans.TrainingPlanOperations;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The emulator: one entry point, {@link #dispatch}, for every SageMaker operation, and one control
 * surface, {@link #admin()}. It knows nothing of HTTP.
 */
public final class Emulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);

    private final EmulatorSettings settings;
    private final ApiContract contract;
    private final ContractValidator validator;
    private final EmulatorClock clock;
    private final Store store;
    private final Map<String, OperationHandler> handlers;
    private final EmulatorAdmin admin;

    private Emulator(EmulatorSettings settings) {
        this.settings = settings;
        this.contract = ApiContract.load();
        this.validator = new ContractValidator(contract);
        this.clock = new EmulatorClock(settings.systemClock(), settings.clockFrozen());
        this.store = settings.dataDir() == null ? Store.inMemory() : Store.inDirectory(settings.dataDir());
        ResourceLister lister = new ResourceLister(new PageTokens(StoreSecrets.pageTokenKey(store)));
        TrainingPlanOperations plans = new TrainingPlanOperations(new ResourceTable(store, "training_plan"), lister);
        ClusterOperations clusters = new ClusterOperations(new ResourceTable(store, "cluster"), lister);
        this.handlers = Map.of(
                "DescribeTrainingPlan", plans::describe,
                "ListTrainingPlans", plans::list,
                "DescribeCluster", clusters::describe,
                "ListClusters", clusters::list);
        this.admin = new Admin();
    }

    public static Emulator start(EmulatorSettings settings) {
        return new Emulator(settings);
    }

    /**
     * Serves one operation: resolves it, validates the input against the contract, runs its handler and,
     * when response checks are on, checks the output against the contract.
     */
    public JsonNode dispatch(RequestContext ctx, String operation, JsonNode input) {
        OperationContract op = contract.operation(operation).orElseThrow(() -> contract.isOtherOperation(operation)
                ? new NotImplementedException(operation + " is not emulated: this emulator serves SageMaker"
                        + " training plans and HyperPod clusters only.")
                : new UnknownOperationException("Operation " + operation + " is not a SageMaker operation."));
        validator.validateInput(op, input);
        OperationHandler handler = handlers.get(operation);
        if (handler == null) {
            throw new NotImplementedException(operation + " is not emulated yet: the request is valid, but this"
                    + " version of the emulator has no implementation for it.");
        }
        JsonNode output = handler.handle(ctx, input);
        if (settings.checkResponses()) {
            List<String> problems = validator.checkOutput(op, output);
            if (!problems.isEmpty()) {
                LOG.error("{} produced a response that breaks the contract: {}", operation, problems);
                throw new InternalFailure("The emulator's response to " + operation
                        + " does not conform to the service model: " + String.join("; ", problems));
            }
        }
        return output;
    }

    public EmulatorAdmin admin() {
        return admin;
    }

    public ApiContract contract() {
        return contract;
    }

    public Instant now() {
        return clock.now();
    }

    /** Where state is kept, for the start-up line. */
    public String storeDescription() {
        return store.description();
    }

    @Override
    public void close() {
        store.close();
    }

    /** The in-process control surface. */
    private final class Admin implements EmulatorAdmin {

        @Override
        public Health health() {
            return new Health("ok", EmulatorVersion.current());
        }

        @Override
        public ClockState clock() {
            return clock.state();
        }

        @Override
        public ClockState advanceClock(Duration by) {
            try {
                return clock.advance(by);
            } catch (IllegalArgumentException e) {
                throw new AdminRequestException(e.getMessage());
            }
        }

        @Override
        public ClockState setClock(Instant now, boolean frozen) {
            try {
                return clock.set(now, frozen);
            } catch (IllegalArgumentException e) {
                throw new AdminRequestException(e.getMessage());
            }
        }

        @Override
        public void reset() {
            store.wipe();
            clock.reset();
        }
    }
}
