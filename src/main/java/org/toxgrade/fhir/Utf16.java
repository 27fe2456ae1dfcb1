package org.toxgrade.fhir;

/**
 * Whether text is Unicode. A Java string may hold half of a surrogate pair (JSON lets {@code \ud800}
 * stand alone); such a string has no UTF-8 form, and PostgreSQL would store a {@code ?} in its place,
 * so that two different ids become one. The service refuses it where it arrives.
 */
public final class Utf16 {

    private Utf16() {
    }

    /** Whether {@code length} chars from {@code offset} hold a surrogate that is not half of a pair. */
    public static boolean hasUnpairedSurrogate(char[] chars, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public static boolean hasUnpairedSurrogate(String text) {
        return hasUnpairedSurrogate(text.toCharArray(), 0, text.length());
    }
}
