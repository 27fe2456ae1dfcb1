package org.toxgrade.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A CDS Hooks 2.0 card (https://cds-hooks.hl7.org/2.0/#card-attributes): {@code summary} under 140
 * characters, {@code indicator} {@code info}, {@code warning} or {@code critical}, a {@code source} with a
 * label, a markdown {@code detail}, and links ({@code absolute} or {@code smart}). No suggestions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Card(String uuid, String summary, String detail, String indicator, Source source, List<Link> links) {

    /** The spec's limit: "<140-character summary message". */
    public static final int SUMMARY_LIMIT = 140;

    /** Where the card comes from; {@code topic} a Coding of what it is about. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String label, String url, Topic topic) {
    }

    /** A Coding ({@code system}, {@code code}, {@code display}). */
    public record Topic(String system, String code, String display) {
    }

    /** A link; {@code type} {@code smart} launches the SMART app at {@code url}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String label, String url, String type, String appContext) {
    }
}
