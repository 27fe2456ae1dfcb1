/**
 * FHIR resources from the EHR to the clinical facts the grading reads (docs/architecture.md, package
 * {@code facts}; contract: docs/clinical-rules.md sections 1, 7 and 8).
 *
 * <ul>
 *   <li>{@link org.toxgrade.facts.Terminology}: built once from the package ValueSets and an
 *       optional site ConceptMap; places codes in {@link org.toxgrade.facts.Concept}s.</li>
 *   <li>{@link org.toxgrade.facts.FactMapper#map}: one resource to a
 *       {@link org.toxgrade.facts.FactExtraction} (facts, context facts, infusion, birth date,
 *       retraction, unknown codes) or a {@link org.toxgrade.facts.FactMappingException} with a
 *       {@code TG-FACT-0xx} code and a FHIRPath.</li>
 *   <li>{@link org.toxgrade.facts.FactCodec}: kind + JSON for storage.</li>
 *   <li>{@link org.toxgrade.facts.EpisodeFactsAssembler}: a patient's stored facts to the
 *       grading's {@code EpisodeFacts}, pairing what arrives separately.</li>
 * </ul>
 *
 * Fact ids follow {@link org.toxgrade.facts.FactIds}. Statements that a patient is developmentally
 * unable to do the ICE are a state from their time on: {@link org.toxgrade.facts.PatientFacts} keeps
 * them apart from the other facts so that they are never cut to an episode's window. Not yet in the
 * contract: CAPD item scores (the CAPD is read as a total).
 */
package org.toxgrade.facts;
