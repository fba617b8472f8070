package com.example.crm.client.card.domain;

public enum ClientKind {
    COMPANY, INDIVIDUAL
}
