package io.github.capacityemulator.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Both the annotation and a registered instance: the registered one serves, and fills in from the annotation. */
@SageMakerEmulatorTest(account = "444455556666")
class AnnotationAndRegisteredExtensionTest {

    @RegisterExtension
    static SageMakerEmulatorExtension emulator = SageMakerEmulatorExtension.builder().region("eu-west-1").build();

    @Test
    void theRegisteredInstanceServesWithTheAnnotationsAccount(SageMakerClient sageMaker, EmulatorControl control) {
        assertThat(control.region()).isEqualTo("eu-west-1");
        assertThat(control.account()).isEqualTo("444455556666");
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).isEmpty();
    }
}
