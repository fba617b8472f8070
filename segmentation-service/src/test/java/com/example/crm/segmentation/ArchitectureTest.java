package com.example.crm.segmentation;

import com.example.crm.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * segmentation-service by feature (projection, classification, segments, analyses): dependencies point inward, the
 * domain and application speak no HTTP, no feature cycle, no other service's code.
 */
class ArchitectureTest {

    @Test
    void features_keep_their_dependencies_inward_and_free_of_cycles() {
        ArchitectureRules.checkService("segmentation");
    }
}
