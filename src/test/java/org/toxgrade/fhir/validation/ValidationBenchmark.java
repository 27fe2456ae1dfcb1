package org.toxgrade.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Prints what validation costs with the offline chain: the cold first validation, a warm
 * single resource per call, and about 50 resources in one collection Bundle. A main, not a
 * timed test, because the numbers depend on the machine and on what else runs on it.
 *
 * <pre>./mvnw -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=org.toxgrade.fhir.validation.ValidationBenchmark -Dexec.classpathScope=test</pre>
 */
public final class ValidationBenchmark {

    private static final int WARM_ROUNDS = 30;
    private static final int BUNDLE_SIZE = 50;

    private ValidationBenchmark() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        FhirContext ctx = FhirContext.forR4();
        long t1 = System.nanoTime();
        ProfilePackage profilePackage = ProfilePackage.load(ctx);
        long t2 = System.nanoTime();
        FhirValidator validator = ProfileValidatorFactory.create(ctx, profilePackage);
        long t3 = System.nanoTime();
        Resource condition = example(profilePackage, "Condition-crs-pres-case.json");
        ValidationResult first = validator.validateWithResult(condition);
        long t4 = System.nanoTime();
        requireValid(first, "first validation");

        System.out.printf("FhirContext.forR4:               %8.1f ms%n", ms(t1 - t0));
        System.out.printf("ProfilePackage.load (%d files):  %8.1f ms%n",
                profilePackage.conformanceFiles().size() + profilePackage.exampleFiles().size(), ms(t2 - t1));
        System.out.printf("ProfileValidatorFactory.create:  %8.1f ms%n", ms(t3 - t2));
        System.out.printf("cold first validation:           %8.1f ms  (Condition; loads core definitions, snapshots)%n",
                ms(t4 - t3));

        // The first Flag/Provenance/Observation also pay for their own snapshots and ValueSets.
        for (ProfilePackage.PackageFile file : profilePackage.exampleFiles()) {
            validator.validateWithResult(file.resource());
        }

        double[] single = new double[WARM_ROUNDS];
        for (int i = 0; i < WARM_ROUNDS; i++) {
            long s = System.nanoTime();
            requireValid(validator.validateWithResult(condition), "warm validation");
            single[i] = ms(System.nanoTime() - s);
        }
        System.out.printf("warm single resource:            %8.1f ms median, %.1f ms min (%d calls, Condition)%n",
                median(single), Arrays.stream(single).min().orElseThrow(), WARM_ROUNDS);

        Bundle bundle = collection(profilePackage);
        requireValid(validator.validateWithResult(bundle), "bundle validation");
        double[] bundles = new double[10];
        for (int i = 0; i < bundles.length; i++) {
            long s = System.nanoTime();
            validator.validateWithResult(bundle);
            bundles[i] = ms(System.nanoTime() - s);
        }
        double perBundle = median(bundles);
        System.out.printf(
                "collection Bundle of %d:         %8.1f ms median per Bundle, %.2f ms per resource (%d runs)%n",
                bundle.getEntry().size(), perBundle, perBundle / bundle.getEntry().size(), bundles.length);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after runs:            %8d MB%n",
                (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }

    private static Bundle collection(ProfilePackage profilePackage) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        List<ProfilePackage.PackageFile> examples = profilePackage.exampleFiles();
        for (int i = 0; i < BUNDLE_SIZE; i++) {
            Resource copy = ((Resource) examples.get(i % examples.size()).resource()).copy();
            copy.setId(copy.getIdElement().getIdPart() + "-" + i);
            bundle.addEntry().setFullUrl("urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", i))
                    .setResource(copy);
        }
        return bundle;
    }

    private static Resource example(ProfilePackage profilePackage, String fileName) {
        return (Resource) profilePackage.exampleFiles().stream()
                .filter(f -> f.fileName().equals(fileName)).findFirst().orElseThrow().resource();
    }

    private static void requireValid(ValidationResult result, String what) {
        List<String> errors = new ArrayList<>();
        result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ca.uhn.fhir.validation.ResultSeverityEnum.ERROR.ordinal())
                .forEach(m -> errors.add(m.getLocationString() + ": " + m.getMessage()));
        if (!errors.isEmpty()) {
            throw new IllegalStateException(what + " failed: " + errors);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
