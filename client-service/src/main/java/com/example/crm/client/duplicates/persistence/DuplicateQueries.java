package com.example.crm.client.duplicates.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds live cards that may be the same client: same credit code, same phone digits, or a normalised name
 * whose trigram similarity reaches the threshold (served by the trigram index through pg_trgm's {@code %}).
 */
@ApplicationScoped
public class DuplicateQueries {

    public record Match(UUID clientId, String legalName, String ownerId, boolean creditCode, double nameSimilarity,
                        boolean phone) {
    }

    private final EntityManager em;

    public DuplicateQueries(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<Match> find(String creditCode, String nameKey, String phoneDigits, double threshold, UUID exclude, int limit) {
        List<String> conditions = new ArrayList<>();
        if (creditCode != null) {
            conditions.add("unified_social_credit_code = :code");
        }
        if (nameKey != null && !nameKey.isEmpty()) {
            conditions.add("name_key operator(public.%) :nameKey");
        }
        if (phoneDigits != null) {
            conditions.add("phone_digits = :phone");
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        em.createNativeQuery("select set_config('pg_trgm.similarity_threshold', :threshold, true)")
                .setParameter("threshold", Double.toString(threshold)).getSingleResult();
        String sql = "select id, legal_name, owner_id, "
                + (creditCode != null ? "coalesce(unified_social_credit_code = :code, false)" : "false") + ", "
                + (nameKey != null && !nameKey.isEmpty() ? "coalesce(public.similarity(name_key, :nameKey), 0)" : "0") + ", "
                + (phoneDigits != null ? "coalesce(phone_digits = :phone, false)" : "false")
                + " from client where deleted_at is null and id <> :exclude and (" + String.join(" or ", conditions) + ")"
                + " order by 4 desc, 5 desc, 6 desc, created_at limit :limit";
        var query = em.createNativeQuery(sql).setParameter("exclude", exclude).setParameter("limit", limit);
        if (creditCode != null) {
            query.setParameter("code", creditCode);
        }
        if (nameKey != null && !nameKey.isEmpty()) {
            query.setParameter("nameKey", nameKey);
        }
        if (phoneDigits != null) {
            query.setParameter("phone", phoneDigits);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Match((UUID) r[0], (String) r[1], (String) r[2], (Boolean) r[3],
                ((Number) r[4]).doubleValue(), (Boolean) r[5])).toList();
    }
}
