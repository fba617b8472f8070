package com.example.crm.platform.domain;

import java.util.Set;

/**
 * The version(s) of a record a command was based on (optimistic concurrency): the command applies only to one of
 * them, or to any version when {@link #any}. {@code stated} keeps how the caller stated them, for the answer.
 */
public record ExpectedVersion(Set<Long> versions, boolean any, String stated) {

    public ExpectedVersion {
        versions = Set.copyOf(versions);
    }

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(Set.of(version), false, String.valueOf(version));
    }

    public static ExpectedVersion anyVersion() {
        return new ExpectedVersion(Set.of(), true, "*");
    }

    /** Refuses the command when the record is at another version. */
    public void check(long current) {
        if (!any && !versions.contains(current)) {
            throw new DomainException.StaleVersion(this, current);
        }
    }

    @Override
    public String toString() {
        return stated;
    }
}
