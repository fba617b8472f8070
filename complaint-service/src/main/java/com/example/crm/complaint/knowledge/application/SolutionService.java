package com.example.crm.complaint.knowledge.application;

import com.example.crm.complaint.handling.application.SolutionCatalogue;
import com.example.crm.complaint.handling.domain.Category;
import com.example.crm.complaint.knowledge.domain.Solution;
import com.example.crm.complaint.knowledge.persistence.SolutionRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The solution knowledge base (docs/domain.md, "Complaint handling"): known answers, searched when a complaint comes in. */
@ApplicationScoped
public class SolutionService implements SolutionCatalogue {

    private final SolutionRepository solutions;
    private final CurrentUser user;
    private final Clock clock;

    public SolutionService(SolutionRepository solutions, CurrentUser user, Clock clock) {
        this.solutions = solutions;
        this.user = user;
        this.clock = clock;
    }

    @Transactional
    public Solution create(SolutionInput input) {
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
    public Solution update(UUID id, ExpectedVersion expected, SolutionInput input) {
        Solution s = get(id);
        expected.check(s.version);
        apply(s, input);
        s.updatedAt = clock.instant();
        solutions.flush();
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Solution get(UUID id) {
        return solutions.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("solution", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Solution> search(String q, Category category, SolutionRepository.After after, int limit) {
        return solutions.search(q, category, after, limit + 1);
    }

    /** A resolution applied the solution: one use more; an unknown one is an invalid {@code solutionId}. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void use(UUID solutionId) {
        Solution solution = solutions.findByIdOptional(solutionId)
                .orElseThrow(() -> new DomainException.InvalidValue("solutionId", "no solution " + solutionId));
        solution.usageCount++;
    }

    private static void apply(Solution s, SolutionInput input) {
        s.title = input.title();
        s.category = input.category();
        s.symptoms = input.symptoms();
        s.answer = input.answer();
        s.tags = input.tags() == null ? new ArrayList<>() : new ArrayList<>(input.tags().stream().distinct().toList());
    }
}
