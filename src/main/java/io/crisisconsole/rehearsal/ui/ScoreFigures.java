package io.crisisconsole.rehearsal.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.rehearsal.ExerciseScore;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Every figure of an {@link ExerciseScore} as lines of the Score tab (several figures, no single number). */
final class ScoreFigures {

    private final Messages messages;
    private final Formats formats;
    private final RehearsalTexts texts;

    ScoreFigures(Messages messages, Formats formats, RehearsalTexts texts) {
        this.messages = messages;
        this.formats = formats;
        this.texts = texts;
    }

    List<Label> figures(ExerciseScore s) {
        List<Label> out = new ArrayList<>();
        out.add(heading("rehearsal.score.firstResponse"));
        ExerciseScore.FirstResponse f = s.firstResponse();
        out.add(line("scoreFirstResponse", messages.get("rehearsal.score.firstResponse.figures", Map.of(
                "mentions", f.mentions(), "answered", f.answered(), "withinTarget", f.withinTarget(),
                "overdue", f.overdueUnanswered(),
                "median", f.medianSeconds() == null ? "\u2013" : formats.duration(Duration.ofSeconds(f.medianSeconds())),
                "p90", f.p90Seconds() == null ? "\u2013" : formats.duration(Duration.ofSeconds(f.p90Seconds())),
                "share", f.shareInTime() == null ? "\u2013" : formats.number(Math.round(f.shareInTime() * 100))))));
        out.add(line("scoreHolding", s.holdingStatementMinutes() == null
                ? messages.get("rehearsal.score.holding.none", Map.of("targetGiven", s.holdingStatementTargetMinutes() != null,
                        "target", s.holdingStatementTargetMinutes() == null ? 0 : s.holdingStatementTargetMinutes()))
                : messages.get("rehearsal.score.holding", Map.of("minutes", s.holdingStatementMinutes(),
                        "targetGiven", s.holdingStatementTargetMinutes() != null,
                        "target", s.holdingStatementTargetMinutes() == null ? 0 : s.holdingStatementTargetMinutes()))));
        out.add(heading("rehearsal.score.rhythm"));
        if (s.rhythm().isEmpty()) {
            out.add(line(null, messages.get("rehearsal.score.rhythm.none")));
        }
        for (ExerciseScore.Rhythm r : s.rhythm()) {
            out.add(line(null, messages.get("rehearsal.score.rhythm.channel", Map.of("channel", r.channel(),
                    "publications", r.publications(), "interval", r.intervalMinutes(),
                    "gapGiven", r.longestGapMinutes() != null,
                    "gap", r.longestGapMinutes() == null ? 0 : r.longestGapMinutes(), "late", r.late(),
                    "kept", r.kept()))));
        }
        out.add(heading("rehearsal.score.expectations"));
        ExerciseScore.Expectations x = s.expectations();
        out.add(line("scoreExpectations", messages.get("rehearsal.score.expectations.figures", Map.of("passed", x.passed(),
                "failed", x.failed(), "expired", x.expired(), "open", x.open()))));
        for (ExerciseScore.ExpectationResult r : x.each()) {
            out.add(line(null, messages.get("rehearsal.score.expectation", Map.of("text", r.text(),
                    "result", r.result() == null ? texts.expectationState(io.crisisconsole.rehearsal.ExpectationState.PENDING)
                            : texts.result(io.crisisconsole.rehearsal.Scenario.Result.fromYaml(r.result())),
                    "minuteGiven", r.minute() != null, "minute", r.minute() == null ? 0 : r.minute(),
                    "manual", r.manual()))));
        }
        out.add(heading("rehearsal.score.steps"));
        ExerciseScore.Steps st = s.steps();
        out.add(line("scoreSteps", messages.get("rehearsal.score.steps.figures", Map.of("total", st.total(),
                "done", st.done(), "doneLate", st.doneLate(), "skipped", st.skipped(), "open", st.open(),
                "openLate", st.openLate()))));
        out.add(heading("rehearsal.score.findings"));
        ExerciseScore.Findings fi = s.findings();
        out.add(line("scoreFindings", messages.get("rehearsal.score.findings.figures", Map.of(
                "publications", fi.publications(), "errors", fi.errors(), "warnings", fi.warnings()))));
        for (ExerciseScore.PublishedFinding p : fi.each()) {
            out.add(line(null, messages.get("rehearsal.score.finding", Map.of("channel", p.channel(),
                    "at", formats.dayClock(p.publishedAt()),
                    "message", p.message()))));
        }
        out.add(heading("rehearsal.score.unapproved"));
        if (s.publishedWithoutApproval().isEmpty()) {
            out.add(line("scoreUnapproved", messages.get("rehearsal.score.unapproved.none")));
        }
        for (ExerciseScore.Unapproved u : s.publishedWithoutApproval()) {
            out.add(line(null, messages.get("rehearsal.score.unapproved.item", formats.dayClock(u.at()), u.text())));
        }
        return out;
    }

    private Label heading(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private static Label line(String id, String text) {
        Label l = new Label(text);
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
