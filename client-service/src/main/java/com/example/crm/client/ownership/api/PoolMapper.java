package com.example.crm.client.ownership.api;

import com.example.crm.client.ownership.domain.Pool;
import com.example.crm.client.ownership.domain.RecallRule;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

/** Maps pools to their API representation and applies inputs to them. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface PoolMapper {

    PoolView toView(Pool pool, long clientsInPool);

    PoolView.RecallRuleView toView(RecallRule rule);
}
