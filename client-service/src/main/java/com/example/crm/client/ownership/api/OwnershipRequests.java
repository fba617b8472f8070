package com.example.crm.client.ownership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Bodies of the ownership, deletion and erasure commands. */
public final class OwnershipRequests {

    private OwnershipRequests() {
    }

    /** Hands one client to another rep. */
    public record TransferOwner(@NotBlank @Size(max = 100) String ownerId,
                                @Size(max = 100) String department, @Size(max = 500) String reason) {
    }

    /** Hands every client of one rep to another (a rep away or leaving). */
    public record TransferAll(@NotBlank @Size(max = 100) String fromOwnerId, @NotBlank @Size(max = 100) String toOwnerId,
                              @Size(max = 100) String department, @Size(max = 500) String reason) {
    }

    /** Takes a client of a pool. */
    public record Claim(@jakarta.validation.constraints.NotNull UUID clientId) {
    }

    /** Gives a client of a pool to {@code ownerId} (of {@code department}, for department caps). */
    public record Assign(@jakarta.validation.constraints.NotNull UUID clientId, @NotBlank @Size(max = 100) String ownerId,
                         @Size(max = 100) String department, @Size(max = 500) String reason) {
    }

    /** Puts a client back into a pool: {@code poolId}, else the one it came from, else the default pool. */
    public record ReturnToPool(UUID poolId, @NotBlank @Size(max = 500) String reason) {
    }

    public record TransferAllResult(int transferred, List<UUID> clientIds) {
    }
}
