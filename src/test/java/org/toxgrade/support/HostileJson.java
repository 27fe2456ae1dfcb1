package org.toxgrade.support;

/**
 * Bodies over the JSON limits, built from a valid resource: too big to keep as fixture files, and
 * each differs from the valid resource only by the one thing that is over a limit.
 */
public final class HostileJson {

    private HostileJson() {
    }

    /** The resource with an extra element nested so that the document is {@code depth} levels deep. */
    public static String nestedTo(String resource, int depth) {
        // The resource object is level 1; each array below it adds one.
        int arrays = depth - 1;
        return withElement(resource, "\"hostileNesting\": " + "[".repeat(arrays) + "]".repeat(arrays));
    }

    /** The resource with a number of {@code digits} digits in an extra element. */
    public static String withNumberOf(String resource, int digits) {
        return withElement(resource, "\"hostileNumber\": 1" + "0".repeat(digits - 1));
    }

    /** The resource with an extra element whose name is {@code length} characters long. */
    public static String withPropertyNameOf(String resource, int length) {
        return withElement(resource, "\"" + "k".repeat(length) + "\": 1");
    }

    /** The resource with a note whose text is {@code length} characters long. */
    public static String withStringOf(String resource, int length) {
        return withElement(resource, "\"note\": [{\"text\": \"" + "x".repeat(length) + "\"}]");
    }

    /** The resource with {@code "id": id} as its first element. */
    public static String withId(String resource, String id) {
        return withElement(resource, "\"id\": \"" + id + "\"");
    }

    /** Inserts {@code element} (a JSON member) as the first member of the resource's object. */
    public static String withElement(String resource, String element) {
        int open = resource.indexOf('{');
        return resource.substring(0, open + 1) + element + "," + resource.substring(open + 1);
    }
}
