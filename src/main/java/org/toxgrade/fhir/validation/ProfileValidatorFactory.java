package org.toxgrade.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Builds the offline FHIR validator of the service: one thread-safe {@link FhirValidator} that
 * knows R4 core and the ToxGrade package, and never calls a terminology server.
 *
 * <p>Chain, first answer wins:
 * <ol>
 *   <li>the ToxGrade package (profiles, CodeSystems, ValueSets, ConceptMaps),</li>
 *   <li>R4 core definitions ({@link DefaultProfileValidationSupport}),</li>
 *   <li>UCUM, ISO language/currency/country and MIME codes ({@link CommonCodeSystemsTerminologyService}),</li>
 *   <li>in-memory expansion and validation of any ValueSet/CodeSystem the chain holds,</li>
 *   <li>snapshot generation for our differential-only profiles,</li>
 *   <li>a last resort for code systems nobody in the chain holds (LOINC, RxNorm, ICD-10-CM,
 *       SNOMED CT): it answers with a WARNING instead of an ERROR, because these cannot be
 *       checked offline. Codes of ToxGrade's own CodeSystems are always checked.</li>
 * </ol>
 *
 * <p>{@link ValidationSupportChain} caches lookups itself in HAPI FHIR 8 (it replaced the
 * deprecated {@code CachingValidationSupport}); the default cache configuration is used.
 */
public final class ProfileValidatorFactory {

    private ProfileValidatorFactory() {
    }

    /** The validator for the package on the classpath. Build once per process and share it. */
    public static FhirValidator create(FhirContext ctx) {
        return create(ctx, ProfilePackage.load(ctx));
    }

    public static FhirValidator create(FhirContext ctx, ProfilePackage profilePackage) {
        return create(ctx, createValidationSupport(ctx, profilePackage));
    }

    /** A validator over an already built support chain (e.g. shared with the terminology mapping). */
    public static FhirValidator create(FhirContext ctx, IValidationSupport validationSupport) {
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(validationSupport);
        // A resource that names a profile we do not know is an error, not a silent pass.
        instanceValidator.setErrorForUnknownProfiles(true);
        // Extensions of the EHR that we have no definition for must not fail a resource.
        instanceValidator.setAnyExtensionsAllowed(true);
        FhirValidator validator = ctx.newValidator();
        validator.registerValidatorModule(instanceValidator);
        return validator;
    }

    /** The offline support chain; also usable for ValueSet expansion and code look-ups. */
    public static ValidationSupportChain createValidationSupport(FhirContext ctx, ProfilePackage profilePackage) {
        if (ctx.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new IllegalArgumentException(ValidationError.PACKAGE_NOT_R4.message(ctx.getVersion().getVersion()));
        }
        PrePopulatedValidationSupport packageSupport = new PrePopulatedValidationSupport(ctx);
        profilePackage.conformanceFiles().forEach(file -> packageSupport.addResource(file.resource()));

        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(
                ctx);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);

        return new ValidationSupportChain(
                ValidationSupportChain.CacheConfiguration.defaultValues(),
                packageSupport,
                new DefaultProfileValidationSupport(ctx),
                new CommonCodeSystemsTerminologyService(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx),
                new SnapshotGeneratingValidationSupport(ctx),
                unknownCodeSystems);
    }
}
