package com.example.crm.complaint.clients.domain;

/** A client became a key client (KEY tier or class A) or stopped being one: its open complaints' SLA changes. */
public record KeyClientChanged(KnownClient client) {
}
