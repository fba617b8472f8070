package com.example.crm.complaint.knowledge.persistence;

import com.example.crm.complaint.handling.domain.Category;
import com.example.crm.complaint.knowledge.domain.Solution;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SolutionRepository implements PanacheRepositoryBase<Solution, UUID> {

    /** Keyset position: the last solution of the previous page (most used first, then id). */
    public record After(int usageCount, UUID id) {
    }

    /**
     * Solutions whose title, symptoms or answer contain {@code q} (any language: a trigram index serves the
     * substring match), most used first.
     */
    @SuppressWarnings("unchecked")
    public List<Solution> search(String q, Category category, After after, int limit) {
        StringBuilder sql = new StringBuilder("select * from solution where true");
        if (q != null) {
            sql.append(" and (title || ' ' || coalesce(symptoms, '') || ' ' || answer) ilike :q escape '\\'");
        }
        if (category != null) {
            sql.append(" and category = :category");
        }
        if (after != null) {
            sql.append(" and (usage_count < :usage or (usage_count = :usage and id > :id))");
        }
        sql.append(" order by usage_count desc, id limit :limit");
        var query = getEntityManager().createNativeQuery(sql.toString(), Solution.class).setParameter("limit", limit);
        if (q != null) {
            query.setParameter("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (category != null) {
            query.setParameter("category", category.name());
        }
        if (after != null) {
            query.setParameter("usage", after.usageCount()).setParameter("id", after.id());
        }
        return query.getResultList();
    }
}
