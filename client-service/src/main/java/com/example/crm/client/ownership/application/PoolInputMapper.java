package com.example.crm.client.ownership.application;

import com.example.crm.client.ownership.domain.Pool;
import com.example.crm.client.ownership.domain.RecallRule;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;

/** A pool's writable fields (a {@link PoolInput}) onto the pool. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface PoolInputMapper {

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "createdBy", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    void apply(PoolInput input, @MappingTarget Pool pool);

    RecallRule toRule(PoolInput.RecallRuleInput input);
}
