package org.toxgrade.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The one shared validator for what the service sends out, built from the ToxGrade package.
 *
 * <p>Building and the first validation take seconds, so {@link #prepare()} does both on a thread of
 * its own (never the event loop); {@link #validate} blocks until it is ready and must itself run off
 * the event loop. Resources are validated in one collection Bundle per call: the per-call cost is
 * building the instance validator, so a batch of fifty costs little more than one resource.
 */
@Singleton
public class OutboundValidator {

    private static final Logger LOG = Logger.getLogger(OutboundValidator.class);
    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]");
    /** HAPI writes {@code /*Type/id*\/} into locations; ids stay out of what the service keeps. */
    private static final Pattern RESOURCE_COMMENT = Pattern.compile("/\\*[^*]*\\*/");

    private final FhirContext context;
    private final CompletableFuture<FhirValidator> validator = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    public OutboundValidator(FhirContext context) {
        this.context = context;
    }

    /**
     * One resource to validate, as the FHIR JSON text that will be sent (so that unknown elements
     * count too), and the fullUrl it has in the Bundle (references between entries use it).
     */
    public record Entry(String fullUrl, String resourceJson) {
    }

    /**
     * An error: where it is (FHIRPath-like location inside the resource) and HAPI's message id, which
     * names the rule without quoting the offending value.
     */
    public record Issue(String location, String messageId) {

        @Override
        public String toString() {
            return location + " (" + messageId + ")";
        }
    }

    /** Starts building the validator in the background, once; later calls do nothing. */
    public void prepare() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread builder = new Thread(() -> {
            long begin = System.nanoTime();
            try {
                FhirValidator built = ProfileValidatorFactory.create(context);
                // The first validation loads and snapshots the profiles: pay for it here, not on a delivery.
                ProfilePackage profilePackage = ProfilePackage.load(context);
                profilePackage.exampleFiles().stream().filter(f -> f.fileName().startsWith("Condition-")).findFirst()
                        .ifPresent(f -> built.validateWithResult(f.resource()));
                validator.complete(built);
                LOG.infof("Outbound validator ready in %d ms", (System.nanoTime() - begin) / 1_000_000);
            } catch (RuntimeException | Error e) {
                LOG.error(ValidationError.VALIDATOR_NOT_BUILT.message(e.getClass().getName()));
                validator.completeExceptionally(e);
            }
        }, "toxgrade-validator-init");
        builder.setDaemon(true);
        builder.start();
    }

    /** Whether the validator is built and warm (a validation now does not wait for it). */
    public boolean isReady() {
        return validator.isDone() && !validator.isCompletedExceptionally();
    }

    /** Runs {@code action} once the validator is ready (at once if it is), on the thread that finished it. */
    public void whenReady(Runnable action) {
        validator.thenRun(action);
    }

    /**
     * Validates the entries in one collection Bundle; the answer has one list of errors per entry, in
     * order (empty = valid). Errors outside any entry count against every entry. Blocking.
     */
    public List<List<Issue>> validate(List<Entry> entries) {
        prepare();
        StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < entries.size(); i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"fullUrl\":").append(quoted(entries.get(i).fullUrl()))
                    .append(",\"resource\":").append(entries.get(i).resourceJson()).append('}');
        }
        bundle.append("]}");
        ValidationResult result = ready().validateWithResult(bundle.toString());
        List<List<Issue>> issues = new ArrayList<>();
        entries.forEach(e -> issues.add(new ArrayList<>()));
        for (SingleValidationMessage message : result.getMessages()) {
            if (message.getSeverity() != ResultSeverityEnum.ERROR
                    && message.getSeverity() != ResultSeverityEnum.FATAL) {
                continue;
            }
            String location = message.getLocationString() == null ? "Bundle" : message.getLocationString();
            Matcher entry = ENTRY.matcher(location);
            Issue issue = new Issue(RESOURCE_COMMENT.matcher(location).replaceAll(""),
                    message.getMessageId() == null ? "error" : message.getMessageId());
            if (entry.find() && Integer.parseInt(entry.group(1)) < entries.size()) {
                issues.get(Integer.parseInt(entry.group(1))).add(issue);
            } else {
                issues.forEach(list -> list.add(issue));
            }
        }
        return issues;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private FhirValidator ready() {
        try {
            return validator.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ValidationError.VALIDATOR_BUILD_INTERRUPTED.message(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    ValidationError.VALIDATOR_NOT_BUILT.message(e.getCause().getClass().getName()), e.getCause());
        }
    }
}
