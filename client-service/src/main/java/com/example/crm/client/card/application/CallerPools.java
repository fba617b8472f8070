package com.example.crm.client.card.application;

import java.util.Set;
import java.util.UUID;

/**
 * The pools whose clients the caller sees (those they belong to, and the default pool). The ownership feature
 * answers it; the card does not know how pool membership is set.
 */
public interface CallerPools {

    Set<UUID> poolsOfCaller();
}
