package com.example.crm.complaint.handling.application;

import java.util.UUID;

/** The knowledge base's known answers a resolution may apply; provided by the knowledge feature. */
public interface SolutionCatalogue {

    /** Counts one use of the solution; refuses one that does not exist (an invalid {@code solutionId}). */
    void use(UUID solutionId);
}
