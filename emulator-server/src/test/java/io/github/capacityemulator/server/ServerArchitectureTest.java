package io.github.capacityemulator.server;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The server is the edge. An allow-list: it may use its libraries, and of the core only the emulator's entry point
 * and settings, the admin interface and what it returns, the errors, the caller's identity and the contract's
 * target prefix. A new core package is out of reach until it is named here.
 */
class ServerArchitectureTest {

    private static final String CORE = "io.github.capacityemulator.core.";

    private final JavaClasses server = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.capacityemulator.server");

    private static final DescribedPredicate<JavaClass> ALLOWED_CORE_CLASS = DescribedPredicate.describe(
            "the core's entry point, settings, caller identity and contract prefix", c -> {
                String name = c.getName();
                return name.equals(CORE + "Emulator") || name.equals(CORE + "EmulatorSettings")
                        || name.equals(CORE + "EmulatorVersion") || name.equals(CORE + "caller.RequestContext")
                        || name.equals(CORE + "contract.ApiContract") || name.equals(CORE + "clock.ClockState")
                        // What EmulatorAdmin takes and returns of the journal and the faults (not their machinery).
                        || name.equals(CORE + "journal.RecordedRequest") || name.equals(CORE + "faults.FaultRule")
                        || name.equals(CORE + "faults.FaultSpec") || name.equals(CORE + "faults.InjectedFault")
                        // A family's tunables are flags of the command line: records of values, no rule.
                        || (name.startsWith(CORE) && c.getSimpleName().endsWith("Settings") && c.isRecord());
            });

    @Test
    void serverUsesOnlyWhatItIsAllowedTo() {
        classes().that().resideInAPackage("io.github.capacityemulator.server..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
                        "com.fasterxml.jackson..", "org.slf4j..", "software.amazon.awssdk..", "kotlin..", "org.jetbrains.annotations..",
                        "io.github.capacityemulator.server..", CORE + "admin..", CORE + "error..").or(ALLOWED_CORE_CLASS))
                .because("domain rules, state and validation live in emulator-core, behind Emulator and EmulatorAdmin")
                .check(server);
    }

    @Test
    void onlyTheAuthPackageUsesTheAwsSdk() {
        noClasses().that().resideOutsideOfPackage("io.github.capacityemulator.server.auth..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .because("the SDK's signers verify signatures, and nothing else of the SDK belongs in the server")
                .check(server);
    }
}
