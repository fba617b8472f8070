package com.example.crm.segmentation.classification.persistence;

import com.example.crm.segmentation.classification.domain.Classification;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClassificationQueries implements PanacheRepositoryBase<Classification, UUID> {

    /** Filters of a classification list; null means "any". */
    public record Filter(String abcClass, String valueTier, String churnRisk, String rfmSegment, String ownerId) {
    }

    public List<Classification> page(Filter f, UUID after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (f.abcClass() != null) {
            where.append(" and abcClass = :abc");
            p.and("abc", f.abcClass());
        }
        if (f.valueTier() != null) {
            where.append(" and valueTier = :tier");
            p.and("tier", f.valueTier());
        }
        if (f.churnRisk() != null) {
            where.append(" and churnRisk = :risk");
            p.and("risk", f.churnRisk());
        }
        if (f.rfmSegment() != null) {
            where.append(" and rfmSegment = :segment");
            p.and("segment", f.rfmSegment());
        }
        if (f.ownerId() != null) {
            where.append(" and clientId in (select c.clientId from ClientCard c where c.ownerId = :owner)");
            p.and("owner", f.ownerId());
        }
        if (after != null) {
            where.append(" and clientId > :after");
            p.and("after", after);
        }
        return find(where.toString(), Sort.ascending("clientId"), p).range(0, limit - 1).list();
    }
}
