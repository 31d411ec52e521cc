package io.crisisconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchFigureTest {

    @Test
    void aFigureUnderItsCeilingPassesAndOneOverItMisses() {
        assertThat(BenchFigure.atMost("composer.keystroke-p99", 12.345, "ms", 16).line())
                .isEqualTo("FIGURE composer.keystroke-p99 12.3 ms target <= 16.0 ms PASS");
        assertThat(BenchFigure.atMost("review.html", 1234.4, "ms", 1000).line())
                .isEqualTo("FIGURE review.html 1234 ms target <= 1000 ms MISS");
        assertThat(BenchFigure.atLeast("import.rate", 3.5, "x", 2).passes()).isTrue();
        assertThat(BenchFigure.atLeast("import.rate", 1.5, "x", 2).passes()).isFalse();
    }

    @Test
    void aPrintedLineReadsBackAsTheSameFigure() {
        BenchFigure f = BenchFigure.atMost("startup.ratio", 0.82, "x", 1.3);
        assertThat(BenchFigure.parse(f.line())).contains(f);
        assertThat(BenchFigure.parse("  " + f.line() + "  ")).contains(f);
    }

    @Test
    void otherLinesAreNotFigures() {
        assertThat(BenchFigure.parse("pair 1: app 800 ms")).isEmpty();
        assertThat(BenchFigure.parse("FIGURE x 1 ms target <= 2 s PASS")).isEmpty();
        assertThat(BenchFigure.parse("FIGURE x 1 ms target == 2 ms PASS")).isEmpty();
    }

    @Test
    void aBadNameOrUnitIsRefused() {
        assertThatThrownBy(() -> BenchFigure.atMost("Has Space", 1, "ms", 2)).hasMessageContaining("Has Space");
        assertThatThrownBy(() -> BenchFigure.atMost("ok", 1, "m s", 2)).hasMessageContaining("m s");
    }
}
