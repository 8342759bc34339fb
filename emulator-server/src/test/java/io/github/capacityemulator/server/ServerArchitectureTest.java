package io.github.capacityemulator.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The server is the edge: it reaches the domain only through Emulator, its admin interface and its errors. */
class ServerArchitectureTest {

    private final JavaClasses server = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.capacityemulator.server");

    @Test
    void serverHoldsNoDomainRule() {
        noClasses().that().resideInAPackage("io.github.capacityemulator.server..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.github.capacityemulator.core.store..", "io.github.capacityemulator.core.plans..",
                        "io.github.capacityemulator.core.clusters..", "io.github.capacityemulator.core.paging..",
                        "io.github.capacityemulator.core.capacity..", "io.github.capacityemulator.core.tags..",
                        "org.h2..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "io.github.capacityemulator.core.contract.ContractValidator")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "io.github.capacityemulator.core.clock.EmulatorClock")
                .because("domain rules, state and validation live in emulator-core")
                .check(server);
    }
}
