package com.example.crm.complaint.knowledge.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.example.crm.complaint.handling.domain.Category;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A known answer of the knowledge base, as an author writes or edits it. */
public record SolutionInput(@NotBlank @Size(max = 200) @Schema(example = "刀具批次崩刃的处理") String title,
                            @NotNull Category category,
                            @Size(max = 4000) @Schema(example = "新到批次刀具短期内崩刃") String symptoms,
                            @NotBlank @Size(max = 8000) @Schema(example = "核对批次号，整批换货，送检热处理记录") String answer,
                            @Size(max = 20) java.util.List<@NotBlank @Size(max = 50) String> tags) {
}
