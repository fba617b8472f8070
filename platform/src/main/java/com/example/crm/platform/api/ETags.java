package com.example.crm.platform.api;

/**
 * Strong ETags derived from an entity's version, and the If-Match rule for updates: no header → 428,
 * a header that matches no current version → 412.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the ETag of your last read of this resource");
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "If-Match " + ifMatch + " does not match the current ETag " + current)
                .with("currentETag", current);
    }
}
