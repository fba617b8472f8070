package com.example.crm.client.card.domain;

import org.junit.jupiter.api.Test;

import static com.example.crm.client.card.domain.LifecycleStatus.EXISTING;
import static com.example.crm.client.card.domain.LifecycleStatus.INTENDED;
import static com.example.crm.client.card.domain.LifecycleStatus.POTENTIAL;
import static com.example.crm.client.card.domain.LifecycleStatus.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;

class LifecycleStatusTest {

    @Test
    void moves_forward_one_step_and_a_terminated_client_can_be_won_back() {
        assertThat(POTENTIAL.allowedNext()).containsExactly(INTENDED);
        assertThat(INTENDED.allowedNext()).containsExactly(EXISTING);
        assertThat(EXISTING.allowedNext()).containsExactly(TERMINATED);
        assertThat(TERMINATED.allowedNext()).containsExactly(INTENDED);
    }

    @Test
    void refuses_skipping_steps_going_back_and_standing_still() {
        assertThat(POTENTIAL.canBecome(EXISTING)).isFalse();
        assertThat(EXISTING.canBecome(INTENDED)).isFalse();
        assertThat(INTENDED.canBecome(INTENDED)).isFalse();
        assertThat(TERMINATED.canBecome(EXISTING)).isFalse();
    }
}
