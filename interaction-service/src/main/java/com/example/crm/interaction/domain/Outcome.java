package com.example.crm.interaction.domain;

public enum Outcome {
    POSITIVE, NEUTRAL, NEGATIVE, NO_RESPONSE
}
