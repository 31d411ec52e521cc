package io.crisisconsole.signals.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.MentionBuckets;
import io.crisisconsole.signals.ChartFigures;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import io.crisisconsole.toolkit.ui.Ticker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The workspace charts of the selected case: mentions per 15 minutes with the brand's publications
 * marked, the sentiment share per bucket, and the first-response times against the target. Fed
 * buckets counted in the database ({@link ChartFigures}), read in the background when the case
 * changes, after {@link #refresh()} (mentions imported or answered) at most every
 * {@value #AT_MOST_EVERY_SECONDS} seconds, and every {@value #EVERY_SECONDS} seconds as the
 * bucket in progress fills. The x values are epoch seconds of the bucket starts (the axes format them).
 */
public final class ChartsViewModel {

    public static final int AT_MOST_EVERY_SECONDS = 3;
    public static final int EVERY_SECONDS = 60;

    private final InboxService inbox;
    private final DraftService drafts;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final ReadOnlyObjectProperty<CrisisCase> selected;
    private final Ticker ticker;
    private final java.util.function.BiFunction<CrisisCase, Instant, Instant> caseNow;
    private final ReadOnlyObjectWrapper<ChartFigures> figures = new ReadOnlyObjectWrapper<>();
    private final ObservableList<XYChart.Series<Number, Number>> mentions = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> sentiment = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> responses = FXCollections.observableArrayList();
    private boolean running;
    private boolean dirty = true;
    private long lastRun = Long.MIN_VALUE / 2;

    public ChartsViewModel(InboxService inbox, DraftService drafts, TaskRunner tasks, Notifier notifier,
            Messages messages, ReadOnlyObjectProperty<CrisisCase> selected, Ticker ticker) {
        this(inbox, drafts, tasks, notifier, messages, selected, ticker, (c, wall) -> wall);
    }

    /** @param caseNow the time of a case's charts from the ticker's (an exercise's own time) */
    public ChartsViewModel(InboxService inbox, DraftService drafts, TaskRunner tasks, Notifier notifier,
            Messages messages, ReadOnlyObjectProperty<CrisisCase> selected, Ticker ticker,
            java.util.function.BiFunction<CrisisCase, Instant, Instant> caseNow) {
        this.caseNow = caseNow;
        this.inbox = inbox;
        this.drafts = drafts;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.selected = selected;
        this.ticker = ticker;
        selected.addListener((o, a, c) -> {
            if (a == null || c == null || a.id() != c.id()) {
                show(null);
                loadNow();
            }
        });
        ticker.nowProperty().addListener((o, a, now) -> tick(now.longValue()));
    }

    /** Mentions were imported or answered, or a message published: read the figures again soon. */
    public void refresh() {
        dirty = true;
        tick(ticker.now().toEpochMilli());
    }

    private void tick(long now) {
        if (running || selected.get() == null) {
            return;
        }
        long since = now - lastRun;
        if (since >= EVERY_SECONDS * 1000L || (dirty && since >= AT_MOST_EVERY_SECONDS * 1000L)) {
            loadNow();
        }
    }

    /** Reads the selected case's figures now, in the background. */
    public void loadNow() {
        CrisisCase c = selected.get();
        if (c == null) {
            return;
        }
        if (running) {
            dirty = true;
            return;
        }
        running = true;
        dirty = false;
        lastRun = ticker.now().toEpochMilli();
        // an exercise's charts run up to its own time
        Instant now = caseNow.apply(c, ticker.now());
        long id = c.id();
        tasks.run(messages.get("charts.task.load"), () -> ChartFigures.load(inbox, drafts, id, now), f -> {
            running = false;
            if (selected.get() != null && selected.get().id() == id) {
                show(f);
            }
            if (dirty) {
                loadNow();
            }
        }, t -> {
            running = false;
            notifier.failed(messages.get("charts.failed.load"), t);
        });
    }

    private void show(ChartFigures f) {
        figures.set(f);
        List<MentionBuckets.Bucket> buckets = f == null ? List.of() : f.buckets();
        XYChart.Series<Number, Number> count = series(messages.get("charts.mentions.series"));
        XYChart.Series<Number, Number> published = series(messages.get("charts.mentions.published"));
        XYChart.Series<Number, Number> positive = series(messages.get("charts.sentiment.positive"));
        XYChart.Series<Number, Number> neutral = series(messages.get("charts.sentiment.neutral"));
        XYChart.Series<Number, Number> negative = series(messages.get("charts.sentiment.negative"));
        XYChart.Series<Number, Number> mean = series(messages.get("charts.responses.mean"));
        XYChart.Series<Number, Number> target = series(messages.get("charts.responses.target"));
        long width = io.crisisconsole.signals.Detectors.BUCKET.getSeconds();
        for (MentionBuckets.Bucket b : buckets) {
            long x = b.start().getEpochSecond();
            count.getData().add(new XYChart.Data<>(x, b.mentions()));
            long known = b.withSentiment();
            if (known > 0) {
                // a bucket with no known sentiment has no share: no point, rather than a drop to 0 %
                negative.getData().add(new XYChart.Data<>(x, 100.0 * b.negative() / known));
                neutral.getData().add(new XYChart.Data<>(x, 100.0 * b.neutral() / known));
                positive.getData().add(new XYChart.Data<>(x, 100.0 * b.positive() / known));
            }
            if (b.answered() > 0) {
                mean.getData().add(new XYChart.Data<>(x, b.meanResponseSeconds() / 60.0));
            }
        }
        if (f != null && !buckets.isEmpty()) {
            for (DraftPublication p : f.publications()) {
                long at = p.publishedAt().getEpochSecond();
                long start = buckets.get(0).start().getEpochSecond();
                int i = (int) Math.min(buckets.size() - 1, Math.max(0, (at - start) / width));
                XYChart.Data<Number, Number> point = new XYChart.Data<>(at, buckets.get(i).mentions());
                point.setExtraValue(p);
                published.getData().add(point);
            }
            target.getData().add(new XYChart.Data<>(buckets.get(0).start().getEpochSecond(), f.targetMinutes()));
            target.getData().add(new XYChart.Data<>(buckets.get(buckets.size() - 1).start().getEpochSecond() + width,
                    f.targetMinutes()));
        }
        mentions.setAll(count, published);
        sentiment.setAll(negative, neutral, positive);
        responses.setAll(mean, target);
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.setData(FXCollections.observableArrayList(new ArrayList<>()));
        return s;
    }

    /** The figures shown (null before the first read or without a case). */
    public ReadOnlyObjectProperty<ChartFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** The mentions per bucket, then the publications (a point per publication, its {@link DraftPublication} as extra value). */
    public ObservableList<XYChart.Series<Number, Number>> mentionSeries() {
        return mentions;
    }

    /** Negative, neutral and positive (stacked in that order) in percent of the mentions with a known sentiment, per bucket that has any. */
    public ObservableList<XYChart.Series<Number, Number>> sentimentSeries() {
        return sentiment;
    }

    /** The mean first response in minutes per bucket with answered mentions, then the target as a line. */
    public ObservableList<XYChart.Series<Number, Number>> responseSeries() {
        return responses;
    }
}
