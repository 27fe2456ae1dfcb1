package org.toxgrade.grading.icaht;

/**
 * How the neutropenic periods of days 0-30 make the duration that grades early ICAHT. The consensus text does
 * not say whether separate periods are summed or the longest is kept (CLINICAL-SPEC section 9, "(check)").
 */
public enum PeriodJoin {
    /** The longest period's days (the default). */
    LONGEST,
    /** The days of all periods added up. */
    SUM
}
