package com.example.crm.client.api;

import com.example.crm.client.domain.BankAccounts;
import com.example.crm.client.domain.Client;
import com.example.crm.client.domain.ClientHistoryEntry;
import com.example.crm.client.domain.ContactPerson;
import com.example.crm.client.domain.Finance;
import com.example.crm.client.domain.LifecycleStatus;
import com.example.crm.client.domain.Rapport;
import com.example.crm.platform.money.Money;
import com.example.crm.platform.money.MoneyAmount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;

import java.util.List;

/** Maps cards and contact persons to their API representations and applies inputs to them. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface ClientMapper {

    /** The card as the caller may see it: bank account masked unless {@code revealBankDetails}. */
    @Mapping(target = "allowedTransitions", expression = "java(allowedTransitions(client.status))")
    @Mapping(target = "segment", expression = "java(segment(client))")
    @Mapping(target = "placement", expression = "java(placement(client))")
    ClientView toView(Client client, @Context boolean revealBankDetails);

    @Mapping(target = "bankAccount", expression = "java(revealBankDetails ? finance.bankAccount : com.example.crm.client.domain.BankAccounts.mask(finance.bankAccount))")
    ClientView.FinanceView toView(Finance finance, @Context boolean revealBankDetails);

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

    /** A history entry as the caller may see it: bank account values masked unless {@code revealBankDetails}. */
    default HistoryEntryView toView(ClientHistoryEntry entry, boolean revealBankDetails) {
        JsonNode changes = entry.changes;
        JsonNode account = changes == null ? null : changes.get("finance.bankAccount");
        if (!revealBankDetails && account != null && account.isObject()) {
            ObjectNode masked = changes.deepCopy();
            ObjectNode change = masked.putObject("finance.bankAccount");
            account.fields().forEachRemaining(side -> change.put(side.getKey(),
                    side.getValue().isTextual() ? BankAccounts.mask(side.getValue().asText()) : null));
            changes = masked;
        }
        return new HistoryEntryView(entry.version, entry.at, entry.actor, entry.action, entry.reason, changes);
    }

    Rapport toRapport(ClientInput.RapportDto rapport);

    ClientInput.RapportDto toDto(Rapport rapport);

    ContactPersonView toView(ContactPerson person);

    ContactPersonInput toInput(ContactPerson person);

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "clientId", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "decisionMaker", expression = "java(Boolean.TRUE.equals(input.decisionMaker()))")
    void apply(ContactPersonInput input, @MappingTarget ContactPerson person);

    default Money money(MoneyAmount amount) {
        return amount == null ? null : amount.toMoney();
    }

    default MoneyAmount money(Money money) {
        return MoneyAmount.from(money);
    }

    default List<LifecycleStatus> allowedTransitions(LifecycleStatus status) {
        return status == null ? List.of() : status.allowedNext().stream().sorted().toList();
    }

    default ClientView.SegmentView segment(Client client) {
        return client.segmentComputedAt == null ? null
                : new ClientView.SegmentView(client.abcClass, client.valueTier, client.churnRisk, client.segmentComputedAt);
    }

    default ClientView.Placement placement(Client client) {
        boolean inPool = client.inPool();
        return new ClientView.Placement(client.ownerId, client.ownerDepartment, client.ownedSince,
                client.lockedAt != null, client.lockedAt, client.poolId, inPool, inPool ? client.poolEnteredAt : null,
                inPool ? client.poolReasonCode : null, inPool ? client.poolReason : null);
    }
}
