package com.example.crm.client.card.domain;

/** Values segmentation-service publishes; the card shows them read-only. */
public final class SegmentFields {
    public enum AbcClass { A, B, C }

    public enum ValueTier { KEY, ORDINARY, PROSPECT }

    public enum ChurnRisk { LOW, MEDIUM, HIGH }

    private SegmentFields() {
    }
}
