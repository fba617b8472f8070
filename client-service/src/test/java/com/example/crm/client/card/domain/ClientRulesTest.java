package com.example.crm.client.card.domain;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The card's own rules, without a container: its lifecycle, what erasure leaves, how its placement changes. */
class ClientRulesTest {

    private static final Instant AT = TestTime.now();

    private static Client card(ClientKind kind) {
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.kind = kind;
        client.status = LifecycleStatus.POTENTIAL;
        client.legalName = "张三五金店";
        client.unifiedSocialCreditCode = "91350100M000100Y43";
        client.phone = "0591-8765 4321";
        client.deriveKeys();
        return client;
    }

    @Test
    void refuses_a_lifecycle_step_its_status_does_not_allow_and_names_the_allowed_ones() {
        Client client = card(ClientKind.COMPANY);
        assertThatThrownBy(() -> client.transitionTo(LifecycleStatus.EXISTING, AT))
                .isInstanceOfSatisfying(DomainException.IllegalTransition.class, e ->
                        assertThat(e.details()).containsEntry("allowed", List.of(LifecycleStatus.INTENDED)));
        assertThat(client.status).isEqualTo(LifecycleStatus.POTENTIAL);
        client.transitionTo(LifecycleStatus.INTENDED, AT);
        assertThat(client.status).isEqualTo(LifecycleStatus.INTENDED);
    }

    @Test
    void erasure_replaces_an_individuals_name_and_code_but_keeps_a_companys_name() {
        Client person = card(ClientKind.INDIVIDUAL);
        person.scrubPersonalData();
        assertThat(person.legalName).isEqualTo(Client.ERASED);
        assertThat(person.unifiedSocialCreditCode).isNull();
        assertThat(person.phone).isNull();
        assertThat(person.phoneDigits).as("the duplicate key follows the scrubbed phone").isNull();

        Client company = card(ClientKind.COMPANY);
        company.scrubPersonalData();
        assertThat(company.legalName).isEqualTo("张三五金店");
        assertThat(company.unifiedSocialCreditCode).isEqualTo("91350100M000100Y43");
        assertThat(company.phone).isNull();
    }

    @Test
    void a_lock_ends_when_the_client_goes_back_to_a_pool_or_to_another_owner() {
        Client client = card(ClientKind.COMPANY);
        UUID pool = UUID.randomUUID();
        client.takenFrom(pool, "rep-a", "华东", AT);
        client.lock("rep-a", AT);
        client.handedTo("rep-b", "华东", AT);
        assertThat(client.lockedAt).isNull();
        assertThat(client.ownerId).isEqualTo("rep-b");

        client.lock("rep-b", AT);
        client.releasedTo(pool, PoolEntryReason.RETURNED, "无意向", AT);
        assertThat(client.lockedAt).isNull();
        assertThat(client.ownerId).isNull();
        assertThat(client.inPool()).isTrue();
        assertThat(client.poolReasonCode).isEqualTo(PoolEntryReason.RETURNED);
    }
}
