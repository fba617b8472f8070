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

    /** {@code mine} completed with {@code other}'s values where it has none. */
    static Rapport completed(Rapport mine, Rapport other) {
        if (mine == null || other == null) {
            return mine == null ? other : mine;
        }
        return new Rapport(Completion.either(mine.hometown, other.hometown), Completion.either(mine.hobbies, other.hobbies),
                Completion.either(mine.schools, other.schools), Completion.either(mine.importantDates, other.importantDates));
    }
}
