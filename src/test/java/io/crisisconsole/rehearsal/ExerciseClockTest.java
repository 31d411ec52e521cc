package io.crisisconsole.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExerciseClockTest {

    static final Instant W = Instant.parse("2026-11-24T17:00:00Z");

    static Instant wall(long seconds) {
        return W.plusSeconds(seconds);
    }

    static long minute(ExerciseClock c, Instant wall) {
        return c.elapsed(wall).toSeconds();
    }

    @Test
    void runsAtItsSpeedAndStandsStillWhilePaused() {
        ExerciseClock c = ExerciseClock.start(W, 1, true);
        assertThat(minute(c, wall(90))).isEqualTo(90);
        c = c.pause(wall(90));
        assertThat(minute(c, wall(500))).isEqualTo(90);
        c = c.resume(wall(500));
        assertThat(minute(c, wall(510))).isEqualTo(100);
        // x60 from here: ten wall seconds are ten exercise minutes
        c = c.withSpeed(wall(510), 60);
        assertThat(minute(c, wall(520))).isEqualTo(100 + 600);
        c = c.withSpeed(wall(520), 5);
        assertThat(minute(c, wall(530))).isEqualTo(700 + 50);
        // a pause at x5 keeps x5 for the resume
        c = c.pause(wall(530)).resume(wall(1000));
        assertThat(c.speed()).isEqualTo(5);
        assertThat(minute(c, wall(1002))).isEqualTo(760);
    }

    @Test
    void aSpeedChangeWhilePausedTakesEffectOnResume() {
        ExerciseClock c = ExerciseClock.start(W, 1, false);
        assertThat(minute(c, wall(100))).isZero();
        c = c.withSpeed(wall(100), 10);
        assertThat(minute(c, wall(200))).isZero();
        c = c.resume(wall(200));
        assertThat(minute(c, wall(206))).isEqualTo(60);
    }

    @Test
    void advancesToAnInjectButNeverBack() {
        ExerciseClock c = ExerciseClock.start(W, 10, true);
        c = c.advanceTo(wall(6), c.atMinute(30));
        assertThat(c.now(wall(6))).isEqualTo(W.plus(Duration.ofMinutes(30)));
        // and runs on from there
        assertThat(c.now(wall(12))).isEqualTo(W.plus(Duration.ofMinutes(31)));
        ExerciseClock back = c.advanceTo(wall(12), c.atMinute(5));
        assertThat(back.now(wall(12))).isEqualTo(W.plus(Duration.ofMinutes(31)));
    }

    @Test
    void saysWhenTheWallClockReachesAnExerciseTime() {
        ExerciseClock c = ExerciseClock.start(W, 60, true);
        assertThat(c.wallWhen(c.atMinute(10))).isEqualTo(wall(10));
        assertThat(c.pause(wall(1)).wallWhen(c.atMinute(10))).isNull();
    }

    @Test
    void aWallClockSetBackDoesNotTurnExerciseTimeBack() {
        ExerciseClock c = ExerciseClock.start(W, 1, true).resume(wall(100));
        assertThat(c.now(wall(50))).isEqualTo(c.anchorAt());
    }

    @Test
    void refusesUnknownSpeedsAndMovingAnEndedClock() {
        assertThatThrownBy(() -> ExerciseClock.start(W, 2, true)).hasMessageContaining("x1, x5, x10 or x60");
        ExerciseClock ended = ExerciseClock.start(W, 1, true).end(wall(60));
        assertThat(ended.now(wall(600))).isEqualTo(wall(60));
        assertThatThrownBy(() -> ended.resume(wall(61))).isInstanceOf(IllegalStateException.class);
    }
}
