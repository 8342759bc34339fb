package io.github.capacityemulator.server;

import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.core.EmulatorVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.plans.PlanSettings;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar sagemaker-emulator.jar}: starts the emulator and serves it until SIGTERM. */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(ServerOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ServerOptions.usage());
            return;
        }
        configureDefaultLogging();
        Logger log = LoggerFactory.getLogger(EmulatorMain.class);

        EmulatorSettings settings = EmulatorSettings.defaults();
        if (options.inventory() != null) {
            try {
                settings = settings.withInventoryDocument(new ObjectMapper().readTree(options.inventory().toFile()));
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("error: cannot read the inventory file " + options.inventory() + ": " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(settings
                    .withDataDir(options.dataDir())
                    .withClockFrozen(options.clockFrozen())
                    .withPlans(new PlanSettings(options.paymentDelay(), options.maxTrainingPlans(),
                            PlanSettings.DEFAULT_OFFERING_VALIDITY))
                    .withClusters(options.clusters())
                    .withClockRate(options.clockRate())
                    .withJournalSize(options.journalSize())
                    .withJobs(options.jobs()));
        } catch (RuntimeException e) {
            // A data directory that cannot be opened (another process holds it, an incompatible schema): say why.
            System.err.println("error: cannot open the emulator's state"
                    + (options.dataDir() == null ? "" : " in " + options.dataDir()) + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        EmulatorServer server;
        try {
            server = EmulatorServer.start(emulator, options.host(), options.port(), options.requestTimeout(), options.access());
        } catch (RuntimeException e) {
            emulator.close(); // let go of the data directory's lock
            System.err.println("error: cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            emulator.close();
            log.info("SageMaker emulator stopped");
        }, "emulator-shutdown"));

        log.info("SageMaker emulator {} started on {}: state {}, clock {}, signatures {}, admin API {}",
                EmulatorVersion.current(), server.endpoint(), emulator.storeDescription(), options.clockFrozen() ? "frozen"
                        : options.clockRate() == 1.0 ? "real" : "running at " + options.clockRate() + "x",
                options.access().requireSignature() ? "verified (keys: " + options.access().secrets().size() + ")"
                        : "not checked", options.access().adminToken() == null ? "open" : "behind a bearer token");
        System.out.println("SageMaker emulator listening on " + server.endpoint());
        System.out.flush();
    }

    /** Sensible slf4j-simple defaults for the fat jar; a -D on the command line still wins. */
    private static void configureDefaultLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.javalin", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
