package com.example.crm.client.organisation.persistence;

import com.example.crm.client.organisation.domain.Department;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<Department, String> {

    /** The whole tree, parents before children within each name order (the client builds the tree). */
    public List<Department> all(boolean withClosed) {
        return withClosed ? listAll(Sort.ascending("name", "id")) : list("closedAt is null", Sort.ascending("name", "id"));
    }

    public long openChildren(String id) {
        return count("parentId = ?1 and closedAt is null", id);
    }
}
