package org.toxgrade.subscription;

import static org.toxgrade.fhir.ErrorCode.failure;
import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;
import org.toxgrade.fhir.FhirMediaTypes;

/** The codes of receiving from the EHRs: notifications, Subscription upkeep, catch-up and the sources' settings. */
public enum SubscriptionError implements ErrorCode {

    NOTIFICATION_RECEIVED(refusal("TG-SUB-000", 200, IssueType.INFORMATIONAL,
            "notification received (%s): %d stored, %d refused%s%s")),
    NOTIFICATION_NOT_AUTHENTICATED(refusal("TG-SUB-001", 401, IssueType.LOGIN,
            "a notification for source %s needs the Subscription's channel secret or a bearer token of this service")),
    UNKNOWN_NOTIFICATION_SOURCE(refusal("TG-SUB-002", 404, IssueType.NOTFOUND,
            "no source of that name receives notifications here")),
    NOTIFICATION_NOT_FHIR_JSON(refusal("TG-SUB-003", 400, IssueType.STRUCTURE, "the notification is %s")),
    NOTIFICATION_NOT_JSON_MEDIA_TYPE(refusal("TG-SUB-004", 415, IssueType.NOTSUPPORTED,
            "notifications are taken as " + FhirMediaTypes.FHIR_JSON
                    + " (set channel.payload to application/fhir+json)")),
    BUNDLE_PUT_TO_RESOURCE_URL(refusal("TG-SUB-005", 400, IssueType.INVALID,
            "a Bundle is POSTed to the notification endpoint, not PUT to [type]/[id]")),
    NOTIFIED_RESOURCE_WITHOUT_ID(refusal("TG-SUB-007", 400, IssueType.REQUIRED,
            "a notified resource must carry the EHR's id")),
    UNKNOWN_NOTIFICATION_TYPE(refusal("TG-SUB-008", 422, IssueType.NOTSUPPORTED, "unknown notification type '%s'")),
    NOTIFIED_RESOURCE_NOT_READ(refusal("TG-SUB-009", 503, IssueType.TRANSIENT,
            "the notified resource could not be read from the EHR (%s); send again later")),
    SUBSCRIPTION_CHECK_FAILED(failure("TG-SUB-010", "checking the Subscription failed (%s)")),
    SUBSCRIPTION_READ_REFUSED(failure("TG-SUB-011", "reading the Subscription answered %d")),
    SUBSCRIPTION_CREATE_REFUSED(failure("TG-SUB-012", "creating the Subscription answered %d")),
    SUBSCRIPTION_REPAIR_REFUSED(failure("TG-SUB-013", "repairing the Subscription (%s) answered %d")),
    NOTIFICATION_TOO_LARGE(refusal("TG-SUB-014", 413, IssueType.TOOCOSTLY, "the notification is larger than %d bytes")),
    REQUESTED_CATCH_UP_FAILED(failure("TG-SUB-020", "catch-up requested for source %s by a notification failed (%s)")),
    CATCH_UP_FAILED(failure("TG-SUB-021", "catch-up of source %s failed (%s)")),
    CATCH_UP_SEARCH_REFUSED(failure("TG-SUB-022", "search answered %d")),
    CATCH_UP_SEARCH_FAILED(failure("TG-SUB-023", "the catch-up search failed (%s)")),
    CATCH_UP_ANSWER_NOT_JSON(failure("TG-SUB-024", "the search answer is not JSON")),
    SOURCE_RESOURCE_REFUSED(failure("TG-SUB-030", "%s from source %s refused (%d): %s")),
    PATIENT_NOT_READ(failure("TG-SUB-031", "%s not read from source %s (%s); adult rules until it arrives")),
    EVENTS_MISSED(failure("TG-SUB-032",
            "events missed on source %s (%s: %d seen before, notification at %d..%d); catching up")),
    URL_OUTSIDE_SOURCE(failure("TG-SUB-040", "a URL outside the source's origin is not requested")),
    UNEXPECTED_TIMESTAMP_TYPE(failure("TG-SUB-041", "unexpected timestamp type %s")),
    SOURCE_NAME_INVALID(failure("TG-SUB-042",
            "source name '%s' must be lower-case letters, digits and dashes (it is a path segment of the "
                    + "notification endpoint)")),
    NO_SOURCE(failure("TG-SUB-043", "subscriptions are on but no source has a base URL (toxgrade.ehr.base-url or "
            + "toxgrade.subscription.sources.<name>.base-url): nothing is received")),
    NO_PUBLIC_BASE_URL(failure("TG-SUB-044",
            "toxgrade.subscription.public-base-url is not set: no Subscription is registered on the EHRs; "
                    + "notifications that arrive are taken and catch-up runs")),
    SOURCE_WITHOUT_SECRET(failure("TG-SUB-045",
            "source %1$s has no channel secret (toxgrade.subscription.sources.%1$s.secret): only bearer tokens "
                    + "open its notification endpoint and no Subscription is registered")),
    NOTIFICATION_QUEUED(refusal("TG-SUB-015", 200, IssueType.INFORMATIONAL,
            "notification received as inbox entry %d; processed in the background")),
    NOTIFICATION_REFUSED(failure("TG-SUB-016", "notification %d from source %s refused: %s")),
    NOTIFICATION_FAILED(failure("TG-SUB-017", "notification %d from source %s out of attempts (%d): %s")),
    INBOX_RUN_FAILED(failure("TG-SUB-018", "the notification inbox run failed (%s); the entries wait for the next")),
    NOTIFICATION_NOT_YET_PROCESSED(failure("TG-SUB-047",
            "processing the notification failed for now (%s); it is tried again")),
    NO_INBOX_ENTRY(refusal("TG-SUB-019", 404, IssueType.NOTFOUND, "no inbox entry %d")),
    NOTHING_TO_ROTATE(refusal("TG-SUB-046", 409, IssueType.CONFLICT,
            "the channel secret of source %s is not rotated here: %s")),
    UNKNOWN_SOURCE(refusal("TG-SUB-050", 404, IssueType.NOTFOUND, "no source of that name is configured"));

    private final Spec spec;

    SubscriptionError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
