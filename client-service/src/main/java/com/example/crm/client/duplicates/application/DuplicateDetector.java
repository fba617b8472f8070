package com.example.crm.client.duplicates.application;

import com.example.crm.client.config.ClientConfig;
import com.example.crm.client.duplicates.domain.DuplicateProbe;
import com.example.crm.client.duplicates.persistence.DuplicateQueries;
import com.example.crm.platform.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reports cards that may describe the same client as a new or changed one, ranked by how sure the match is:
 * a credit code match is certain (score 1, never overridable: the code identifies a company), a phone match
 * scores 0.9, a similar normalised name scores its trigram similarity.
 */
@ApplicationScoped
public class DuplicateDetector {

    static final int MAX_CANDIDATES = 10;

    public record Candidate(UUID clientId, String legalName, String ownerId, List<String> matchedOn, double score) {
    }

    private final DuplicateQueries queries;
    private final ClientConfig config;

    public DuplicateDetector(DuplicateQueries queries, ClientConfig config) {
        this.queries = queries;
        this.config = config;
    }

    /** Candidates for {@code probe} (a card not yet written, with its keys derived), best first. */
    public List<Candidate> candidates(DuplicateProbe probe, boolean byCreditCodeOnly) {
        return queries.find(probe.creditCode(), byCreditCodeOnly ? null : probe.nameKey(),
                        byCreditCodeOnly ? null : probe.phoneDigits(), config.duplicateNameSimilarity(), probe.id(),
                        MAX_CANDIDATES).stream()
                .map(DuplicateDetector::rank)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::legalName))
                .toList();
    }

    /**
     * Refuses {@code probe} (a Duplicate listing the candidates): always for a credit code already in use,
     * and for similar names or equal phones unless {@code allowDuplicate}.
     */
    public void check(DuplicateProbe probe, boolean allowDuplicate) {
        List<Candidate> candidates = candidates(probe, allowDuplicate);
        if (candidates.isEmpty()) {
            return;
        }
        boolean creditCodeTaken = candidates.stream().anyMatch(c -> c.matchedOn().contains("unifiedSocialCreditCode"));
        String detail = creditCodeTaken
                ? "client " + candidates.get(0).clientId() + " already has unified social credit code " + probe.creditCode()
                : candidates.size() + " existing client(s) may be the same; repeat with ?allowDuplicate=true to register anyway";
        throw new DomainException.Duplicate(detail)
                .with("candidates", candidates)
                .with("overridable", !creditCodeTaken);
    }

    private static Candidate rank(DuplicateQueries.Match match) {
        List<String> on = new ArrayList<>();
        double score = 0;
        if (match.creditCode()) {
            on.add("unifiedSocialCreditCode");
            score = 1;
        }
        if (match.phone()) {
            on.add("phone");
            score = Math.max(score, 0.9);
        }
        if (match.nameSimilarity() > 0) {
            on.add("legalName");
            score = Math.max(score, match.nameSimilarity());
        }
        return new Candidate(match.clientId(), match.legalName(), match.ownerId(), on,
                Math.round(score * 1000) / 1000.0);
    }
}
