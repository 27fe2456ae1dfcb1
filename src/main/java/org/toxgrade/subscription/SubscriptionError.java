package org.toxgrade.subscription;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;
import org.toxgrade.fhir.FhirMediaTypes;

/** The codes of receiving from the EHRs: notifications, Subscription upkeep, catch-up and the sources' settings. */
public enum SubscriptionError implements ErrorCode {

    NOTIFICATION_RECEIVED("TG-SUB-000", 200, IssueType.INFORMATIONAL,
            "notification received (%s): %d stored, %d refused%s%s"),
    NOTIFICATION_NOT_AUTHENTICATED("TG-SUB-001", 401, IssueType.LOGIN,
            "a notification for source %s needs the Subscription's channel secret or a bearer token of this service"),
    UNKNOWN_NOTIFICATION_SOURCE("TG-SUB-002", 404, IssueType.NOTFOUND,
            "no source of that name receives notifications here"),
    NOTIFICATION_NOT_FHIR_JSON("TG-SUB-003", 400, IssueType.STRUCTURE, "the notification is %s"),
    NOTIFICATION_NOT_JSON_MEDIA_TYPE("TG-SUB-004", 415, IssueType.NOTSUPPORTED,
            "notifications are taken as " + FhirMediaTypes.FHIR_JSON
                    + " (set channel.payload to application/fhir+json)"),
    BUNDLE_PUT_TO_RESOURCE_URL("TG-SUB-005", 400, IssueType.INVALID,
            "a Bundle is POSTed to the notification endpoint, not PUT to [type]/[id]"),
    BODY_TYPE_NOT_URL_TYPE("TG-SUB-006", 400, IssueType.INVALID,
            "body resourceType '%s' does not match the URL type '%s'"),
    NOTIFIED_RESOURCE_WITHOUT_ID("TG-SUB-007", 400, IssueType.REQUIRED,
            "a notified resource must carry the EHR's id"),
    UNKNOWN_NOTIFICATION_TYPE("TG-SUB-008", 422, IssueType.NOTSUPPORTED, "unknown notification type '%s'"),
    NOTIFIED_RESOURCE_NOT_READ("TG-SUB-009", 503, IssueType.TRANSIENT,
            "the notified resource could not be read from the EHR (%s); send again later"),
    SUBSCRIPTION_CHECK_FAILED("TG-SUB-010", "%s"),
    SUBSCRIPTION_READ_REFUSED("TG-SUB-011", "reading the Subscription answered %d"),
    SUBSCRIPTION_CREATE_REFUSED("TG-SUB-012", "creating the Subscription answered %d"),
    SUBSCRIPTION_REPAIR_REFUSED("TG-SUB-013", "repairing the Subscription (%s) answered %d"),
    NOTIFICATION_TOO_LARGE("TG-SUB-014", 413, IssueType.TOOCOSTLY, "the notification is larger than %d bytes"),
    REQUESTED_CATCH_UP_FAILED("TG-SUB-020", "catch-up of source %s failed (%s)"),
    CATCH_UP_FAILED("TG-SUB-021", "catch-up of source %s failed (%s)"),
    CATCH_UP_SEARCH_REFUSED("TG-SUB-022", "search answered %d"),
    CATCH_UP_SEARCH_FAILED("TG-SUB-023", "%s"),
    CATCH_UP_ANSWER_NOT_JSON("TG-SUB-024", "the search answer is not JSON"),
    SOURCE_RESOURCE_REFUSED("TG-SUB-030", "%s from source %s refused (%d): %s"),
    PATIENT_NOT_READ("TG-SUB-031", "%s not read from source %s (%s); adult rules until it arrives"),
    EVENTS_MISSED("TG-SUB-032",
            "events missed on source %s (%s: %d seen before, notification at %d..%d); catching up"),
    URL_OUTSIDE_SOURCE("TG-SUB-040", "a URL outside the source's origin is not requested"),
    UNEXPECTED_TIMESTAMP_TYPE("TG-SUB-041", "unexpected timestamp type %s"),
    SOURCE_NAME_INVALID("TG-SUB-042",
            "source name '%s' must be lower-case letters, digits and dashes (it is a path segment of the "
                    + "notification endpoint)"),
    NO_SOURCE("TG-SUB-043", "subscriptions are on but no source has a base URL (toxgrade.ehr.base-url or "
            + "toxgrade.subscription.sources.<name>.base-url): nothing is received"),
    NO_PUBLIC_BASE_URL("TG-SUB-044",
            "toxgrade.subscription.public-base-url is not set: no Subscription is registered on the EHRs; "
                    + "notifications that arrive are taken and catch-up runs"),
    SOURCE_WITHOUT_SECRET("TG-SUB-045",
            "source %1$s has no channel secret (toxgrade.subscription.sources.%1$s.secret): only bearer tokens "
                    + "open its notification endpoint and no Subscription is registered"),
    UNKNOWN_SOURCE("TG-SUB-050", 404, IssueType.NOTFOUND, "no source of that name is configured");

    private final String code;
    private final int status;
    private final IssueType issueType;
    private final String template;

    /** A code that is logged or raised, never answered. */
    SubscriptionError(String code, String template) {
        this(code, 0, null, template);
    }

    SubscriptionError(String code, int status, IssueType issueType, String template) {
        this.code = code;
        this.status = status;
        this.issueType = issueType;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public IssueType issueType() {
        return issueType;
    }

    @Override
    public String template() {
        return template;
    }
}
