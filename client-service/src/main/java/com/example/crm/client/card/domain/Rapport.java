package com.example.crm.client.card.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Common ground a rep can use (docs/domain.md, "The profile card"; 五缘): hometown, hobbies, schools, important
 * dates.
 */
public record Rapport(String hometown, List<String> hobbies, List<String> schools, List<ImportantDate> importantDates) {

    public record ImportantDate(String label, LocalDate date) {
    }
}
