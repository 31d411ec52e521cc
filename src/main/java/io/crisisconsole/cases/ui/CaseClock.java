package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.toolkit.ui.Ticker;
import java.time.Instant;
import java.util.Objects;

/**
 * The time a case's countdowns show: the ticker's for a real case (exactly as before), the
 * exercise's own time for an exercise's case ({@link CaseService#now(long)}: paused, or running ×60).
 * The one place the panes of a case ask; none reads the ticker for a case by itself.
 */
public final class CaseClock {

    private final CaseService cases;
    private final Ticker ticker;

    public CaseClock(CaseService cases, Ticker ticker) {
        this.cases = Objects.requireNonNull(cases, "cases");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /** Now for the countdowns of {@code c} (the ticker's time when there is no case). */
    public Instant now(CrisisCase c) {
        return now(c, ticker.now());
    }

    /** Now for the countdowns of {@code c}, with {@code wall} for a real case (or none). */
    public Instant now(CrisisCase c, Instant wall) {
        return c == null || !c.exercise() ? wall : cases.now(c.id());
    }

    /** The ticker the countdowns move on. */
    public Ticker ticker() {
        return ticker;
    }
}
