package io.github.capacityemulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.admin.AdminRequestException;
import io.github.capacityemulator.core.admin.EmulatorAdmin;
import io.github.capacityemulator.core.admin.Health;
import io.github.capacityemulator.core.clock.ClockState;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.capacity.CapacityHolds;
import io.github.capacityemulator.core.clusters.ClusterPlanUsage;
import io.github.capacityemulator.core.clusters.ClusterService;
import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.ContractValidator;
import io.github.capacityemulator.core.contract.OperationContract;
import io.github.capacityemulator.core.error.InternalFailure;
import io.github.capacityemulator.core.error.NotImplementedException;
import io.github.capacityemulator.core.error.UnknownOperationException;
import io.github.capacityemulator.core.faults.FaultInjector;
import io.github.capacityemulator.core.faults.FaultRule;
import io.github.capacityemulator.core.faults.FaultSpec;
import io.github.capacityemulator.core.journal.RecordedRequest;
import io.github.capacityemulator.core.journal.RequestJournal;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.capacity.CapacityInventory;
import io.github.capacityemulator.core.capacity.InventorySource;
import io.github.capacityemulator.core.plans.PaymentOutcomes;
import io.github.capacityemulator.core.plans.TrainingPlanService;
import io.github.capacityemulator.core.tags.TagRecords;
import io.github.capacityemulator.core.tags.TagService;
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
    private final InventorySource inventory;
    private final PaymentOutcomes payments = new PaymentOutcomes();
    private final ClusterService clusterService;
    private final RequestJournal journal;
    private final FaultInjector faults = new FaultInjector();

    private Emulator(EmulatorSettings settings) {
        this.settings = settings;
        this.contract = ApiContract.load();
        this.validator = new ContractValidator(contract);
        this.clock = new EmulatorClock(settings.systemClock(), settings.clockFrozen(), settings.clockRate());
        this.journal = new RequestJournal(settings.journalSize());
        this.store = settings.dataDir() == null ? Store.inMemory() : Store.inDirectory(settings.dataDir());
        this.inventory = new InventorySource(settings.inventory());
        PageTokens tokens = new PageTokens(StoreSecrets.pageTokenKey(store));
        TagService tags = new TagService(store, new TagRecords(), tokens);
        CapacityHolds holds = new CapacityHolds();
        ResourceTable clusterTable = new ResourceTable(store, "cluster");
        TrainingPlanService plans = new TrainingPlanService(store, clock, inventory, payments, settings.plans(),
                new ResourceTable(store, "training_plan"), holds, tags, tokens, new ClusterPlanUsage(clusterTable));
        ClusterService clusters = new ClusterService(store, clock, inventory, settings.clusters(), clusterTable, holds,
                plans, tags, tokens);
        this.clusterService = clusters;
        this.handlers = Map.ofEntries(
                Map.entry("SearchTrainingPlanOfferings", plans::search),
                Map.entry("CreateTrainingPlan", plans::create),
                Map.entry("DescribeTrainingPlan", plans::describe),
                Map.entry("ListTrainingPlans", plans::list),
                Map.entry("ExtendTrainingPlan", plans::extend),
                Map.entry("DescribeTrainingPlanExtensionHistory", plans::extensionHistory),
                Map.entry("DescribeReservedCapacity", plans::describeReservedCapacity),
                Map.entry("ListUltraServersByReservedCapacity", plans::listUltraServers),
                Map.entry("AddTags", tags::add),
                Map.entry("ListTags", tags::list),
                Map.entry("DeleteTags", tags::delete),
                Map.entry("CreateCluster", clusters::create),
                Map.entry("DescribeCluster", clusters::describe),
                Map.entry("ListClusters", clusters::list),
                Map.entry("UpdateCluster", clusters::update),
                Map.entry("DeleteCluster", clusters::delete),
                Map.entry("UpdateClusterSoftware", clusters::updateSoftware),
                Map.entry("ListClusterNodes", clusters::listNodes),
                Map.entry("DescribeClusterNode", clusters::describeNode),
                Map.entry("BatchDeleteClusterNodes", clusters::batchDelete),
                Map.entry("BatchRebootClusterNodes", clusters::batchReboot),
                Map.entry("BatchReplaceClusterNodes", clusters::batchReplace));
        this.admin = new Admin();
        // Every operation the contract lists as emulated is served: nothing answers "not yet".
        for (String operation : contract.emulatedOperations()) {
            if (!handlers.containsKey(operation)) {
                throw new IllegalStateException("no handler for emulated operation " + operation);
            }
        }
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
        FaultInjector.Effect fault = faults.apply(ctx, operation);
        if (fault != null) {
            pause(fault.latencyMillis());
            if (fault.error() != null) {
                throw fault.error();
            }
        }
        validator.validateInput(op, input);
        JsonNode output = handlers.get(operation).handle(ctx, input);
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

    /** Injected latency is real time: it is what a client's timeouts see. */
    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds a request to the journal (the edge calls this once it has answered). */
    public void record(RecordedRequest request) {
        journal.record(request);
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
            return new Health("ok", EmulatorVersion.current(), settings.checkResponses());
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
        public JsonNode inventory() {
            return inventory.current().inventory().toJson();
        }

        @Override
        public JsonNode replaceInventory(JsonNode document) {
            try {
                inventory.replace(CapacityInventory.parse(document));
            } catch (IllegalArgumentException e) {
                throw new AdminRequestException(e.getMessage());
            }
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
            try {
                return clusterService.failNode(instanceId);
            } catch (IllegalArgumentException e) {
                throw new AdminRequestException(e.getMessage());
            }
        }

        @Override
        public List<RecordedRequest> requests(String operation) {
            return journal.list(operation);
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
            return faults.add(spec);
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
            inventory.reset();
            payments.reset();
        }
    }
}
