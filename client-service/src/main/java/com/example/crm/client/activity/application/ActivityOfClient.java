package com.example.crm.client.activity.application;

import com.example.crm.client.activity.persistence.ActivityRepository;
import com.example.crm.platform.replica.ClientOwnedData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * A card's activity (last contact and order, from interaction-service's events): a merged duplicate's counts for
 * the survivor; it holds no personal data, so an erasure leaves it.
 */
@ApplicationScoped
public class ActivityOfClient implements ClientOwnedData {

    private final ActivityRepository activity;

    public ActivityOfClient(ActivityRepository activity) {
        this.activity = activity;
    }

    @Override
    public void moveToClient(UUID mergedId, UUID survivorId) {
        activity.moveToClient(mergedId, survivorId);
    }

    @Override
    public void scrub(UUID clientId) {
        // figures only: nothing to scrub
    }
}
