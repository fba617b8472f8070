package com.example.crm.segmentation.segments.application;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.segmentation.segments.domain.Segment;
import com.example.crm.segmentation.segments.domain.SegmentRule;
import com.example.crm.segmentation.segments.persistence.SegmentRepository;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Rule-based segments: defined by managers and admins with a validated rule tree, evaluated after every
 * classification run and on demand; each member entering or leaving is announced
 * ({@code crm.segment.membership-changed.v1}).
 */
@ApplicationScoped
public class SegmentService {

    private final SegmentRepository segments;
    private final SegmentEvents events;
    private final CurrentUser user;
    private final Clock clock;

    public SegmentService(SegmentRepository segments, SegmentEvents events, CurrentUser user, Clock clock) {
        this.segments = segments;
        this.events = events;
        this.user = user;
        this.clock = clock;
    }

    /** A segment definition as given. */
    public record Definition(String name, String description, JsonNode rule) {
    }

    @Transactional
    public Segment create(Definition input) {
        SegmentRule.compile(input.rule());
        requireFreeName(input.name(), null);
        Segment s = new Segment();
        s.id = UUID.randomUUID();
        s.name = input.name();
        s.description = input.description();
        s.rule = input.rule();
        s.createdAt = clock.instant();
        s.createdBy = user.id();
        s.updatedAt = s.createdAt;
        segments.persistAndFlush(s);
        evaluate(s);
        return s;
    }

    @Transactional
    public Segment update(UUID id, ExpectedVersion expected, Definition input) {
        Segment s = get(id);
        expected.check(s.version);
        SegmentRule.compile(input.rule());
        requireFreeName(input.name(), id);
        s.name = input.name();
        s.description = input.description();
        s.rule = input.rule();
        s.updatedAt = clock.instant();
        segments.flush();
        evaluate(s);
        return s;
    }

    /** Segment names are unique (the list is read by name); {@code self} is the segment being renamed, if any. */
    private void requireFreeName(String name, UUID self) {
        long taken = self == null ? segments.count("name", name) : segments.count("name = ?1 and id <> ?2", name, self);
        if (taken > 0) {
            throw new DomainException.Conflict("a segment named " + name + " exists");
        }
    }

    @Transactional
    public void delete(UUID id) {
        segments.delete(get(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Segment get(UUID id) {
        return segments.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("segment", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Segment> all() {
        return segments.all();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> members(UUID id, UUID after, int limit) {
        get(id);
        return segments.members(id, after, limit + 1);
    }

    /** Evaluates one segment now. */
    @Transactional
    public Segment evaluateNow(UUID id) {
        Segment s = get(id);
        evaluate(s);
        return s;
    }

    /** Evaluates every segment (after a classification run, in its transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluateAll() {
        segments.all().forEach(this::evaluate);
    }

    private void evaluate(Segment s) {
        Instant at = clock.instant();
        SegmentRepository.Changes changes = segments.evaluate(s.id, SegmentRule.compile(s.rule), at);
        events.membershipChanged(s.id, s.name, changes.entered(), changes.left(), at);
        s.evaluatedAt = at;
        s.members = changes.members();
    }
}
