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
    void a_merge_keeps_the_survivors_values_and_takes_the_duplicates_where_it_has_none() {
        Client survivor = card(ClientKind.COMPANY);
        survivor.unifiedSocialCreditCode = null;
        survivor.tags = new java.util.ArrayList<>(List.of("华东", "机床"));
        survivor.customAttributes = new java.util.LinkedHashMap<>(java.util.Map.of("erp", "A-1"));
        survivor.address = new Address();
        survivor.address.city = "福州市";
        Client duplicate = card(ClientKind.COMPANY);
        duplicate.legalName = "张三五金店（重复）";
        duplicate.phone = null;
        duplicate.website = "https://zhangsan.example.cn";
        duplicate.tags = new java.util.ArrayList<>(List.of("机床", "重点"));
        duplicate.customAttributes = new java.util.LinkedHashMap<>(java.util.Map.of("erp", "B-2", "region", "闽"));
        duplicate.address = new Address();
        duplicate.address.city = "厦门市";
        duplicate.address.street = "湖滨南路 1 号";
        duplicate.rapport = new Rapport("福州", List.of("茶"), List.of(), List.of());

        String code = duplicate.mergeInto(survivor.id, "rep-1", AT);
        survivor.completeFrom(duplicate, code, AT);

        assertThat(duplicate.unifiedSocialCreditCode).as("a code belongs to one card").isNull();
        assertThat(duplicate.mergedInto).isEqualTo(survivor.id);
        assertThat(duplicate.isDeleted()).isTrue();
        assertThat(survivor.unifiedSocialCreditCode).isEqualTo("91350100M000100Y43");
        assertThat(survivor.legalName).isEqualTo("张三五金店");
        assertThat(survivor.phone).isEqualTo("0591-8765 4321");
        assertThat(survivor.website).isEqualTo("https://zhangsan.example.cn");
        assertThat(survivor.tags).containsExactly("华东", "机床", "重点");
        assertThat(survivor.customAttributes).containsEntry("erp", "A-1").containsEntry("region", "闽");
        assertThat(survivor.address.city).isEqualTo("福州市");
        assertThat(survivor.address.street).isEqualTo("湖滨南路 1 号");
        assertThat(survivor.address).as("an embedded value belongs to one card").isNotSameAs(duplicate.address);
        assertThat(survivor.rapport.hobbies()).containsExactly("茶");
        assertThat(survivor.status).isEqualTo(LifecycleStatus.POTENTIAL);
    }

    @Test
    void a_merge_unites_tags_up_to_the_cards_limit_the_survivors_first() {
        Client survivor = card(ClientKind.COMPANY);
        Client duplicate = card(ClientKind.COMPANY);
        survivor.tags = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 45).mapToObj(i -> "s" + i).toList());
        duplicate.tags = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 10).mapToObj(i -> "d" + i).toList());
        survivor.completeFrom(duplicate, duplicate.mergeInto(survivor.id, "rep-1", AT), AT);
        assertThat(survivor.tags).hasSize(Client.MAX_TAGS).startsWith("s0").endsWith("d4");
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
