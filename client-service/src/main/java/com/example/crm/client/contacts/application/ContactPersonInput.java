package com.example.crm.client.contacts.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The writable fields of a contact person (create body, merge-patch target). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactPersonInput(
        @NotBlank @Size(max = 100) @Schema(example = "王建国") String name,
        @Size(max = 100) @Schema(example = "采购部经理") String title,
        @Schema(example = "true") Boolean decisionMaker,
        @Size(max = 40) @Pattern(regexp = "\\+?[0-9()\\- ]{3,40}", message = "must be a phone number (digits, spaces, + - ( ))")
        @Schema(example = "+86 138 0571 2233") String phone,
        @Size(max = 254) @Email String email,
        @Size(max = 1000) String preferences,
        @Past LocalDate birthday,
        @Size(max = 4000) String notes) {
}
