package com.example.crm.complaint.handling.domain;

import com.example.crm.complaint.clients.domain.KnownClient;
import com.example.crm.complaint.config.ComplaintConfig;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;

/**
 * The SLA targets of a complaint: per severity, stricter (times the key-client factor) for clients in value tier
 * KEY or ABC class A; measured in calendar time or business hours.
 */
@ApplicationScoped
public class SlaPolicy {

    /** The targets that apply and the policy's name, e.g. {@code HIGH} or {@code HIGH/KEY}. */
    public record Targets(String policy, Duration firstResponse, Duration resolution) {
    }

    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private final ComplaintConfig.Sla config;
    private final SlaCalendar calendar;

    public SlaPolicy(ComplaintConfig config, BusinessCalendar business) {
        this.config = config.sla();
        for (Severity severity : Severity.values()) {
            if (target(this.config.firstResponse(), severity) == null || target(this.config.resolution(), severity) == null) {
                throw new IllegalStateException("complaint.sla.first-response and .resolution need a value for "
                        + severity.name().toLowerCase(Locale.ROOT));
            }
        }
        ComplaintConfig.BusinessHours hours = this.config.businessHours();
        this.calendar = hours.enabled()
                ? SlaCalendar.businessHours(business.zone(), hours.days(), hours.start(), hours.end(),
                new HashSet<>(hours.holidays().orElse(java.util.List.of())))
                : SlaCalendar.calendarTime();
    }

    public Targets targets(Severity severity, KnownClient client) {
        Duration firstResponse = target(config.firstResponse(), severity);
        Duration resolution = target(config.resolution(), severity);
        if (client.isKey()) {
            return new Targets(severity + "/KEY", scale(firstResponse), scale(resolution));
        }
        return new Targets(severity.name(), firstResponse, resolution);
    }

    /**
     * Where a complaint received at {@code receivedAt} starts its clocks, checked against {@code now}: not in the
     * future (five minutes of clock skew allowed) and not further back than {@code complaint.sla.max-backdating}.
     */
    public Instant clockStart(Instant receivedAt, Instant now) {
        if (receivedAt.isAfter(now.plus(FUTURE_SKEW))) {
            throw new DomainException.InvalidValue("receivedAt", "must not be in the future");
        }
        if (receivedAt.isBefore(now.minus(config.maxBackdating()))) {
            throw new DomainException.InvalidValue("receivedAt", "must not be more than "
                    + config.maxBackdating().toDays() + " days before now");
        }
        return receivedAt;
    }

    public SlaCalendar calendar() {
        return calendar;
    }

    public double warningAt() {
        return config.warningAt();
    }

    private Duration scale(Duration target) {
        return Duration.ofSeconds(Math.round(target.toSeconds() * config.keyClientFactor()));
    }

    private static Duration target(java.util.Map<String, Duration> targets, Severity severity) {
        return targets.get(severity.name().toLowerCase(Locale.ROOT));
    }
}
