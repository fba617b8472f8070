package com.example.crm.client.organisation.domain;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepartmentRulesTest {

    private final Instant now = TestTime.now();

    @Test
    void a_department_cannot_move_under_itself_or_below_itself() {
        Department east = Department.open("east", "华东区", null, now);
        Department shanghai = Department.open("east-sh", "上海组", east, now);
        assertThatThrownBy(() -> east.moveUnder(shanghai, Set.of("east", "east-sh"), now))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("below it");
        assertThatThrownBy(() -> east.moveUnder(east, Set.of("east", "east-sh"), now))
                .isInstanceOf(DomainException.Conflict.class);
        assertThat(east.parentId).isNull();
        Department south = Department.open("south", "华南区", null, now);
        shanghai.moveUnder(south, Set.of("east-sh"), now);
        assertThat(shanghai.parentId).isEqualTo("south");
    }

    @Test
    void only_an_empty_department_closes_and_a_closed_one_takes_nothing() {
        Department east = Department.open("east", "华东区", null, now);
        assertThatThrownBy(() -> east.close(1, 0, now)).isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> east.close(0, 2, now)).isInstanceOf(DomainException.Conflict.class);
        assertThat(east.isClosed()).isFalse();
        east.close(0, 0, now);
        assertThat(east.isClosed()).isTrue();
        assertThatThrownBy(() -> Department.open("east-sh", "上海组", east, now)).isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> OrgMember.placed("rep", east, false, now)).isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> east.rename("新", now)).isInstanceOf(DomainException.Conflict.class);
    }
}
