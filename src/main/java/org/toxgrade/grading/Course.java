package org.toxgrade.grading;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The course of one syndrome: its spells in time order and its status as of the grading instant.
 *
 * @param deathAttributedAt set when a clinician attributed death to this syndrome; the last spell
 *                          then never resolves
 */
public record Course(CourseStatus status, List<Spell> spells, Optional<Instant> deathAttributedAt) {

    public Course {
        spells = List.copyOf(spells);
    }

    public Optional<Spell> latestSpell() {
        return spells.isEmpty() ? Optional.empty() : Optional.of(spells.get(spells.size() - 1));
    }
}
