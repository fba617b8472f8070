package com.example.crm.client.card.api;

import com.example.crm.client.card.domain.VisibleBecause;

import com.example.crm.client.card.application.CardMapper;
import com.example.crm.client.card.domain.BankAccounts;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.Finance;
import com.example.crm.client.card.domain.LifecycleStatus;
import com.example.crm.client.history.api.HistoryEntryView;
import com.example.crm.client.history.domain.ClientHistoryEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

import java.util.List;

/** Maps cards and contact persons to their API representations and applies inputs to them. */
/** The card and its history as the caller may see them. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, uses = CardMapper.class)
public interface ClientMapper {

    /** The card as the caller may see it: bank account masked unless {@code revealBankDetails}. */
    @Mapping(target = "allowedTransitions", expression = "java(allowedTransitions(client.status))")
    @Mapping(target = "segment", expression = "java(segment(client))")
    @Mapping(target = "placement", expression = "java(placement(client))")
    ClientView toView(Client client, VisibleBecause visibleBecause, @Context boolean revealBankDetails);

    @Mapping(target = "bankAccount", expression = "java(revealBankDetails ? finance.bankAccount : com.example.crm.client.card.domain.BankAccounts.mask(finance.bankAccount))")
    ClientView.FinanceView toView(Finance finance, @Context boolean revealBankDetails);

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
