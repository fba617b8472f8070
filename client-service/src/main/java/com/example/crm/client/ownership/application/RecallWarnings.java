package com.example.crm.client.ownership.application;

import com.example.crm.client.ownership.domain.ScheduledRecall;
import com.example.crm.client.ownership.persistence.OwnershipQueries;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The recall to-do feed of an owner, read live from the recall schedule (what the job would do). */
@ApplicationScoped
public class RecallWarnings {

    private final OwnershipQueries queries;
    private final CurrentUser user;
    private final Clock clock;

    public RecallWarnings(OwnershipQueries queries, CurrentUser user, Clock clock) {
        this.queries = queries;
        this.user = user;
        this.clock = clock;
    }

    /** A keyset position in a list of warnings. */
    public record After(Instant dueAt, UUID clientId) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduledRecall> of(String ownerId, Integer withinDays, After after, int limit) {
        String owner = ownerId == null ? user.id() : ownerId;
        user.requireSelfOrReader(owner, "recall warnings", Roles.AUDITOR);
        if (withinDays != null && (withinDays < 0 || withinDays > 3650)) {
            throw new DomainException.InvalidValue("withinDays", "must be 0 to 3650");
        }
        Instant now = clock.instant();
        return queries.warningsOf(owner, now, withinDays == null ? null : now.plus(Duration.ofDays(withinDays)),
                after == null ? null : after.dueAt(), after == null ? null : after.clientId(), limit + 1);
    }
}
