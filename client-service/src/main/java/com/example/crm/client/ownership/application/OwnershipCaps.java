package com.example.crm.client.ownership.application;

import com.example.crm.client.card.application.OwnerCapacity;
import com.example.crm.client.config.ClientConfig;
import com.example.crm.client.ownership.domain.CapScope;
import com.example.crm.client.ownership.domain.OwnershipCap;
import com.example.crm.client.ownership.persistence.OwnershipCapRepository;
import com.example.crm.client.ownership.persistence.OwnershipQueries;
import com.example.crm.platform.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ownership caps (保有量) of users and departments: how many clients one may own and lock. Callers take the
 * owner's scope locks first ({@link OwnershipQueries#lockOwnerScopes}), so counts cannot change underneath.
 */
@ApplicationScoped
public class OwnershipCaps implements OwnerCapacity {

    private final OwnershipCapRepository caps;
    private final OwnershipQueries queries;
    private final ClientConfig config;

    public OwnershipCaps(OwnershipCapRepository caps, OwnershipQueries queries, ClientConfig config) {
        this.caps = caps;
        this.queries = queries;
        this.config = config;
    }

    /** Refuses with a 409 problem stating cap and count when {@code owner} (of {@code department}) is full. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireRoom(String owner, String department, boolean clientHasDeal) {
        applicable(CapScope.USER, owner, clientHasDeal).ifPresent(cap -> check(CapScope.USER, owner, cap));
        applicable(CapScope.DEPARTMENT, department, clientHasDeal).ifPresent(cap -> check(CapScope.DEPARTMENT, department, cap));
    }

    /**
     * {@link #requireRoom} for a card being registered, holding the owner's scope locks only when a cap of the owner
     * or the department counts it: registrations by an owner without a cap (an integration account importing all
     * day) run side by side instead of one at a time. A cap set while a registration runs counts from the next one.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireRoomForNewCard(String owner, String department, boolean clientHasDeal) {
        Optional<OwnershipCap> userCap = applicable(CapScope.USER, owner, clientHasDeal);
        Optional<OwnershipCap> departmentCap = applicable(CapScope.DEPARTMENT, department, clientHasDeal);
        if (userCap.isPresent() || departmentCap.isPresent()) {
            queries.lockOwnerScopes(owner, department);
            userCap.ifPresent(cap -> check(CapScope.USER, owner, cap));
            departmentCap.ifPresent(cap -> check(CapScope.DEPARTMENT, department, cap));
        }
    }

    /** The subject's ownership cap if it limits this client (a cap may leave clients with a deal uncounted). */
    private Optional<OwnershipCap> applicable(CapScope scope, String subject, boolean clientHasDeal) {
        return caps.of(scope, subject).filter(c -> c.maxOwned != null)
                .filter(c -> !clientHasDeal || c.countClientsWithDeal);
    }

    /** How many more clients without a deal {@code owner} may take (empty: no cap limits them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong room(String owner, String department) {
        OptionalLong room = OptionalLong.empty();
        for (CapScope scope : CapScope.values()) {
            String subject = scope == CapScope.USER ? owner : department;
            Optional<OwnershipCap> cap = applicable(scope, subject, false);
            if (cap.isPresent()) {
                long left = Math.max(0, cap.get().maxOwned - owned(scope, subject, cap.get()));
                room = OptionalLong.of(room.isPresent() ? Math.min(room.getAsLong(), left) : left);
            }
        }
        return room;
    }

    private void check(CapScope scope, String subject, OwnershipCap cap) {
        long current = owned(scope, subject, cap);
        if (current >= cap.maxOwned) {
            throw refused(scope, subject, "owns", current, cap.maxOwned)
                    .with("countsClientsWithDeal", cap.countClientsWithDeal);
        }
    }

    /** Refuses a lock beyond the owner's lock cap: their own and their department's, else the default. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireLockRoom(String owner, String department) {
        Integer userCap = caps.of(CapScope.USER, owner).map(c -> c.maxLocked).orElse(null);
        Integer departmentCap = caps.of(CapScope.DEPARTMENT, department).map(c -> c.maxLocked).orElse(null);
        if (userCap == null && departmentCap == null) {
            userCap = config.ownership().defaultLockCap();
        }
        if (userCap != null) {
            long locked = queries.locked(CapScope.USER, owner);
            if (locked >= userCap) {
                throw refused(CapScope.USER, owner, "has locked", locked, userCap).with("locks", true);
            }
        }
        if (departmentCap != null) {
            long locked = queries.locked(CapScope.DEPARTMENT, department);
            if (locked >= departmentCap) {
                throw refused(CapScope.DEPARTMENT, department, "has locked", locked, departmentCap).with("locks", true);
            }
        }
    }

    /** What a cap's subject holds now: clients owned (as the cap counts them) and locked. */
    public record Counts(long owned, long locked) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Counts counts(OwnershipCap cap) {
        return new Counts(owned(cap.key.scope(), cap.key.subject(), cap),
                queries.locked(cap.key.scope(), cap.key.subject()));
    }

    private long owned(CapScope scope, String subject, OwnershipCap cap) {
        return queries.owned(scope, subject, cap.countClientsWithDeal);
    }

    private static DomainException refused(CapScope scope, String subject, String verb, long current, long cap) {
        String who = (scope == CapScope.USER ? "user " : "department ") + subject;
        return new DomainException.LimitReached(DomainException.LimitReached.Limit.OWNERSHIP_CAP, who + " " + verb + " " + current + " clients; the cap is " + cap)
                .with("scope", scope).with("subject", subject).with("cap", cap).with("current", current);
    }
}
