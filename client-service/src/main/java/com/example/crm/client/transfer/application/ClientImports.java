package com.example.crm.client.transfer.application;

import com.example.crm.client.card.application.ClientInput;
import com.example.crm.client.card.application.NewCards;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.PoolEntryReason;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.ownership.application.OwnershipCaps;
import com.example.crm.client.ownership.domain.Pool;
import com.example.crm.client.ownership.persistence.OwnershipQueries;
import com.example.crm.client.ownership.persistence.PoolRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.scope.Organisation;
import com.example.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Writing imported cards: where they go (an owner, who must have room under their cap, or a pool), and each batch
 * of rows in its own transaction. Reading and checking the file is the CSV adapter's work.
 */
@ApplicationScoped
public class ClientImports {

    /** One row of the file that passed its checks; {@code number} counts the header as row 1. */
    public record ImportRow(long number, ClientInput input) {
    }

    /** A row refused when it was written (its credit code is taken, or the owner's cap is reached). */
    public record RejectedRow(long row, String field, String message) {
    }

    /** Where imported cards go: to an owner (of a department, for caps), or straight into a pool. */
    public record ImportTarget(String ownerId, String ownerDepartment, UUID poolId) {
    }

    private final ClientRepository clients;
    private final NewCards newCards;
    private final PoolRepository pools;
    private final OwnershipQueries ownership;
    private final OwnershipCaps caps;
    private final CurrentUser user;
    private final Clock clock;
    private final Organisation organisation;

    public ClientImports(ClientRepository clients, NewCards newCards, PoolRepository pools, OwnershipQueries ownership,
                         OwnershipCaps caps, CurrentUser user, Clock clock,
                         Organisation organisation) {
        this.organisation = organisation;
        this.clients = clients;
        this.newCards = newCards;
        this.pools = pools;
        this.ownership = ownership;
        this.caps = caps;
        this.user = user;
        this.clock = clock;
    }

    /**
     * Imports into {@code poolId} (pool admins, managers, admins) or for {@code ownerId} (the caller unless a manager
     * or admin names another); not both.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportTarget target(String ownerId, UUID poolId) {
        if (poolId != null) {
            if (ownerId != null) {
                throw new DomainException.InvalidValue("poolId", "cannot be combined with ownerId: a client in a pool has no owner");
            }
            Pool pool = pools.findByIdOptional(poolId).orElseThrow(() -> new DomainException.NotFound("pool", poolId));
            if (!user.isSupervisor() && !pool.isAdmin(user.id())) {
                throw new DomainException.AccessDenied("only admins of pool " + pool.name + ", managers and admins import into it");
            }
            return new ImportTarget(null, null, poolId);
        }
        if (ownerId == null || ownerId.equals(user.id())) {
            return new ImportTarget(user.id(), user.department(), null);
        }
        if (!user.isSupervisor()) {
            throw new DomainException.AccessDenied("only managers and admins import clients for another owner");
        }
        return new ImportTarget(ownerId, organisation.departmentOf(ownerId, null), null);
    }

    /**
     * Writes one batch of imported rows (already validated) in its own transaction, owned by the target's owner or
     * sitting in its pool; rows whose credit code is already in use, in the database or earlier in the batch, and
     * rows beyond the owner's cap are refused.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<RejectedRow> importBatch(List<ImportRow> rows, ImportTarget target) {
        OptionalLong room = OptionalLong.empty();
        if (target.poolId() == null) {
            ownership.lockOwnerScopes(target.ownerId(), target.ownerDepartment());
            room = caps.room(target.ownerId(), target.ownerDepartment());
        }
        long accepted = 0;
        Set<String> taken = new HashSet<>(clients.existingCreditCodes(rows.stream()
                .map(r -> r.input().unifiedSocialCreditCode()).filter(Objects::nonNull).toList()));
        List<RejectedRow> rejected = new ArrayList<>();
        List<Client> created = new ArrayList<>(rows.size());
        Instant now = clock.instant();
        for (ImportRow row : rows) {
            String code = row.input().unifiedSocialCreditCode();
            if (code != null && !taken.add(code)) {
                rejected.add(new RejectedRow(row.number(), "unifiedSocialCreditCode", "is already used by another client"));
                continue;
            }
            if (!newCards.mayStartAs(row.input().status())) {
                rejected.add(new RejectedRow(row.number(), "status", "a card starts as POTENTIAL or INTENDED; "
                        + row.input().status() + " is for managers, admins and integrations"));
                continue;
            }
            if (room.isPresent() && accepted >= room.getAsLong()) {
                rejected.add(new RejectedRow(row.number(), "ownerId", "the owner's ownership cap is reached"));
                continue;
            }
            accepted++;
            Client client = newCards.build(row.input(), now);
            if (target.poolId() == null) {
                client.ownerId = target.ownerId();
                client.ownerDepartment = target.ownerDepartment();
                client.ownedSince = now;
            } else {
                client.poolId = target.poolId();
                client.poolEnteredAt = now;
                client.poolReasonCode = PoolEntryReason.IMPORTED;
                client.poolReason = "CSV import";
            }
            clients.persist(client);
            created.add(client);
        }
        clients.flush();
        created.forEach(client -> newCards.announce(client, "CSV import"));
        return rejected;
    }
}
