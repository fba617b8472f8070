package com.example.crm.interaction.orders.domain;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An order's own rules, without a container: what may follow PLACED, and no cancellation once money came in. */
class ClientOrderRulesTest {

    private static ClientOrder placed(String paid) {
        ClientOrder order = new ClientOrder();
        order.id = UUID.randomUUID();
        order.status = OrderStatus.PLACED;
        order.currency = "CNY";
        order.paidAmount = new BigDecimal(paid);
        return order;
    }

    @Test
    void refuses_to_cancel_an_order_with_payments_and_names_the_amount() {
        ClientOrder order = placed("120.50");
        assertThatThrownBy(() -> order.cancel(TestTime.now(), "wrong client"))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("120.5 CNY");
        assertThat(order.status).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void a_cancelled_order_cannot_be_delivered() {
        ClientOrder order = placed("0");
        order.cancel(TestTime.now(), "duplicate");
        assertThat(order.status).isEqualTo(OrderStatus.CANCELLED);
        assertThatThrownBy(() -> order.deliver(TestTime.now())).isInstanceOf(DomainException.IllegalTransition.class);
    }
}
