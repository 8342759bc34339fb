package io.github.capacityemulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.admin.EmulatorAdmin;
import io.github.capacityemulator.core.capacity.CapacityHolds;
import io.github.capacityemulator.core.capacity.CapacitySchema;
import io.github.capacityemulator.core.capacity.InventorySource;
import io.github.capacityemulator.core.capacity.ReservedCapacity;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.clusters.ClusterFamily;
import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.ContractValidator;
import io.github.capacityemulator.core.contract.OperationContract;
import io.github.capacityemulator.core.error.InternalFailure;
import io.github.capacityemulator.core.error.NotImplementedException;
import io.github.capacityemulator.core.error.UnknownOperationException;
import io.github.capacityemulator.core.family.FamilyContext;
import io.github.capacityemulator.core.family.HandlerTable;
import io.github.capacityemulator.core.family.OperationFamily;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.family.TaggableKind;
import io.github.capacityemulator.core.faults.FaultInjector;
import io.github.capacityemulator.core.jobs.TrainingJobFamily;
import io.github.capacityemulator.core.journal.RecordedRequest;
import io.github.capacityemulator.core.journal.RequestJournal;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.plans.PaymentOutcomes;
import io.github.capacityemulator.core.plans.TrainingPlanFamily;
import io.github.capacityemulator.core.store.SchemaModule;
import io.github.capacityemulator.core.store.StateDump;
import io.github.capacityemulator.core.store.Store;
import io.github.capacityemulator.core.tags.TagFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator: one entry point, {@link #dispatch}, for every SageMaker operation, and one control surface,
 * {@link #admin()}. It wires the operation families to the shared machinery and knows nothing of HTTP.
 */
public final class Emulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);

    private final EmulatorSettings settings;
    private final ApiContract contract;
    private final ContractValidator validator;
    private final EmulatorClock clock;
    private final Store store;
    private final HandlerTable handlers = new HandlerTable();
    private final RequestJournal journal;
    private final FaultInjector faults = new FaultInjector();
    private final EmulatorAdmin admin;

    private Emulator(EmulatorSettings settings, java.util.function.Function<List<SchemaModule>, Store> openStore) {
        this.settings = settings;
        this.contract = ApiContract.load();
        this.validator = new ContractValidator(contract);
        this.clock = new EmulatorClock(settings.systemClock(), settings.clockFrozen(), settings.clockRate());
        this.journal = new RequestJournal(settings.journalSize());
        PaymentOutcomes payments = new PaymentOutcomes();
        ClusterFamily clusters = new ClusterFamily(settings.clusters());
        TrainingJobFamily jobs = new TrainingJobFamily(settings.jobs());
        // The operation families: adding one is one line here.
        List<OperationFamily> families = List.of(
                new TagFamily(),
                new TrainingPlanFamily(settings.plans(), payments),
                clusters,
                jobs);
        List<SchemaModule> schema = new ArrayList<>(List.of(new CapacitySchema()));
        schema.addAll(families);
        this.store = openStore.apply(schema);
        StoredClock.resume(store, clock); // a data directory keeps its clock across restarts
        InventorySource inventory = new InventorySource(settings.inventory());
        List<TaggableKind> taggable = new ArrayList<>();
        families.forEach(f -> taggable.addAll(f.taggableKinds()));
        FamilyContext context = new FamilyContext(store, clock, inventory, new CapacityHolds(), new ReservedCapacity(),
                new PageTokens(StoreSecrets.pageTokenKey(store)), taggable);
        families.forEach(f -> f.register(context, handlers));
        this.admin = new LocalAdmin(settings, clock, store, inventory, payments, clusters, jobs, journal, faults,
                contract);
        // Every operation the contract lists as emulated is served: nothing answers "not yet".
        for (String operation : contract.emulatedOperations()) {
            if (!handlers.serves(operation)) {
                store.close();
                throw new IllegalStateException("no handler for emulated operation " + operation);
            }
        }
    }

    public static Emulator start(EmulatorSettings settings) {
        return new Emulator(settings, schema -> settings.dataDir() == null ? Store.inMemory(schema)
                : Store.inDirectory(settings.dataDir(), schema));
    }

    /** An emulator on a store of the caller's making (another database: the portability test). */
    static Emulator start(EmulatorSettings settings, java.util.function.Function<List<SchemaModule>, Store> openStore) {
        return new Emulator(settings, openStore);
    }

    /**
     * Serves one operation: resolves it, validates the input against the contract, runs its handler and,
     * when response checks are on, checks the output against the contract.
     */
    public JsonNode dispatch(RequestContext ctx, String operation, JsonNode input) {
        OperationContract op = contract.operation(operation).orElseThrow(() -> contract.isOtherOperation(operation)
                ? new NotImplementedException(operation + " is not emulated: this emulator serves SageMaker"
                        + " training plans, training jobs and HyperPod clusters only.")
                : new UnknownOperationException("Operation " + operation + " is not a SageMaker operation."));
        FaultInjector.Effect fault = faults.apply(ctx, operation);
        if (fault != null) {
            pause(fault.latencyMillis());
            if (fault.error() != null) {
                throw fault.error();
            }
        }
        validator.validateInput(op, input);
        JsonNode output = handlers.find(operation).orElseThrow().handle(ctx, input);
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

    /** The bytes of request bodies the journal keeps now: at most {@link RequestJournal#BODY_BYTES_BUDGET}. */
    public long journalBodyBytes() {
        return journal.retainedBodyBytes();
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

    /** Every row of emulated state, in a stable order: what tests compare to prove a request changed nothing. */
    public StateDump stateDump() {
        return store.dump();
    }

    /** Where state is kept, for the start-up line. */
    public String storeDescription() {
        return store.description();
    }

    @Override
    public void close() {
        store.close();
    }
}
