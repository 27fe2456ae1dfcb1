package org.toxgrade.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The CDS Hooks 2.0 response rules (https://cds-hooks.hl7.org/2.0/#cds-service-response, "Card Attributes",
 * "Source", "Link"), as a list of what a response breaks: empty when it keeps them all.
 */
public final class CdsHooksResponseRules {

    private static final Set<String> RESPONSE_KEYS = Set.of("cards", "systemActions");
    private static final Set<String> CARD_KEYS = Set.of("uuid", "summary", "detail", "indicator", "source",
            "suggestions", "selectionBehavior", "overrideReasons", "links");
    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
    private static final Set<String> SOURCE_KEYS = Set.of("label", "url", "icon", "topic");
    private static final Set<String> LINK_KEYS = Set.of("label", "url", "type", "appContext");

    private CdsHooksResponseRules() {
    }

    public static List<String> violations(JsonNode response) {
        List<String> out = new ArrayList<>();
        unknownKeys(response, RESPONSE_KEYS, "response", out);
        if (!response.path("cards").isArray()) {
            out.add("cards is required and an array");
            return out;
        }
        int i = 0;
        for (JsonNode card : response.path("cards")) {
            card(card, "cards[" + i++ + "]", out);
        }
        return out;
    }

    private static void card(JsonNode card, String at, List<String> out) {
        unknownKeys(card, CARD_KEYS, at, out);
        JsonNode summary = card.path("summary");
        if (!summary.isTextual() || summary.asText().isBlank()) {
            out.add(at + ".summary is required");
        } else if (summary.asText().length() >= 140) {
            out.add(at + ".summary is " + summary.asText().length() + " characters, must be under 140");
        }
        if (!INDICATORS.contains(card.path("indicator").asText(""))) {
            out.add(at + ".indicator must be info, warning or critical: " + card.path("indicator"));
        }
        if (card.has("uuid") && !card.path("uuid").isTextual()) {
            out.add(at + ".uuid must be a string");
        }
        if (card.has("detail") && !card.path("detail").isTextual()) {
            out.add(at + ".detail must be a (markdown) string");
        }
        JsonNode source = card.path("source");
        if (!source.isObject()) {
            out.add(at + ".source is required");
        } else {
            unknownKeys(source, SOURCE_KEYS, at + ".source", out);
            if (!source.path("label").isTextual() || source.path("label").asText().isBlank()) {
                out.add(at + ".source.label is required");
            }
            if (source.has("url") && !absolute(source.path("url").asText(""))) {
                out.add(at + ".source.url must be an absolute URL");
            }
            if (source.has("topic") && !source.path("topic").path("code").isTextual()) {
                out.add(at + ".source.topic must be a Coding");
            }
        }
        if (card.has("suggestions") && !card.path("selectionBehavior").isTextual()) {
            out.add(at + ".selectionBehavior is required with suggestions");
        }
        if (card.has("links")) {
            int j = 0;
            for (JsonNode link : card.path("links")) {
                String l = at + ".links[" + j++ + "]";
                unknownKeys(link, LINK_KEYS, l, out);
                if (!link.path("label").isTextual() || link.path("label").asText().isBlank()) {
                    out.add(l + ".label is required");
                }
                if (!absolute(link.path("url").asText(""))) {
                    out.add(l + ".url must be an absolute URL");
                }
                if (!Set.of("absolute", "smart").contains(link.path("type").asText(""))) {
                    out.add(l + ".type must be absolute or smart");
                }
                if (link.has("appContext") && !link.path("appContext").isTextual()) {
                    out.add(l + ".appContext must be a string");
                }
            }
        }
    }

    private static boolean absolute(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String at, List<String> out) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                out.add(at + " has an attribute the spec does not define: " + name);
            }
        }
    }
}
