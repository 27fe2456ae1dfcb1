package org.toxgrade.grading;

/**
 * The columns of the ASTCT 2019 grading tables: the CRS parameters (fever, hypotension, hypoxia)
 * and the five ICANS domains (ICE or, for children, CAPD; level of consciousness; seizure; motor
 * findings; raised ICP / cerebral oedema). {@link #DEATH} stands for the grade 5 row of both tables.
 */
public enum Domain {
    FEVER, HYPOTENSION, HYPOXIA,
    ICE, CAPD, CONSCIOUSNESS, SEIZURE, MOTOR, RAISED_ICP,
    DEATH
}
