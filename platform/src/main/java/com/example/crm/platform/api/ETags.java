package com.example.crm.platform.api;

import com.example.crm.platform.domain.ExpectedVersion;

import java.util.HashSet;
import java.util.Set;

/**
 * Strong ETags derived from an entity's version, and the If-Match rule for updates: no header → 428,
 * a header that matches no current version → 412 (the domain's {@link ExpectedVersion} check, mapped at the edge).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        expected(ifMatch).check(currentVersion);
    }

    /**
     * The versions an If-Match header names, for the domain: {@code *} is any version, each strong tag
     * {@code "n"} the version n; a weak or foreign tag matches none. No header → 428.
     */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the ETag of your last read of this resource");
        }
        Set<Long> versions = new HashSet<>();
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return new ExpectedVersion(Set.of(), true, ifMatch);
            }
            if (tag.matches("\"[0-9]{1,18}\"")) {
                versions.add(Long.parseLong(tag.substring(1, tag.length() - 1)));
            }
        }
        return new ExpectedVersion(versions, false, ifMatch);
    }
}
