package org.toxgrade.grading;

/**
 * The state of a syndrome as of the grading instant; maps onto Condition.clinicalStatus
 * (docs/clinical-rules.md section 4).
 */
public enum CourseStatus {
    /** No grade >= 1 so far. */
    NONE,
    /** The first spell has not resolved. */
    ACTIVE,
    /** A spell after a resolved one has not resolved. */
    RECURRENCE,
    /** The latest spell has resolved. */
    RESOLVED
}
