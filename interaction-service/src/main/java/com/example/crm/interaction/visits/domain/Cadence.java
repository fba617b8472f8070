package com.example.crm.interaction.visits.domain;

import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

/**
 * How often a client is visited (docs/domain.md, "Visits and cadences"): every N days (the revisit intervals 20,
 * 40, 60, 80, or any other) or weekly on a given day (the weekly plans for key clients). A MANUAL cadence always
 * wins over the SEGMENT default that segmentation's value tier implies.
 */
@Entity
@Table(name = "cadence")
public class Cadence extends PanacheEntityBase {

    public enum Source { MANUAL, SEGMENT }

    @Id
    public UUID clientId;

    @Version
    public long version;

    public int intervalDays;
    /** Weekly cadences may name the day of the week; then intervalDays is 7. */
    @Enumerated(EnumType.STRING)
    public DayOfWeek dayOfWeek;

    @Enumerated(EnumType.STRING)
    public AttendeeLevel attendeeLevel;

    @Enumerated(EnumType.STRING)
    public Source source;

    public String setBy;
    public Instant setAt;

    /** The next visit day after a visit (or a missed plan) on {@code day}. */
    public LocalDate nextAfter(LocalDate day) {
        return nextAfter(day, intervalDays, dayOfWeek);
    }

    public static LocalDate nextAfter(LocalDate day, int intervalDays, DayOfWeek dayOfWeek) {
        return dayOfWeek != null ? day.with(TemporalAdjusters.next(dayOfWeek)) : day.plusDays(intervalDays);
    }

    /** The same rhythm, level and source for another client (the survivor of a merge), set {@code at}. */
    public Cadence copyFor(UUID otherClientId, Instant at) {
        Cadence copy = new Cadence();
        copy.clientId = otherClientId;
        copy.intervalDays = intervalDays;
        copy.dayOfWeek = dayOfWeek;
        copy.attendeeLevel = attendeeLevel;
        copy.source = source;
        copy.setBy = setBy;
        copy.setAt = at;
        return copy;
    }

    public boolean sameRhythm(int intervalDays, DayOfWeek dayOfWeek, AttendeeLevel attendeeLevel) {
        return this.intervalDays == intervalDays && this.dayOfWeek == dayOfWeek && this.attendeeLevel == attendeeLevel;
    }
}
