package io.github.capacityemulator.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.server.EmulatorServer;
import io.github.capacityemulator.server.auth.AccessSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The JUnit Jupiter extension behind {@link SageMakerEmulatorTest}. Use the annotation, or, to configure it
 * in code, register it: {@code @RegisterExtension static SageMakerEmulatorExtension emulator =
 * SageMakerEmulatorExtension.builder().region("eu-west-1").build();}
 */
public final class SageMakerEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SageMakerEmulatorExtension.class);
    private static final String KEY = "emulator";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String region;
    private final String account;
    private final Path inventory;
    private final Path dataDir;
    private final Boolean resetBeforeEach;
    private final boolean requireSignature;
    private final String adminToken;
    /** Made by the builder (registered with @RegisterExtension) rather than by the annotation. */
    private final boolean programmatic;

    /** The extension as {@code @SageMakerEmulatorTest} (or {@code @ExtendWith}) creates it. */
    public SageMakerEmulatorExtension() {
        this(null, null, null, null, null, false, null, false);
    }

    private SageMakerEmulatorExtension(String region, String account, Path inventory, Path dataDir, Boolean resetBeforeEach,
                                       boolean requireSignature, String adminToken, boolean programmatic) {
        this.programmatic = programmatic;
        this.requireSignature = requireSignature;
        this.adminToken = adminToken;
        this.region = region;
        this.account = account;
        this.inventory = inventory;
        this.dataDir = dataDir;
        this.resetBeforeEach = resetBeforeEach;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configuration in code; anything not set keeps the annotation's value or the default. */
    public static final class Builder {
        private String region;
        private String account;
        private Path inventory;
        private Path dataDir;
        private Boolean resetBeforeEach;
        private boolean requireSignature;
        private String adminToken;

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder account(String account) {
            this.account = account;
            return this;
        }

        /** A capacity inventory file to start with (and to return to on reset). */
        public Builder inventory(Path inventory) {
            this.inventory = inventory;
            return this;
        }

        /** Keep state in an H2 file in this directory instead of in memory. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        /**
         * Verify every API request's SigV4 signature, as {@code --require-signature} does: the injected clients sign
         * with the account as access key id and {@link EmulatorControl#secretAccessKey()}; any other key is refused.
         */
        public Builder requireSignature(boolean require) {
            this.requireSignature = require;
            return this;
        }

        /** Put the admin API (all but health) behind this bearer token, as {@code --admin-token} does. */
        public Builder adminToken(String token) {
            this.adminToken = token;
            return this;
        }

        public SageMakerEmulatorExtension build() {
            return new SageMakerEmulatorExtension(region, account, inventory, dataDir, resetBeforeEach, requireSignature,
                    adminToken, true);
        }
    }

    /**
     * With both the annotation and a registered instance, the annotation's instance steps aside: the
     * registered one, configured in code, serves the class (and reads the annotation for what it leaves unset).
     */
    private boolean defers(ExtensionContext context) {
        if (programmatic) {
            return false;
        }
        ExtensionContext current = context;
        while (current != null) {
            boolean registered = current.getTestClass().map(c -> !AnnotationSupport.findAnnotatedFields(c, RegisterExtension.class,
                    f -> SageMakerEmulatorExtension.class.isAssignableFrom(f.getType())).isEmpty()).orElse(false);
            if (registered) {
                return true;
            }
            current = current.getParent().orElse(null);
        }
        return false;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!defers(context)) {
            running(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (defers(context)) {
            return;
        }
        if (resetBeforeEach != null ? resetBeforeEach : annotation(context).map(SageMakerEmulatorTest::resetBeforeEach).orElse(true)) {
            running(context).reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        if (defers(context)) {
            return false;
        }
        String type = parameter.getParameter().getType().getName();
        return type.equals(EmulatorControl.class.getName()) || type.equals(SdkClients.SYNC) || type.equals(SdkClients.ASYNC);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningEmulator emulator = running(context);
        String type = parameter.getParameter().getType().getName();
        if (type.equals(EmulatorControl.class.getName())) {
            return emulator;
        }
        try {
            return emulator.clients().client(type);
        } catch (NoClassDefFoundError e) {
            throw new ParameterResolutionException("the AWS SDK for Java v2 (software.amazon.awssdk:sagemaker) is not on"
                    + " the test classpath", e);
        }
    }

    /** The emulator of the outermost test class, started on first use and shared by its nested classes. */
    private RunningEmulator running(ExtensionContext context) {
        ExtensionContext outermost = outermostClass(context);
        return outermost.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> start(context), RunningEmulator.class);
    }

    private static ExtensionContext outermostClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static Optional<SageMakerEmulatorTest> annotation(ExtensionContext context) {
        ExtensionContext current = context;
        while (current != null) {
            Optional<SageMakerEmulatorTest> found = current.getTestClass()
                    .flatMap(c -> AnnotationSupport.findAnnotation(c, SageMakerEmulatorTest.class));
            if (found.isPresent()) {
                return found;
            }
            current = current.getParent().orElse(null);
        }
        return Optional.empty();
    }

    private RunningEmulator start(ExtensionContext context) {
        Optional<SageMakerEmulatorTest> config = annotation(context);
        String useRegion = region != null ? region : config.map(SageMakerEmulatorTest::region).orElse("us-east-1");
        String useAccount = account != null ? account : config.map(SageMakerEmulatorTest::account).orElse("000000000000");
        if (!useAccount.matches("\\d{12}")) {
            throw new ExtensionConfigurationException("account must be 12 digits, not '" + useAccount + "'");
        }
        EmulatorSettings settings = EmulatorSettings.defaults().withClockFrozen(true).withDataDir(dataDir);
        if (inventory != null) {
            try {
                settings = settings.withInventoryDocument(new ObjectMapper().readTree(inventory.toFile()));
            } catch (IOException | IllegalArgumentException e) {
                throw new ExtensionConfigurationException("cannot read the inventory " + inventory + ": " + e.getMessage(), e);
            }
        }
        Emulator emulator = Emulator.start(settings);
        try {
            AccessSettings access = new AccessSettings(requireSignature,
                    requireSignature ? Map.of(useAccount, SdkClients.SECRET) : Map.of(), Map.of(), adminToken);
            return new RunningEmulator(emulator, EmulatorServer.start(emulator, "127.0.0.1", 0, REQUEST_TIMEOUT, access),
                    useRegion, useAccount, adminToken);
        } catch (RuntimeException e) {
            emulator.close(); // let go of the data directory's lock
            throw e;
        }
    }
}
