package com.example.crm.client.card.application;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.Finance;
import com.example.crm.client.card.domain.Rapport;
import com.example.crm.platform.money.Money;
import com.example.crm.platform.money.MoneyAmount;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;

/** The card's writable fields (a {@link ClientInput}) to and from the card: what a create, a patch and a merge write. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface CardMapper {

    ClientInput toInput(Client client);

    ClientInput.FinanceInput toInput(Finance finance);

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "status", ignore = true)
    @Mapping(target = "ownerId", ignore = true)
    @Mapping(target = "ownerDepartment", ignore = true)
    @Mapping(target = "ownedSince", ignore = true)
    @Mapping(target = "poolId", ignore = true)
    @Mapping(target = "poolEnteredAt", ignore = true)
    @Mapping(target = "poolReasonCode", ignore = true)
    @Mapping(target = "poolReason", ignore = true)
    @Mapping(target = "lockedAt", ignore = true)
    @Mapping(target = "lockedBy", ignore = true)
    @Mapping(target = "lastVerifiedAt", ignore = true)
    @Mapping(target = "reviewDueAt", ignore = true)
    @Mapping(target = "abcClass", ignore = true)
    @Mapping(target = "valueTier", ignore = true)
    @Mapping(target = "churnRisk", ignore = true)
    @Mapping(target = "segmentComputedAt", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "createdBy", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "deletedAt", ignore = true)
    @Mapping(target = "deletedBy", ignore = true)
    @Mapping(target = "erasedAt", ignore = true)
    @Mapping(target = "nameKey", ignore = true)
    @Mapping(target = "phoneDigits", ignore = true)
    @Mapping(target = "mergedInto", ignore = true)
    @Mapping(target = "tags", defaultExpression = "java(new java.util.ArrayList<>())")
    @Mapping(target = "customAttributes", defaultExpression = "java(new java.util.LinkedHashMap<>())")
    void apply(ClientInput input, @MappingTarget Client client);

    Rapport toRapport(ClientInput.RapportDto rapport);

    ClientInput.RapportDto toDto(Rapport rapport);

    default Money money(MoneyAmount amount) {
        return amount == null ? null : amount.toMoney();
    }

    default MoneyAmount money(Money money) {
        return MoneyAmount.from(money);
    }
}
