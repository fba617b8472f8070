package com.example.crm.complaint.domain;

import com.example.crm.complaint.api.ComplaintInputs;
import com.example.crm.complaint.persistence.SolutionRepository;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The solution knowledge base (seed 003): known answers, searched when a complaint comes in. */
@ApplicationScoped
public class SolutionService {

    private final SolutionRepository solutions;
    private final CurrentUser user;
    private final Clock clock;

    public SolutionService(SolutionRepository solutions, CurrentUser user, Clock clock) {
        this.solutions = solutions;
        this.user = user;
        this.clock = clock;
    }

    @Transactional
    public Solution create(ComplaintInputs.SolutionInput input) {
        Solution s = new Solution();
        s.id = UUID.randomUUID();
        apply(s, input);
        s.createdAt = clock.instant();
        s.createdBy = user.id();
        s.updatedAt = s.createdAt;
        solutions.persistAndFlush(s);
        return s;
    }

    @Transactional
    public Solution update(UUID id, String ifMatch, ComplaintInputs.SolutionInput input) {
        Solution s = get(id);
        ETags.requireMatch(ifMatch, s.version);
        apply(s, input);
        s.updatedAt = clock.instant();
        solutions.flush();
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Solution get(UUID id) {
        return solutions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("solution", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Solution> search(String q, Category category, String cursor, int limit) {
        SolutionRepository.After after = Cursor.decode(cursor, 2,
                keys -> new SolutionRepository.After(Integer.parseInt(keys.get(0)), UUID.fromString(keys.get(1))));
        return solutions.search(q, category, after, limit + 1);
    }

    public static String cursorOf(Solution s) {
        return Cursor.encode(Integer.toString(s.usageCount), s.id.toString());
    }

    private static void apply(Solution s, ComplaintInputs.SolutionInput input) {
        s.title = input.title();
        s.category = input.category();
        s.symptoms = input.symptoms();
        s.answer = input.answer();
        s.tags = input.tags() == null ? new ArrayList<>() : new ArrayList<>(input.tags().stream().distinct().toList());
    }
}
