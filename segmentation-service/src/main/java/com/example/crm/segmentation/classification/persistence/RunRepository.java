package com.example.crm.segmentation.classification.persistence;

import com.example.crm.segmentation.classification.domain.ClassificationRun;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<ClassificationRun, UUID> {

    public List<ClassificationRun> latest(int limit) {
        return findAll(Sort.descending("startedAt")).range(0, limit - 1).list();
    }
}
