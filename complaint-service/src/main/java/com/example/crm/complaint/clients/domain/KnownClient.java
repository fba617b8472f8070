package com.example.crm.complaint.clients.domain;

import com.example.crm.platform.replica.ReplicatedClient;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** A client as client-service and segmentation reported it (local replica). */
@Entity
@Table(name = "known_client")
@DynamicUpdate // concurrent writers each write only their columns (ReplicatedClient)
public class KnownClient extends ReplicatedClient {

    /** Key clients (value tier KEY or ABC class A) get the stricter SLA. */
    public boolean isKey() {
        return isKey(abcClass, valueTier);
    }

    public static boolean isKey(String abcClass, String valueTier) {
        return "KEY".equals(valueTier) || "A".equals(abcClass);
    }
}
