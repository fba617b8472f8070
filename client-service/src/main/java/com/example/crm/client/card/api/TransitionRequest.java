package com.example.crm.client.card.api;

import com.example.crm.client.card.domain.LifecycleStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Moves a client to another lifecycle status. */
public record TransitionRequest(@NotNull LifecycleStatus to, @Size(max = 500) String reason) {
}
