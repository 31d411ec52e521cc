package io.crisisconsole.signals.ui;

import io.crisisconsole.composer.DraftPublication;
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
        });
        showMentions();
        sentimentChart.getData().setAll(vm.sentimentSeries());
        responsesChart.getData().setAll(vm.responseSeries());
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
