package com.example.crm.complaint;

import com.example.crm.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * complaint-service by feature (handling, surveys, knowledge, reports, clients): dependencies point inward, the
 * domain and application speak no HTTP, no feature cycle, no other service's code.
 */
class ArchitectureTest {

    @Test
    void features_keep_their_dependencies_inward_and_free_of_cycles() {
        ArchitectureRules.checkService("complaint");
    }
}
