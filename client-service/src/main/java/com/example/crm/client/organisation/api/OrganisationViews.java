package com.example.crm.client.organisation.api;

import com.example.crm.client.organisation.domain.Department;
import com.example.crm.client.organisation.domain.OrgMember;
import com.example.crm.client.organisation.domain.OrganisationHistoryEntry;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The organisation's requests and representations. */
public final class OrganisationViews {

    /** Department ids are what tokens' department claims carry: Latin letters, Chinese characters, digits, '_', '.', '-'. */
    static final String ID_PATTERN = "^[A-Za-z0-9_.\u4e00-\u9fff-]{1,64}$";

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(ID_PATTERN);

    private OrganisationViews() {
    }

    /** A department id from a path: refused as a 400 problem unless it has the shape of one. */
    static String departmentId(String id) {
        if (!ID.matcher(id).matches()) {
            throw com.example.crm.platform.api.ProblemException.invalid("id", "must match " + ID_PATTERN);
        }
        return id;
    }

    public record NewDepartment(
            @Schema(description = "the id a token's department claim names", example = "east-sh")
            @NotNull @Pattern(regexp = ID_PATTERN) String id,
            @Schema(example = "华东区上海组") @NotBlank @Size(max = 100) String name,
            @Schema(description = "the department above it; absent at the top", example = "east")
            @Pattern(regexp = ID_PATTERN) String parentId) {
    }

    public record DepartmentChange(
            @Schema(example = "华东区上海一组") @NotBlank @Size(max = 100) String name,
            @Schema(description = "the department above it (moves it with everything below it); absent: the top",
                    example = "east") @Pattern(regexp = ID_PATTERN) String parentId) {
    }

    public record MemberPlacement(
            @Schema(example = "east-sh") @NotNull @Pattern(regexp = ID_PATTERN) String departmentId,
            @Schema(description = "whether the user manages the department (sees it and everything below it)",
                    defaultValue = "false") Boolean manager) {
    }

    public record DepartmentView(String id, long version, String name, String parentId, boolean closed,
                                 Instant closedAt, Instant createdAt, Instant updatedAt) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.id, d.version, d.name, d.parentId, d.isClosed(), d.closedAt, d.createdAt,
                    d.updatedAt);
        }
    }

    public record MemberView(String userId, long version, String departmentId, boolean manager, Instant updatedAt) {
        static MemberView of(OrgMember m) {
            return new MemberView(m.userId, m.version, m.departmentId, m.manager, m.updatedAt);
        }
    }

    public record OrganisationHistoryView(OrganisationHistoryEntry.Change action, Instant at, String actor,
                              @Schema(description = "changed fields, each {\"from\": old, \"to\": new}") JsonNode changes) {
        static OrganisationHistoryView of(OrganisationHistoryEntry e) {
            return new OrganisationHistoryView(e.action, e.at, e.actor, e.changes);
        }
    }
}
