package io.github.capacityemulator.core;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.github.capacityemulator.core.family.OperationFamily;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
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
        public SliceIdentifier getIdentifierOf(JavaClass c) {
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

    /** Packages holding an {@link OperationFamily}: each is one family; found, not listed, so a new one is guarded. */
    private Set<String> familyPackages() {
        Set<String> out = new TreeSet<>();
        for (JavaClass c : core) {
            if (!c.isInterface() && c.isAssignableTo(OperationFamily.class)) {
                out.add(c.getPackageName());
            }
        }
        return out;
    }

    /** What a family may use of another: the tag store (tags are given at creation and dropped with a resource). */
    private static final DescribedPredicate<JavaClass> PUBLISHED = DescribedPredicate.describe("the tags' TagStore and Tag",
            c -> c.getName().equals(CORE + ".tags.TagStore") || c.getName().equals(CORE + ".tags.Tag"));

    @Test
    void familiesMeetOnlyThroughSharedMachinery() {
        Set<String> families = familyPackages();
        assertThat(families).contains(CORE + ".plans", CORE + ".clusters", CORE + ".tags");
        for (String family : families) {
            String[] others = families.stream().filter(f -> !f.equals(family)).toArray(String[]::new);
            noClasses().that().resideInAPackage(family)
                    .should().dependOnClassesThat(resideInAnyPackage(others).and(not(PUBLISHED)))
                    .because("families meet in the shared machinery (plans and their consumers in ReservedCapacity)")
                    .check(core);
        }
    }

    @Test
    void sharedMachineryKnowsNoFamily() {
        Set<String> families = familyPackages();
        Set<String> shared = new TreeSet<>();
        for (JavaClass c : core) {
            String p = c.getPackageName();
            if (p.startsWith(CORE + ".") && !families.contains(p)) {
                shared.add(p);
            }
        }
        assertThat(shared).contains(CORE + ".store", CORE + ".capacity", CORE + ".lifecycle", CORE + ".family");
        noClasses().that().resideInAnyPackage(shared.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(families.toArray(String[]::new))
                .because("a family is added without touching the shared machinery")
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

}
