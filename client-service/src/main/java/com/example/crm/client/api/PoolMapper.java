package com.example.crm.client.api;

import com.example.crm.client.domain.Pool;
import com.example.crm.client.domain.RecallRule;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;

/** Maps pools to their API representation and applies inputs to them. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface PoolMapper {

    PoolView toView(Pool pool, long clientsInPool);

    PoolView.RecallRuleView toView(RecallRule rule);

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "createdBy", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    void apply(PoolInput input, @MappingTarget Pool pool);

    RecallRule toRule(PoolInput.RecallRuleInput input);
}
