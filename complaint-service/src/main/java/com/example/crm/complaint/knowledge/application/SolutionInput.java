package com.example.crm.complaint.knowledge.application;

import com.example.crm.complaint.handling.domain.Category;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A known answer of the knowledge base, as an author writes or edits it. */
public record SolutionInput(@NotBlank @Size(max = 200) String title, @NotNull Category category,
                            @Size(max = 4000) String symptoms, @NotBlank @Size(max = 8000) String answer,
                            @Size(max = 20) java.util.List<@NotBlank @Size(max = 50) String> tags) {
}
