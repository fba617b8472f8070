package com.example.crm.client;

import com.example.crm.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * client-service by feature (card, contacts, duplicates, history, ownership with pools, caps and recall, activity,
 * import and export): dependencies point inward, the domain and application speak no HTTP, no feature cycle, no
 * other service's code.
 */
class ArchitectureTest {

    @Test
    void features_keep_their_dependencies_inward_and_free_of_cycles() {
        ArchitectureRules.checkService("client");
    }
}
