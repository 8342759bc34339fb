package io.github.capacityemulator.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Core is the domain: it never sees HTTP, its packages form no cycle, and families do not reach into each other. */
class ArchitectureTest {

    private static final String CORE = "io.github.capacityemulator.core";

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    /** Every package of core its own slice, the root package included. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(com.tngtech.archunit.core.domain.JavaClass c) {
            return c.getPackageName().startsWith(CORE) ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of emulator-core";
        }
    };

    @Test
    void coreImportsNoHttpType() {
        noClasses().that().resideInAPackage(CORE + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.javalin..", "jakarta.servlet..", "javax.servlet..", "org.eclipse.jetty..",
                        "java.net.http..", "com.sun.net.httpserver..", "io.github.capacityemulator.server..")
                .because("emulator-core takes (account, region, operation, JSON tree) and knows nothing of HTTP")
                .check(core);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(core);
    }

    @Test
    void onlyTheRootWiresFamilies() {
        noClasses().that().resideOutsideOfPackage(CORE)
                .should().dependOnClassesThat().resideInAPackage(CORE)
                .because("the root package (Emulator) is the top layer: it wires the families to the shared machinery")
                .check(core);
    }

    @Test
    void familiesMeetOnlyThroughSharedMachinery() {
        noClasses().that().resideInAPackage(CORE + ".plans")
                .should().dependOnClassesThat().resideInAnyPackage(CORE + ".clusters")
                .check(core);
        noClasses().that().resideInAPackage(CORE + ".clusters")
                .should().dependOnClassesThat().resideInAnyPackage(CORE + ".plans")
                .because("plans and their consumers meet in core.capacity (ReservedCapacity), never directly")
                .check(core);
    }

    @Test
    void onlyTheStoreTouchesJdbc() {
        noClasses().that().resideOutsideOfPackage(CORE + ".store")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.ResultSet")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
                .orShould().dependOnClassesThat().resideInAPackage("org.h2..")
                .because("repositories speak SQL through Sql, so that binding, NULLs and the dialect live in one place")
                .check(core);
    }

    @Test
    void sharedMachineryKnowsNoFamily() {
        noClasses().that().resideInAnyPackage(CORE + ".family", CORE + ".caller", CORE + ".store", CORE + ".capacity", CORE + ".lifecycle",
                        CORE + ".contract", CORE + ".requests", CORE + ".paging", CORE + ".clock", CORE + ".error")
                .should().dependOnClassesThat().resideInAnyPackage(CORE + ".plans", CORE + ".clusters", CORE + ".tags")
                .because("a family is added without touching the shared machinery")
                .check(core);
    }
}
