package cn.onewindow.local.architecture;

import cn.onewindow.core.identity.Role;
import cn.onewindow.local.architecture.fixture.DecidesOnRole;
import cn.onewindow.local.architecture.fixture.ReachesIntoPlatform;
import cn.onewindow.local.architecture.fixture.UsesInMemoryAdapter;
import cn.onewindow.local.architecture.fixture.WritesToDynamo;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules that span modules, checked over the main classes of every function module this module sees (core, aws,
 * intake-api, workers, local, infrastructure). The core's own rules are in functions/core (CoreArchitectureTest).
 * The fixture tests prove two of the rules report a violation.
 */
class ModuleArchitectureTest {

    /**
     * The compiled main classes of each function module, read from its target/classes: intake-api and workers are
     * only build-order dependencies of this module (not on its class path), and the reactor has compiled them
     * before this module's tests run.
     */
    static final List<String> MODULES = List.of("functions/core", "functions/aws", "functions/intake-api",
            "functions/workers", "functions/local", "functions/baseline-lambda", "functions/baseline-http-lambda",
            "functions/baseline-sdk-lambda", "functions/baseline-sdk-http-lambda", "infrastructure");

    static final JavaClasses ALL = importModules();

    private static JavaClasses importModules() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("functions/local/pom.xml"))) root = root.getParent();
        assertNotNull(root, "repository root not found above " + Path.of("").toAbsolutePath());
        List<Path> dirs = new ArrayList<>();
        for (String m : MODULES) {
            Path classes = root.resolve(m).resolve("target/classes");
            assertTrue(Files.isDirectory(classes.resolve("cn/onewindow")), "not compiled yet: " + classes);
            dirs.add(classes);
        }
        return new ClassFileImporter().importPaths(dirs);
    }

    private static final Pattern DYNAMO_WRITE = Pattern.compile(
            "software\\.amazon\\.awssdk\\.services\\.dynamodb\\.model\\."
                    + "((PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)Request|TransactWriteItem"
                    + "|Put|Update|Delete|WriteRequest|PutRequest|DeleteRequest)(\\$.*)?");

    static ArchRule noPackageCycles() {
        return slices().matching("cn.onewindow.(**)").should().beFreeOfCycles();
    }

    /** HTTP resources, filters and queue/schedule handlers go through the core services and ports. */
    static ArchRule handlersUseNoAwsSdk() {
        return noClasses().that().resideInAnyPackage("cn.onewindow.api..", "cn.onewindow.workers..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .because("handlers reach DynamoDB and SQS only through core services and the ports that"
                        + " functions/aws implements");
    }

    /**
     * The functions' wiring: a resource, filter or handler names in its constructor the services it uses (CDI
     * constructor injection); only the function's composition (the classes that declare CDI producer methods:
     * PlatformProducer and ApiServices, WorkerPlatform and WorkerServices) sees the Platform they come from.
     */
    static ArchRule handlersAreNotHandedThePlatform(String... packages) {
        DescribedPredicate<JavaClass> composition = DescribedPredicate.describe("compose the function (declare CDI"
                + " producer methods)", (JavaClass c) -> c.getMethods().stream()
                .anyMatch(m -> m.isAnnotatedWith("jakarta.enterprise.inject.Produces")));
        return noClasses().that().resideInAnyPackage(packages).and(DescribedPredicate.not(composition))
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.onewindow.aws.Platform")
                .because("a reader sees what a handler needs in its constructor; the Platform is a service locator");
    }

    /** Only the adapters of functions/aws write to DynamoDB. */
    static ArchRule onlyAwsAdaptersWriteToDynamo() {
        return noClasses().that().resideOutsideOfPackage("cn.onewindow.aws..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are DynamoDB write requests",
                        (JavaClass c) -> DYNAMO_WRITE.matcher(c.getName()).matches()))
                .because("every DynamoDB write goes through the adapters in cn.onewindow.aws (versions, conditions,"
                        + " schemaVersion)");
    }

    /**
     * The in-memory adapters and port contracts of functions/memory are for tests: no production module depends on
     * them (a function wired to one would lose its data with its instance). Maven keeps them off the production
     * class paths (test scope only); this rule catches a dependency that would slip in anyway.
     */
    static ArchRule noProductionCodeUsesTheInMemoryAdapters() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("cn.onewindow.memory..")
                .because("the in-memory adapters (functions/memory) stand in for DynamoDB and SQS in tests only");
    }

    /**
     * Access decisions live in cn.onewindow.core.access (and the API's CallerFilter): nobody else compares a role
     * with a Role constant or switches over roles (both read a Role constant; a switch reads them through its
     * synthetic switch map). Reading {@code caller.role()} to show or store it is fine. The identity package defines
     * the values. Today's services do this in many places: the rule is frozen (see the test).
     */
    static ArchRule onlyAccessDecidesOnRoles() {
        DescribedPredicate<JavaAccess<?>> roleCompared = DescribedPredicate.describe(
                "compares roles (reads a Role constant or its ordinal)",
                (JavaAccess<?> a) -> a.getTargetOwner().getName().equals(Role.class.getName())
                        && (a instanceof JavaFieldAccess && !a.getName().equals("$VALUES")
                        || a.getName().equals("ordinal") || a.getName().equals("compareTo")));
        return noClasses().that().resideOutsideOfPackages("cn.onewindow.core.access..", "cn.onewindow.core.identity..")
                .and().doNotHaveFullyQualifiedName("cn.onewindow.api.CallerFilter")
                .should().accessTargetWhere(roleCompared)
                .because("who may do what is decided in cn.onewindow.core.access (AccessPolicy) only");
    }

    @Test
    void noPackageCyclesInAnyModule() {
        noPackageCycles().check(ALL);
    }

    @Test
    void handlersDoNotTouchAwsSdkClients() {
        handlersUseNoAwsSdk().check(ALL);
    }

    @Test
    void resourcesAndHandlersAreNotHandedThePlatform() {
        handlersAreNotHandedThePlatform("cn.onewindow.api..", "cn.onewindow.workers..").check(ALL);
    }

    @Test
    void onlyAdaptersInFunctionsAwsWriteToDynamoDb() {
        onlyAwsAdaptersWriteToDynamo().check(ALL);
    }

    /**
     * Frozen: the services of today compare roles in many places (recorded under src/test/resources/archunit_store);
     * a new place fails, a removed one leaves the store. Move such checks into AccessPolicy rather than growing the
     * store.
     */
    @Test
    void onlyTheAccessPackageDecidesOnRoles() {
        FreezingArchRule.freeze(onlyAccessDecidesOnRoles()).check(ALL);
    }

    @Test
    void noProductionModuleDependsOnTheInMemoryAdapters() {
        noProductionCodeUsesTheInMemoryAdapters().check(ALL);
    }

    @Test
    void theInMemoryRuleReportsProductionCodeWiredToAnInMemoryAdapter() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UsesInMemoryAdapter.class);
        EvaluationResult r = noProductionCodeUsesTheInMemoryAdapters().evaluate(fixture);
        assertTrue(r.hasViolation(), "a MemoryCaseRepository used outside functions/memory must be reported");
        String report = r.getFailureReport().toString();
        assertTrue(report.contains("UsesInMemoryAdapter") && report.contains("MemoryCaseRepository"), report);
    }

    @Test
    void theWiringRuleReportsAHandlerHandedThePlatform() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReachesIntoPlatform.class);
        EvaluationResult r = handlersAreNotHandedThePlatform("cn.onewindow.local.architecture.fixture..")
                .evaluate(fixture);
        assertTrue(r.hasViolation(), "a handler constructed with the Platform must be reported");
        String report = r.getFailureReport().toString();
        assertTrue(report.contains("ReachesIntoPlatform") && report.contains("Platform"), report);
    }

    @Test
    void theDynamoWriteRuleReportsAWriteOutsideTheAdapters() {
        JavaClasses fixture = new ClassFileImporter().importClasses(WritesToDynamo.class);
        EvaluationResult r = onlyAwsAdaptersWriteToDynamo().evaluate(fixture);
        assertTrue(r.hasViolation(), "a PutItemRequest built outside cn.onewindow.aws must be reported");
        String report = r.getFailureReport().toString();
        assertTrue(report.contains("WritesToDynamo") && report.contains("PutItemRequest"), report);
    }

    @Test
    void theRoleRuleReportsARoleDecisionOutsideTheAccessPackage() {
        JavaClasses fixture = new ClassFileImporter().importClasses(DecidesOnRole.class);
        EvaluationResult r = onlyAccessDecidesOnRoles().evaluate(fixture);
        assertTrue(r.hasViolation(), "caller.role() == Role.ADMIN outside the access package must be reported");
        String report = r.getFailureReport().toString();
        assertTrue(report.contains("DecidesOnRole") && report.contains("Role.ADMIN"), report);
    }
}
