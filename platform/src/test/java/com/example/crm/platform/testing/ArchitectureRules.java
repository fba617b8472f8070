package com.example.crm.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of a service laid out by feature ({@code <root>.<feature>.domain|application|persistence|
 * api|messaging}): dependencies point inward (adapters → application → domain), the domain and the application
 * speak no HTTP, features do not depend on each other in a cycle, and no service depends on another. Checked with
 * ArchUnit on the service's compiled main classes.
 */
public final class ArchitectureRules {

    private static final String[] SERVICES = {"client", "interaction", "complaint", "segmentation"};

    private ArchitectureRules() {
    }

    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** A domain depends on no application, adapter or HTTP type: only on other domain code, the JDK and mapping annotations. */
    public static ArchRule domainDependsOnNothingOutside(String root) {
        return noClasses().that().resideInAPackage(root + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(root + "..application..", root + "..persistence..",
                        root + "..api..", root + "..messaging..", "jakarta.ws.rs..", "com.example.crm.platform.api..",
                        "io.vertx..", "org.eclipse.microprofile.openapi..", "io.smallrye.reactive.messaging..")
                .as("the domain of every feature depends on nothing outside the domain");
    }

    /** The application layer (commands, transactions) knows no adapter: no REST resource, consumer, HTTP or problem type. */
    public static ArchRule applicationKnowsNoAdapter(String root) {
        return noClasses().that().resideInAPackage(root + "..application..")
                .should().dependOnClassesThat().resideInAnyPackage(root + "..api..", root + "..messaging..",
                        "jakarta.ws.rs..", "com.example.crm.platform.api..", "io.vertx..",
                        "io.smallrye.reactive.messaging..")
                .as("the application layer of every feature depends on no adapter and speaks no HTTP");
    }

    /** Persistence adapters serve the inside; they call no REST resource or consumer. */
    public static ArchRule persistenceKnowsNoOtherAdapter(String root) {
        return noClasses().that().resideInAPackage(root + "..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage(root + "..api..", root + "..messaging..", "jakarta.ws.rs..")
                .as("persistence adapters depend on no REST resource or consumer");
    }

    /** Features may use each other, but never in a cycle. */
    public static ArchRule featuresAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("no cycle between the features of " + root);
    }

    /** A service talks to the others over HTTP and events only, never through their code. */
    public static ArchRule noOtherService(String root, String service) {
        String[] others = java.util.Arrays.stream(SERVICES).filter(s -> !s.equals(service))
                .map(s -> "com.example.crm." + s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as(service + "-service depends on no other service's code");
    }

    /** Every rule for the service whose code lives under {@code com.example.crm.<service>}. */
    public static void checkService(String service) {
        String root = "com.example.crm." + service;
        JavaClasses classes = mainClasses(root);
        domainDependsOnNothingOutside(root).check(classes);
        applicationKnowsNoAdapter(root).check(classes);
        persistenceKnowsNoOtherAdapter(root).check(classes);
        featuresAreFreeOfCycles(root).check(classes);
        noOtherService(root, service).check(classes);
    }
}
