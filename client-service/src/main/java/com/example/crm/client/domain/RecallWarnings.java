package com.example.crm.client.domain;

import com.example.crm.client.persistence.OwnershipQueries;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ProblemException;
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

    private record After(Instant dueAt, UUID clientId) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduledRecall> of(String ownerId, Integer withinDays, String cursor, int limit) {
        String owner = ownerId == null ? user.id() : ownerId;
        user.requireSelfOrReader(owner, "recall warnings", Roles.AUDITOR);
        if (withinDays != null && (withinDays < 0 || withinDays > 3650)) {
            throw ProblemException.invalid("withinDays", "must be 0 to 3650");
        }
        Instant now = clock.instant();
        After after = Cursor.decode(cursor, 2, keys -> new After(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1))));
        return queries.warningsOf(owner, now, withinDays == null ? null : now.plus(Duration.ofDays(withinDays)),
                after == null ? null : after.dueAt(), after == null ? null : after.clientId(), limit + 1);
    }

    public static String cursorOf(ScheduledRecall recall) {
        return Cursor.encode(recall.dueAt.toString(), recall.clientId.toString());
    }
}
