package com.example.crm.segmentation.segments.persistence;

import com.example.crm.segmentation.segments.domain.Segment;
import com.example.crm.segmentation.segments.domain.SegmentRule;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SegmentRepository implements PanacheRepositoryBase<Segment, UUID> {

    public List<Segment> all() {
        return listAll(Sort.ascending("name"));
    }

    /**
     * Re-evaluates a segment's members: the clients matching the compiled rule now; returns the ids that entered and
     * those that left, and updates the member table accordingly.
     */
    @SuppressWarnings("unchecked")
    public Changes evaluate(UUID segmentId, SegmentRule.Compiled rule, Instant at) {
        var em = getEntityManager();
        em.createNativeQuery("drop table if exists matching").executeUpdate();
        var create = em.createNativeQuery("create temp table matching on commit drop as "
                + "select p.client_id from client_profile p left join classification c using (client_id) "
                + "left join contact_fact cf using (client_id) "
                + "where not p.deleted and p.merged_into is null and not p.erased and (" + rule.condition() + ")");
        for (int i = 0; i < rule.parameters().size(); i++) {
            create.setParameter(i + 1, rule.parameters().get(i));
        }
        create.executeUpdate();
        List<UUID> entered = em.createNativeQuery("""
                        insert into segment_member (segment_id, client_id, entered_at)
                        select :segment, m.client_id, :at from matching m
                        on conflict (segment_id, client_id) do nothing returning client_id""")
                .setParameter("segment", segmentId).setParameter("at", at).getResultList();
        List<UUID> left = em.createNativeQuery("""
                        delete from segment_member s where s.segment_id = :segment
                          and not exists (select 1 from matching m where m.client_id = s.client_id) returning client_id""")
                .setParameter("segment", segmentId).getResultList();
        long members = ((Number) em.createNativeQuery("select count(*) from segment_member where segment_id = :segment")
                .setParameter("segment", segmentId).getSingleResult()).longValue();
        return new Changes(entered, left, (int) members);
    }

    public record Changes(List<UUID> entered, List<UUID> left, int members) {
    }

    /** Members by client id, after {@code after}. */
    @SuppressWarnings("unchecked")
    public List<UUID> members(UUID segmentId, UUID after, int limit) {
        var query = getEntityManager().createNativeQuery("select client_id from segment_member where segment_id = :segment"
                        + (after == null ? "" : " and client_id > :after") + " order by client_id limit :limit")
                .setParameter("segment", segmentId).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }
}
