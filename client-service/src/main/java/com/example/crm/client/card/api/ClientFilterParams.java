package com.example.crm.client.card.api;

import com.example.crm.client.card.domain.CreditRating;
import com.example.crm.client.card.domain.LifecycleStatus;
import com.example.crm.client.card.domain.RelationshipLevel;
import com.example.crm.client.card.domain.SegmentFields;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.platform.api.QueryParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the client list and export, read as query parameters (bad values are 400 problems). */
public class ClientFilterParams {

    @QueryParam("q")
    @Parameter(description = "substring of the legal or short name, e.g. 华信")
    String q;

    @QueryParam("status")
    @Parameter(description = "POTENTIAL, INTENDED, EXISTING or TERMINATED")
    String status;

    @QueryParam("ownerId")
    String ownerId;

    @QueryParam("industry")
    String industry;

    @QueryParam("province")
    String province;

    @QueryParam("city")
    String city;

    @QueryParam("tag")
    String tag;

    @QueryParam("creditRating")
    String creditRating;

    @QueryParam("relationshipLevel")
    String relationshipLevel;

    @QueryParam("abcClass")
    String abcClass;

    @QueryParam("stale")
    @Parameter(description = "true: cards whose review is due")
    String stale;

    public ClientRepository.Filter toFilter() {
        return new ClientRepository.Filter(
                QueryParams.text("q", q, 200),
                QueryParams.enumValue(LifecycleStatus.class, "status", status),
                QueryParams.text("ownerId", ownerId, 100),
                QueryParams.booleanValue("stale", stale),
                QueryParams.text("industry", industry, 100),
                QueryParams.text("province", province, 100),
                QueryParams.text("city", city, 100),
                QueryParams.text("tag", tag, 50),
                QueryParams.enumValue(CreditRating.class, "creditRating", creditRating),
                QueryParams.enumValue(RelationshipLevel.class, "relationshipLevel", relationshipLevel),
                QueryParams.enumValue(SegmentFields.AbcClass.class, "abcClass", abcClass));
    }
}
