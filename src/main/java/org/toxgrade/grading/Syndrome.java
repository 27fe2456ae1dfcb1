package org.toxgrade.grading;

/** The two syndromes graded by the ASTCT 2019 consensus. */
public enum Syndrome {
    CRS, ICANS
}
