package org.toxgrade.grading;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The worst grade of one episode day (CLINICAL-SPEC section 4), with the first instant of that day
 * that reached it. Days without any assessment have no day grade.
 */
public record DayGrade(int day, LocalDate date, int grade, Instant setAt) {
}
