package com.example.crm.contract.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The card's descriptive facts an event of {@code crm.client.v1} carries: all of them in {@code registered}'s data,
 * those that changed in {@code updated}'s {@code changes} (a fact given as null was cleared; one not given did not
 * change). Read here, where the events' schemas are, so that a consumer names no field of them.
 */
public record CardFacts(String legalName, String industry, String province, String city, List<String> tags,
                        String relationshipLevel, Set<Fact> given) {

    /** The facts an event can carry; an address carries province and city together. */
    public enum Fact { LEGAL_NAME, INDUSTRY, ADDRESS, TAGS, RELATIONSHIP_LEVEL }

    /** The facts of a registration's data (every fact counts as given). */
    public static CardFacts ofRegistration(JsonNode data) {
        CardFacts facts = of(data);
        return new CardFacts(facts.legalName, facts.industry, facts.province, facts.city, facts.tags,
                facts.relationshipLevel, EnumSet.allOf(Fact.class));
    }

    /** The facts an update's {@code changes} gave. */
    public static CardFacts ofUpdate(JsonNode data) {
        return of(data.path("changes"));
    }

    public boolean has(Fact fact) {
        return given.contains(fact);
    }

    private static CardFacts of(JsonNode node) {
        Set<Fact> given = EnumSet.noneOf(Fact.class);
        given(node, "legalName", Fact.LEGAL_NAME, given);
        given(node, "industry", Fact.INDUSTRY, given);
        given(node, "address", Fact.ADDRESS, given);
        given(node, "tags", Fact.TAGS, given);
        given(node, "relationshipLevel", Fact.RELATIONSHIP_LEVEL, given);
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(tag -> tags.add(tag.asText()));
        return new CardFacts(text(node, "legalName"), text(node, "industry"), text(node.path("address"), "province"),
                text(node.path("address"), "city"), List.copyOf(tags), text(node, "relationshipLevel"), given);
    }

    private static void given(JsonNode node, String field, Fact fact, Set<Fact> given) {
        if (node.has(field)) {
            given.add(fact);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
