package io.crisisconsole.rehearsal;

import java.time.Instant;
import java.util.List;

/**
 * An exercise as the facilitator sees it: the scenario, the clock's reading, every inject and
 * expectation with where it stands.
 *
 * @param now exercise time when this was read
 */
public record ExerciseView(Exercise exercise, Scenario scenario, Instant now, List<InjectView> injects,
        List<ExpectationView> expectations) {

    public ExerciseView {
        injects = List.copyOf(injects);
        expectations = List.copyOf(expectations);
    }

    /**
     * An inject with its stored state.
     *
     * @param text what it says with the variables filled (the facilitator's edit when there is one)
     * @param total the posts it puts in the inbox when it has fired completely (a wave's count, a replay's rows)
     */
    public record InjectView(Scenario.Inject inject, InjectRow row, String text, int total) {
    }

    public record ExpectationView(Scenario.Expectation expectation, ExpectationRow row) {
    }

    /** The pending injects that have a due time, soonest first. */
    public List<InjectView> upcoming() {
        return injects.stream().filter(i -> i.row().state() == InjectState.PENDING && i.row().dueAt() != null)
                .sorted(java.util.Comparator.comparing((InjectView i) -> i.row().dueAt())
                        .thenComparingInt(i -> i.row().seq()))
                .toList();
    }

    /** Minutes of exercise time since the start. */
    public long minute() {
        return java.time.Duration.between(exercise.startedAt(), now).toMinutes();
    }
}
