package cn.onewindow.core.architecture;

import cn.onewindow.core.common.Digests;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The domain core stays plain Java: no cloud SDK, framework, JSON binding or HTTP types, and its packages form no
 * cycle. Rules checked over the core's main classes (tests excluded); the fixture tests prove a rule can fail.
 */
class CoreArchitectureTest {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.onewindow.core");

    /** Packages the domain must not import: adapters and frameworks live in other modules. */
    static final String[] FORBIDDEN_IN_CORE = {
            "software.amazon..", "com.amazonaws..", "io.quarkus..", "com.fasterxml.jackson..", "jakarta.ws.rs..",
            "io.vertx..", "jakarta.enterprise..", "jakarta.inject..", "javax.inject..", "org.mapstruct.."};

    static ArchRule coreIsPlainJava() {
        return noClasses().that().resideInAPackage("cn.onewindow.core..")
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN_IN_CORE)
                .because("functions/core is the plain-Java domain; adapters live in functions/aws and the API");
    }

    static ArchRule noPackageCycles(String prefix) {
        return slices().matching(prefix + ".(**)").should().beFreeOfCycles();
    }

    @Test
    void coreImportsNoFrameworkOrSdk() {
        coreIsPlainJava().check(CORE);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        noPackageCycles("cn.onewindow.core").check(CORE);
    }

    /** One SHA-256 helper (Digests); HMAC stays in Pseudonyms. */
    @Test
    void onlyDigestsComputesMessageDigests() {
        noClasses().that().resideInAPackage("cn.onewindow.core..")
                .and().doNotHaveFullyQualifiedName(Digests.class.getName())
                .should().callMethod(MessageDigest.class, "getInstance", String.class)
                .because("hashing is written once, in cn.onewindow.core.common.Digests")
                .check(CORE);
    }

    @Test
    void theCycleRuleReportsACycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages("cn.onewindow.core.architecture.fixture");
        EvaluationResult r = noPackageCycles("cn.onewindow.core.architecture.fixture").evaluate(fixture);
        assertTrue(r.hasViolation(), "a → b → a must be reported");
        String report = String.join("\n", r.getFailureReport().getDetails());
        assertTrue(report.contains("fixture.a") && report.contains("fixture.b"), report);
    }
}
