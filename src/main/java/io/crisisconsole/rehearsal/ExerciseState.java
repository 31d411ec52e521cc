package io.crisisconsole.rehearsal;

/** Where an exercise's clock stands. Stored by name. */
public enum ExerciseState {
    /** Exercise time runs at the exercise's speed. */
    RUNNING,
    /** Exercise time stands still (injects wait; nothing expires). */
    PAUSED,
    /** Over: the clock stands still for good and the score is final. */
    ENDED
}
