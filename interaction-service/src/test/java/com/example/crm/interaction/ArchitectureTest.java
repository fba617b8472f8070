package com.example.crm.interaction;

import com.example.crm.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * interaction-service by feature (timeline, orders with receivables, visits with cadences, brief, clients):
 * dependencies point inward, the domain and application speak no HTTP, no feature cycle, no other service's code.
 */
class ArchitectureTest {

    @Test
    void features_keep_their_dependencies_inward_and_free_of_cycles() {
        ArchitectureRules.checkService("interaction");
    }
}
