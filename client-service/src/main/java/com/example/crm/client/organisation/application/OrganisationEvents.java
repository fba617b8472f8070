package com.example.crm.client.organisation.application;

import com.example.crm.client.config.ClientConfig;
import com.example.crm.client.organisation.domain.Department;
import com.example.crm.client.organisation.domain.OrgMember;
import com.example.crm.contract.client.ClientEventTypes;
import com.example.crm.contract.client.OrganisationEvents.DepartmentChanged;
import com.example.crm.contract.client.OrganisationEvents.MemberPlaced;
import com.example.crm.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import static com.example.crm.contract.client.OrganisationEvents.KEY;

/** The organisation's events on {@code crm.client.v1}, in the changing transaction, all under one key. */
@ApplicationScoped
public class OrganisationEvents {

    private final Outbox outbox;
    private final ClientConfig config;

    public OrganisationEvents(Outbox outbox, ClientConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public void departmentChanged(Department d, String change) {
        outbox.append(config.topic(), ClientEventTypes.DEPARTMENT_CHANGED, KEY, new DepartmentChanged(d.id, d.version,
                d.name, d.parentId, d.isClosed(), change, d.updatedAt));
    }

    public void memberPlaced(OrgMember m, String previousDepartmentId) {
        outbox.append(config.topic(), ClientEventTypes.MEMBER_PLACED, KEY, new MemberPlaced(m.userId, m.version,
                m.departmentId, previousDepartmentId, m.manager, m.updatedAt));
    }
}
