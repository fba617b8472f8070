package com.example.crm.platform;

import com.example.crm.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The platform is what the services share: it knows none of them, and its domain types speak no HTTP. */
class PlatformArchitectureTest {

    private static final String ROOT = "com.example.crm.platform";

    @Test
    void platform_depends_on_no_service() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.example.crm.client..",
                        "com.example.crm.interaction..", "com.example.crm.complaint..", "com.example.crm.segmentation..")
                .check(ArchitectureRules.mainClasses(ROOT));
    }

    @Test
    void platform_domain_types_speak_no_http() {
        noClasses().that().resideInAPackage(ROOT + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".api..", "jakarta.ws.rs..", "io.vertx..")
                .check(ArchitectureRules.mainClasses(ROOT));
    }
}
