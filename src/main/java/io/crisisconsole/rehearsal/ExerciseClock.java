package io.crisisconsole.rehearsal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The arithmetic of an exercise's clock: exercise time is {@code anchorAt} plus the time the clock
 * ran since {@code anchorWall} (the wall clock) multiplied by {@code speed} while running, and
 * {@code anchorAt} while paused or ended. Every change (pause, resume, speed, a step ahead) re-anchors
 * at the moment it happens, so exercise time never jumps back and earlier exercise times stay as
 * they were. Immutable; milliseconds.
 *
 * @param startedAt exercise time at the start (minute 0)
 */
public record ExerciseClock(ExerciseState state, int speed, Instant anchorWall, Instant anchorAt, Instant startedAt) {

    /** The speeds the clock offers: ×1, ×5, ×10, ×60. */
    public static final Set<Integer> SPEEDS = Set.of(1, 5, 10, 60);

    public ExerciseClock {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(anchorWall, "anchorWall");
        Objects.requireNonNull(anchorAt, "anchorAt");
        Objects.requireNonNull(startedAt, "startedAt");
        checkSpeed(speed);
    }

    /** A clock at minute 0 at {@code wall}, running or paused. */
    public static ExerciseClock start(Instant wall, int speed, boolean running) {
        return new ExerciseClock(running ? ExerciseState.RUNNING : ExerciseState.PAUSED, speed, wall, wall, wall);
    }

    /** Exercise time when the wall clock reads {@code wall} (a wall time before the anchor reads as the anchor). */
    public Instant now(Instant wall) {
        if (state != ExerciseState.RUNNING) {
            return anchorAt;
        }
        long ran = Math.max(0, Duration.between(anchorWall, wall).toMillis());
        return anchorAt.plusMillis(Math.multiplyExact(ran, speed));
    }

    /** How far into the exercise it is at {@code wall}. */
    public Duration elapsed(Instant wall) {
        return Duration.between(startedAt, now(wall));
    }

    /** Exercise time at minute {@code minutes} of the exercise. */
    public Instant atMinute(long minutes) {
        return startedAt.plus(Duration.ofMinutes(minutes));
    }

    public ExerciseClock pause(Instant wall) {
        requireNotEnded();
        return new ExerciseClock(ExerciseState.PAUSED, speed, wall, now(wall), startedAt);
    }

    public ExerciseClock resume(Instant wall) {
        requireNotEnded();
        return new ExerciseClock(ExerciseState.RUNNING, speed, wall, now(wall), startedAt);
    }

    public ExerciseClock withSpeed(Instant wall, int newSpeed) {
        requireNotEnded();
        return new ExerciseClock(state, newSpeed, wall, now(wall), startedAt);
    }

    /** Moves exercise time on to {@code at} (never back): the facilitator's step to the next inject. */
    public ExerciseClock advanceTo(Instant wall, Instant at) {
        requireNotEnded();
        Instant now = now(wall);
        return new ExerciseClock(state, speed, wall, at.isAfter(now) ? at : now, startedAt);
    }

    public ExerciseClock end(Instant wall) {
        return new ExerciseClock(ExerciseState.ENDED, speed, wall, now(wall), startedAt);
    }

    /** The wall time at which a running clock reaches exercise time {@code at}; null when it stands still. */
    public Instant wallWhen(Instant at) {
        if (state != ExerciseState.RUNNING) {
            return null;
        }
        long ahead = Math.max(0, Duration.between(anchorAt, at).toMillis());
        return anchorWall.plusMillis((ahead + speed - 1) / speed);
    }

    static void checkSpeed(int speed) {
        if (!SPEEDS.contains(speed)) {
            throw new IllegalArgumentException("the exercise clock runs at x1, x5, x10 or x60, not x" + speed);
        }
    }

    private void requireNotEnded() {
        if (state == ExerciseState.ENDED) {
            throw new IllegalStateException("the exercise is over: its clock no longer moves");
        }
    }
}
