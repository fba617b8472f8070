package com.example.crm.complaint.handling.domain;

import com.example.crm.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The complaint's own rules, without a container: which step may follow, what a resolution needs. */
class ComplaintRulesTest {

    private static Complaint in(ComplaintStatus status) {
        Complaint c = new Complaint();
        c.status = status;
        return c;
    }

    @Test
    void refuses_a_step_its_status_does_not_allow_and_names_the_allowed_ones() {
        assertThatThrownBy(() -> in(ComplaintStatus.RECEIVED).requireTransitionTo(ComplaintStatus.RESOLVED))
                .isInstanceOfSatisfying(DomainException.IllegalTransition.class, e ->
                        assertThat(e.details()).containsEntry("allowed",
                                List.of(ComplaintStatus.ACKNOWLEDGED)));
        assertThatCode(() -> in(ComplaintStatus.RESOLVED).requireTransitionTo(ComplaintStatus.REOPENED)).doesNotThrowAnyException();
    }

    @Test
    void resolves_only_after_an_investigation_found_a_root_cause() {
        Complaint c = in(ComplaintStatus.INVESTIGATING);
        assertThatThrownBy(c::requireRootCause).isInstanceOf(DomainException.RuleViolation.class);
        c.investigation = new Complaint.Investigation(RootCause.DELIVERY_DELAY, "the carrier lost a pallet", null, "handler",
                Instant.EPOCH);
        assertThatCode(c::requireRootCause).doesNotThrowAnyException();
    }

    @Test
    void waits_on_the_customer_only_while_acknowledged_and_open() {
        assertThatThrownBy(() -> in(ComplaintStatus.RECEIVED).requireCanWait()).isInstanceOf(DomainException.IllegalTransition.class);
        assertThatThrownBy(() -> in(ComplaintStatus.RESOLVED).requireCanWait()).isInstanceOf(DomainException.IllegalTransition.class);
        assertThatCode(() -> in(ComplaintStatus.INVESTIGATING).requireCanWait()).doesNotThrowAnyException();
    }

    @Test
    void compensation_needs_an_acknowledged_complaint_and_severity_is_final_once_resolved() {
        assertThatThrownBy(() -> in(ComplaintStatus.RECEIVED).requireAcknowledgedForCompensation())
                .isInstanceOf(DomainException.IllegalTransition.class);
        assertThatThrownBy(() -> in(ComplaintStatus.CLOSED).requireOpenForSeverityChange())
                .isInstanceOf(DomainException.Conflict.class);
        assertThatCode(() -> in(ComplaintStatus.REOPENED).requireOpenForSeverityChange()).doesNotThrowAnyException();
    }
}
