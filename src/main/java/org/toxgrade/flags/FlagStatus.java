package org.toxgrade.flags;

/**
 * Whether an occurrence of a flag still holds as of the evaluation instant. Maps onto FHIR
 * {@code Flag.status} {@code active} / {@code inactive}; a flag that stops holding becomes
 * inactive with an end to its period and is never deleted (docs/clinical-rules.md section 5).
 */
public enum FlagStatus {

    ACTIVE, INACTIVE;

    public String code() {
        return this == ACTIVE ? "active" : "inactive";
    }
}
