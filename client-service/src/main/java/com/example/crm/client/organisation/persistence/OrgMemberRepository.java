package com.example.crm.client.organisation.persistence;

import com.example.crm.client.organisation.domain.OrgMember;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OrgMemberRepository implements PanacheRepositoryBase<OrgMember, String> {

    public long countIn(String departmentId) {
        return count("departmentId", departmentId);
    }

    public List<OrgMember> in(String departmentId) {
        return list("departmentId", Sort.ascending("userId"), departmentId);
    }
}
