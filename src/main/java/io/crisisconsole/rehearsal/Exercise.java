package io.crisisconsole.rehearsal;

import java.time.Instant;

/**
 * An exercise as stored: the scenario it runs (its YAML as read at the start) and its clock.
 *
 * @param caseId the exercise's own case
 * @param scenarioFile where the scenario was read from (replay files are found beside it), or null
 * @param facts the scenario's variables as they stand now (fact changes update them), as JSON
 */
public record Exercise(long caseId, String scenarioId, String language, String scenarioTitle, String scenarioFile,
        String scenarioYaml, ExerciseState state, int speed, Instant anchorWall, Instant anchorAt, Instant startedAt,
        Instant endedAt, String facts, String facilitator, int version) {

    public ExerciseClock clock() {
        return new ExerciseClock(state, speed, anchorWall, anchorAt, startedAt);
    }
}
