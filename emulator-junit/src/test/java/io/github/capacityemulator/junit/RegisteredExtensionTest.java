package io.github.capacityemulator.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Configuration in code, with @RegisterExtension and the builder. */
class RegisteredExtensionTest {

    private static final Path INVENTORY = inventoryFile();

    @RegisterExtension
    static SageMakerEmulatorExtension emulator = SageMakerEmulatorExtension.builder()
            .region("ap-southeast-2").account("111122223333").inventory(INVENTORY).build();

    private static Path inventoryFile() {
        try {
            Path file = Files.createTempFile("inventory", ".json");
            Files.writeString(file, "{\"regions\":{\"ap-southeast-2\":{\"ap-southeast-2a\":{\"ml.p5.48xlarge\":"
                    + "[{\"from\":\"2020-01-01T00:00:00Z\",\"count\":0}]}}}}");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void usesTheConfiguredRegionAccountAndInventory(SageMakerClient sageMaker, EmulatorControl control) {
        assertThat(control.region()).isEqualTo("ap-southeast-2");
        assertThat(control.account()).isEqualTo("111122223333");
        assertThat(sageMaker.searchTrainingPlanOfferings(r -> r.instanceType("ml.p5.48xlarge").instanceCount(1)
                .durationHours(24L).targetResourcesWithStrings("training-job")).trainingPlanOfferings())
                .as("the inventory file has no p5 at all").isEmpty();
        control.reset();
        assertThat(control.inventory().path("regions").has("ap-southeast-2")).as("reset keeps the start-up inventory").isTrue();
    }
}
