package io.github.capacityemulator.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.admin.EmulatorAdmin;
import io.github.capacityemulator.core.faults.FaultRule;
import io.github.capacityemulator.core.faults.FaultSpec;
import io.github.capacityemulator.core.journal.RecordedRequest;
import io.github.capacityemulator.server.EmulatorServer;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One emulator and its server for a test class, and the {@link EmulatorControl} over them. Closed with the
 * test class's store: JUnit 5.10-5.12 close CloseableResource values, later versions AutoCloseable ones.
 */
@SuppressWarnings("deprecation")
final class RunningEmulator implements EmulatorControl, AutoCloseable, ExtensionContext.Store.CloseableResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Emulator emulator;
    private final EmulatorServer server;
    private final EmulatorAdmin admin;
    private final String region;
    private final String account;
    private final String adminToken;
    private AutoCloseable clients;
    private boolean closed;

    RunningEmulator(Emulator emulator, EmulatorServer server, String region, String account, String adminToken) {
        this.adminToken = adminToken;
        this.emulator = emulator;
        this.server = server;
        this.admin = emulator.admin();
        this.region = region;
        this.account = account;
    }

    /** SDK clients made on first use and closed with the emulator. */
    synchronized SdkClients clients() {
        if (clients == null) {
            clients = new SdkClients(endpoint(), region, account, SdkClients.SECRET);
        }
        return (SdkClients) clients;
    }

    @Override
    public URI endpoint() {
        return server.endpoint();
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String secretAccessKey() {
        return SdkClients.SECRET;
    }

    @Override
    public Optional<String> adminToken() {
        return Optional.ofNullable(adminToken);
    }

    @Override
    public Instant now() {
        return admin.clock().now();
    }

    @Override
    public void advanceClock(Duration by) {
        admin.advanceClock(by);
    }

    @Override
    public void setClock(Instant to) {
        admin.setClock(to, admin.clock().frozen());
    }

    @Override
    public void reset() {
        admin.reset();
    }

    @Override
    public JsonNode inventory() {
        return admin.inventory();
    }

    @Override
    public void setInventory(String json) {
        try {
            admin.replaceInventory(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the inventory is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void failNextPayments(int count) {
        admin.failNextPayments(count);
    }

    @Override
    public void failNode(String instanceId) {
        admin.failNode(instanceId);
    }

    @Override
    public void completeTrainingJob(String name) {
        admin.completeTrainingJob(name, null, null);
    }

    @Override
    public void failTrainingJob(String name, String failureReason) {
        admin.failTrainingJob(name, null, null, failureReason);
    }

    @Override
    public void completeTrainingJob(String name, String account, String region) {
        admin.completeTrainingJob(name, account, region);
    }

    @Override
    public void failTrainingJob(String name, String account, String region, String failureReason) {
        admin.failTrainingJob(name, account, region, failureReason);
    }

    @Override
    public List<RecordedRequest> requests() {
        return admin.requests(null);
    }

    @Override
    public List<RecordedRequest> requests(String operation) {
        return admin.requests(operation);
    }

    @Override
    public void clearRequests() {
        admin.clearRequests();
    }

    @Override
    public FaultRule addFault(FaultSpec spec) {
        return admin.addFault(spec);
    }

    @Override
    public FaultRule failNext(String operation, String errorCode, int count) {
        return admin.addFault(new FaultSpec(operation, null, null, errorCode, null, null, null, count, null, null));
    }

    @Override
    public List<FaultRule> faults() {
        return admin.faults();
    }

    @Override
    public void clearFaults() {
        admin.clearFaults();
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        if (clients != null) {
            clients.close();
        }
        server.close();
        emulator.close();
    }
}
