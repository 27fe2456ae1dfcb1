package org.toxgrade.fhir.rest;

/**
 * The ETags of FHIR versions, {@code W/"n"}: what a read answers and what {@code If-Match} and
 * {@code If-None-Match} send back.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(String versionId) {
        return "W/\"" + versionId + "\"";
    }

    /** The version an ETag names ({@code W/"3"} or {@code "3"}), or null when it is not one. */
    public static Integer version(String etag) {
        if (etag == null) {
            return null;
        }
        String tag = etag.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return null;
        }
        String digits = tag.substring(1, tag.length() - 1);
        return digits.matches("[1-9][0-9]{0,8}") ? Integer.valueOf(digits) : null;
    }

    /** Whether {@code If-None-Match} (a list of ETags, or {@code *}) names this version: then a read answers 304. */
    public static boolean noneMatchHolds(String ifNoneMatch, String versionId) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            Integer v = version(t);
            if (t.equals("*") || v != null && String.valueOf(v).equals(versionId)) {
                return true;
            }
        }
        return false;
    }
}
