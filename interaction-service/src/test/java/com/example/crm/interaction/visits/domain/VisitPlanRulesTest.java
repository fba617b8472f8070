package com.example.crm.interaction.visits.domain;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A visit plan's own rules, without a container: its lifecycle, what completes it, when it is overdue. */
class VisitPlanRulesTest {

    private static final LocalDate DAY = TestTime.today();

    private static VisitPlan plan(VisitPlanStatus status) {
        VisitPlan plan = new VisitPlan();
        plan.id = UUID.randomUUID();
        plan.clientId = UUID.randomUUID();
        plan.plannedOn = DAY;
        plan.status = status;
        return plan;
    }

    @Test
    void a_final_plan_cannot_be_rescheduled_cancelled_or_missed() {
        for (VisitPlanStatus done : List.of(VisitPlanStatus.DONE, VisitPlanStatus.MISSED, VisitPlanStatus.CANCELLED)) {
            VisitPlan plan = plan(done);
            assertThatThrownBy(() -> plan.requireTransitionTo(VisitPlanStatus.PLANNED))
                    .isInstanceOf(DomainException.IllegalTransition.class).hasMessageContaining("be rescheduled");
            assertThatThrownBy(() -> plan.cancel(TestTime.now(), "no"))
                    .isInstanceOfSatisfying(DomainException.IllegalTransition.class,
                            e -> assertThat(e.details()).containsEntry("allowed", List.of()));
            assertThatThrownBy(() -> plan.miss(TestTime.now())).isInstanceOf(DomainException.IllegalTransition.class);
        }
    }

    @Test
    void is_completed_only_by_a_contact_with_its_own_client() {
        VisitPlan plan = plan(VisitPlanStatus.PLANNED);
        UUID contact = UUID.randomUUID();
        assertThatThrownBy(() -> plan.complete(UUID.randomUUID(), contact, TestTime.now()))
                .isInstanceOf(DomainException.InvalidValue.class);
        assertThat(plan.status).isEqualTo(VisitPlanStatus.PLANNED);
        plan.complete(plan.clientId, contact, TestTime.now());
        assertThat(plan.status).isEqualTo(VisitPlanStatus.DONE);
        assertThat(plan.interactionId).isEqualTo(contact);
    }

    @Test
    void an_open_plan_of_an_earlier_day_is_overdue_and_a_cancelled_one_is_not() {
        VisitPlan plan = plan(VisitPlanStatus.PLANNED);
        assertThat(plan.isOverdue(DAY)).isFalse();
        assertThat(plan.isOverdue(DAY.plusDays(1))).isTrue();
        plan.cancel(TestTime.now(), "client moved");
        assertThat(plan.isOverdue(DAY.plusDays(1))).isFalse();
        assertThat(plan.cancelReason).isEqualTo("client moved");
    }
}
