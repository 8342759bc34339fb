package io.github.capacityemulator.junit;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit sample in the README is ReadmeExampleTest, word for word. */
class ReadmeSampleTest {

    private static final String START = "@SageMakerEmulatorTest\nclass ReadmeExampleTest {";

    @Test
    void theReadmeShowsTheTestTheBuildRuns() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        String source = Files.readString(root.resolve(
                "emulator-junit/src/test/java/io/github/capacityemulator/junit/ReadmeExampleTest.java"));
        int at = readme.indexOf(START);
        assertThat(at).as("the README shows ReadmeExampleTest").isNotNegative();
        String shown = readme.substring(at, readme.indexOf("```", at)).strip();
        assertThat(source.substring(source.indexOf(START)).strip()).isEqualTo(shown);
    }
}
