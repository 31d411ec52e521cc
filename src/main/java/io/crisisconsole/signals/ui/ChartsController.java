package io.crisisconsole.signals.ui;

import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.signals.ChartFigures;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.time.Instant;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The charts pane of the case workspace ({@code workspace_charts.fxml}): three tabs, one chart
 * each, fed by {@link ChartsViewModel}. Axes in the UI language (times of day, grouped numbers);
 * each publication of the brand is a marked point with its channel on the mentions line.
 */
public final class ChartsController {

    private final ChartsViewModel vm;
    private final Messages messages;
    private final Formats formats;

    @FXML
    private LineChart<Number, Number> mentionsChart;
    @FXML
    private StackedAreaChart<Number, Number> sentimentChart;
    @FXML
    private LineChart<Number, Number> responsesChart;
    @FXML
    private Label emptyLabel;

    public ChartsController(ChartsViewModel vm, Messages messages, Formats formats) {
        this.vm = vm;
        this.messages = messages;
        this.formats = formats;
    }

    @FXML
    private void initialize() {
        for (XYChart<Number, Number> chart : List.<XYChart<Number, Number>>of(mentionsChart, sentimentChart,
                responsesChart)) {
            chart.setAnimated(false);
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.setForceZeroInRange(false);
            x.setAutoRanging(true);
            x.setTickLabelFormatter(converter(n -> formats.clock(Instant.ofEpochSecond(n.longValue()))));
            NumberAxis y = (NumberAxis) chart.getYAxis();
            y.setTickLabelFormatter(converter(n -> formats.number(Math.round(n.doubleValue()))));
        }
        NumberAxis share = (NumberAxis) sentimentChart.getYAxis();
        share.setAutoRanging(false);
        share.setLowerBound(0);
        share.setUpperBound(100);
        share.setTickUnit(25);
        share.setTickLabelFormatter(converter(n -> messages.get("charts.percent", n.doubleValue() / 100)));
        vm.mentionSeries().addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> showMentions());
        vm.sentimentSeries().addListener((ListChangeListener<XYChart.Series<Number, Number>>) c ->
                sentimentChart.getData().setAll(vm.sentimentSeries()));
        vm.responseSeries().addListener((ListChangeListener<XYChart.Series<Number, Number>>) c ->
                responsesChart.getData().setAll(vm.responseSeries()));
        vm.figuresProperty().addListener((o, a, f) -> {
            boolean empty = f == null || f.buckets().isEmpty();
            emptyLabel.setVisible(empty);
            emptyLabel.setManaged(empty);
            if (!empty) {
                scale(f);
            }
        });
        showMentions();
        sentimentChart.getData().setAll(vm.sentimentSeries());
        responsesChart.getData().setAll(vm.responseSeries());
    }

    /** Ticks on whole quarter hours (or half hours, hours...: at most about 12) and whole numbers. */
    private void scale(ChartFigures f) {
        long first = f.buckets().get(0).start().getEpochSecond();
        long last = f.buckets().get(f.buckets().size() - 1).start().getEpochSecond() + BUCKET_SECONDS;
        long tick = BUCKET_SECONDS;
        for (long t : TICKS) {
            tick = t;
            if ((last - first) / t <= 12) {
                break;
            }
        }
        for (XYChart<Number, Number> chart : List.<XYChart<Number, Number>>of(mentionsChart, sentimentChart,
                responsesChart)) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.setAutoRanging(false);
            x.setLowerBound(Math.floorDiv(first, tick) * tick);
            x.setUpperBound(Math.floorDiv(last + tick - 1, tick) * tick);
            x.setTickUnit(tick);
            x.setMinorTickCount(0);
        }
        long most = f.buckets().stream().mapToLong(b -> b.mentions()).max().orElse(0);
        wholeNumbers((NumberAxis) mentionsChart.getYAxis(), most);
        double slowest = f.buckets().stream().filter(b -> b.answered() > 0)
                .mapToDouble(b -> b.meanResponseSeconds() / 60).max().orElse(0);
        wholeNumbers((NumberAxis) responsesChart.getYAxis(), (long) Math.ceil(Math.max(slowest, f.targetMinutes())));
    }

    private static final long BUCKET_SECONDS = io.crisisconsole.signals.Detectors.BUCKET.getSeconds();
    private static final long[] TICKS = {900, 1800, 3600, 7200, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600};

    /** 0 to a round number above {@code max}, ticks of 1, 2 or 5 times a power of ten, at most about 10. */
    static void wholeNumbers(NumberAxis y, long max) {
        long step = 1;
        while (Math.max(1, max) / step > 10) {
            long s = step;
            step = s * 2;
            if (Math.max(1, max) / step > 10) {
                step = s * 5;
                if (Math.max(1, max) / step > 10) {
                    step = s * 10;
                }
            }
        }
        y.setAutoRanging(false);
        y.setLowerBound(0);
        // a tick above the highest value, so that its point is not drawn on the chart's edge
        y.setUpperBound((Math.max(1, max) / step + 1) * step);
        y.setTickUnit(step);
        y.setMinorTickCount(0);
    }

    private void showMentions() {
        ObservableList<XYChart.Series<Number, Number>> series = vm.mentionSeries();
        if (series.size() > 1) {
            for (XYChart.Data<Number, Number> point : series.get(1).getData()) {
                if (point.getExtraValue() instanceof DraftPublication p) {
                    String channel = messages.get(channelKey(p.channel().yamlName()));
                    Label marker = new Label(channel);
                    marker.getStyleClass().add("chart-publication");
                    Tooltip.install(marker, new Tooltip(messages.get("charts.mentions.publishedAt", channel,
                            formats.clock(p.publishedAt()))));
                    point.setNode(marker);
                }
            }
        }
        mentionsChart.getData().setAll(series);
    }

    /** {@code staff-memo} is {@code channel.staffMemo}, the composer's name of the channel. */
    static String channelKey(String yamlName) {
        StringBuilder key = new StringBuilder("channel.");
        boolean upper = false;
        for (char ch : yamlName.toCharArray()) {
            if (ch == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
                upper = false;
            }
        }
        return key.toString();
    }

    private static StringConverter<Number> converter(java.util.function.Function<Number, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : f.apply(n);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("axis labels are not read back");
            }
        };
    }
}
