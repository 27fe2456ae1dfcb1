package org.toxgrade.grading;

import java.util.OptionalInt;

/** Shared {@link OptionalInt} values of the grades 0-5, so that grading thousands of instants allocates none. */
final class Grades {

    private static final OptionalInt[] VALUES = new OptionalInt[6];

    static {
        for (int g = 0; g <= 5; g++) {
            VALUES[g] = OptionalInt.of(g);
        }
    }

    private Grades() {
    }

    static OptionalInt of(int grade) {
        if (grade < 0 || grade > 5) {
            throw new IllegalArgumentException("grade must be 0-5, was " + grade);
        }
        return VALUES[grade];
    }
}
