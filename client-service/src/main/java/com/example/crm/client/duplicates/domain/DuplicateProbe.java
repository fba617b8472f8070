package com.example.crm.client.duplicates.domain;

import java.util.UUID;

/**
 * What duplicates of a card are looked for by: its credit code, and the keys derived from its name and phone
 * ({@link DuplicateKeys}). {@code id} is the card itself, never its own duplicate.
 */
public record DuplicateProbe(UUID id, String creditCode, String nameKey, String phoneDigits) {
}
