package com.example.crm.client.domain;

public enum ClientKind {
    COMPANY, INDIVIDUAL
}
