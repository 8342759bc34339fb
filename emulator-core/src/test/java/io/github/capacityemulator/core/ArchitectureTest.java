package io.github.capacityemulator.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Core is the domain: it never sees HTTP. */
class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.capacityemulator.core");

    @Test
    void coreImportsNoHttpType() {
        noClasses().that().resideInAPackage("io.github.capacityemulator.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.javalin..", "jakarta.servlet..", "javax.servlet..", "org.eclipse.jetty..",
                        "java.net.http..", "com.sun.net.httpserver..", "io.github.capacityemulator.server..")
                .because("emulator-core takes (account, region, operation, JSON tree) and knows nothing of HTTP")
                .check(core);
    }
}
