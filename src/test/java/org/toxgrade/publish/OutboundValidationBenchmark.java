package org.toxgrade.publish;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.toxgrade.fhir.validation.OutboundValidator;

/**
 * What validating outbound write-backs costs per resource: one Condition + Provenance per call
 * (a dispatcher run with one due row) against a full claim batch of 25 rows (50 resources) per call.
 * A main, not a timed test: the numbers depend on the machine.
 *
 * <pre>./mvnw -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=org.toxgrade.publish.OutboundValidationBenchmark -Dexec.classpathScope=test</pre>
 */
public final class OutboundValidationBenchmark {

    private OutboundValidationBenchmark() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        OutboundValidator validator = new OutboundValidator(FhirContext.forR4());
        validator.prepare();
        List<OutboundValidator.Entry> one = entries(1);
        require(validator.validate(one));
        System.out.printf("validator built and warm:        %8.0f ms%n", ms(System.nanoTime() - started));

        double[] single = new double[30];
        for (int i = 0; i < single.length; i++) {
            long s = System.nanoTime();
            require(validator.validate(one));
            single[i] = ms(System.nanoTime() - s);
        }
        System.out.printf("1 row (Condition + Provenance):  %8.1f ms median per call, %.2f ms per resource%n",
                median(single), median(single) / 2);

        List<OutboundValidator.Entry> batch = entries(25);
        require(validator.validate(batch));
        double[] batches = new double[10];
        for (int i = 0; i < batches.length; i++) {
            long s = System.nanoTime();
            require(validator.validate(batch));
            batches[i] = ms(System.nanoTime() - s);
        }
        System.out.printf("25 rows (50 resources) per call: %8.1f ms median per call, %.2f ms per resource%n",
                median(batches), median(batches) / batch.size());
    }

    private static List<OutboundValidator.Entry> entries(int rows) {
        List<OutboundValidator.Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            OutboxRow row = new OutboxRow();
            row.resourceJson = Changes.condition("bench-" + i + "-crs", i % 5);
            row.provenanceJson = Changes.provenance();
            WriteBackBundle.Prepared prepared = WriteBackBundle.prepare(row);
            entries.add(new OutboundValidator.Entry(prepared.resourceUrl(), prepared.resource().toString()));
            entries.add(new OutboundValidator.Entry("urn:uuid:" + UUID.randomUUID(),
                    prepared.provenance().toString()));
        }
        return entries;
    }

    private static void require(List<List<OutboundValidator.Issue>> issues) {
        issues.stream().filter(list -> !list.isEmpty()).findFirst().ifPresent(list -> {
            throw new IllegalStateException("benchmark input is invalid: " + list);
        });
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
