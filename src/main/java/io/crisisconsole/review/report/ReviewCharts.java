package io.crisisconsole.review.report;

import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The three charts of the review report (issue #13 item 2), drawn by JFreeChart as vectors: to SVG
 * for the HTML ({@link #svg}) and onto the PDF's own graphics ({@link #draw}). Mentions per 15
 * minutes as bars with a line per publication (its channel as label); sentiment per 15 minutes
 * stacked; the mean first response per 15 minutes against the complaint-reply target. Texts from the
 * messages, in the bundled DejaVu Sans (Cyrillic, Polish, Spanish).
 */
public final class ReviewCharts {

    public static final String MENTIONS = "mentions";
    public static final String SENTIMENT = "sentiment";
    public static final String RESPONSES = "responses";
    public static final List<String> NAMES = List.of(MENTIONS, SENTIMENT, RESPONSES);

    /** The size the charts are laid out at (CSS pixels; the HTML scales them, the PDF fits them to the box). */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 340;

    private static final long BUCKET_MILLIS = 15 * 60 * 1000L;
    private static final Color BARS = new Color(0x3B, 0x6E, 0xA8);
    private static final Color MARKER = new Color(0xC0, 0x50, 0x20);
    private static final Color POSITIVE = new Color(0x2E, 0x8B, 0x57);
    private static final Color NEUTRAL = new Color(0x9A, 0xA5, 0xB1);
    private static final Color NEGATIVE = new Color(0xC6, 0x28, 0x28);
    private static final Color UNKNOWN = new Color(0xD9, 0xDE, 0xE3);

    private ReviewCharts() {
    }

    /** The chart {@code name} of the report. */
    public static JFreeChart chart(String name, ReviewReport report, Messages messages, Formats formats) {
        JFreeChart chart = switch (name) {
            case MENTIONS -> mentions(report, messages, formats);
            case SENTIMENT -> sentiment(report, messages, formats);
            case RESPONSES -> responses(report, messages, formats);
            default -> throw new IllegalArgumentException("unknown chart '" + name + "' (" + NAMES + ")");
        };
        // the theme first: it resets the series' paints
        theme().apply(chart);
        paint(name, chart.getXYPlot());
        chart.setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setDomainGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
        chart.getXYPlot().setRangeGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
        if (name.equals(MENTIONS)) {
            addPublications(chart.getXYPlot(), report);
        }
        return chart;
    }

    /** The chart as an inline {@code <svg>} element; {@code id} keeps its clip paths apart from the other charts'. */
    public static String svg(JFreeChart chart, String id) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    /** Draws the chart into a box of {@code width} × {@code height} at the origin, scaled from the layout size. */
    public static void draw(JFreeChart chart, Graphics2D g, double width, double height) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            double scale = width / WIDTH;
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, height / scale));
        } finally {
            g2.dispose();
        }
    }

    private static JFreeChart mentions(ReviewReport report, Messages messages, Formats formats) {
        XYSeries series = new XYSeries(messages.get("review.report.chart.mentions.series"), false, true);
        for (ReviewReport.Bucket b : report.charts().mentionsPer15Minutes()) {
            series.add(b.start().toEpochMilli(), b.mentions());
        }
        XYSeriesCollection data = new XYSeriesCollection(series);
        data.setIntervalWidth(BUCKET_MILLIS);
        data.setIntervalPositionFactor(0);
        XYBarRenderer bars = new XYBarRenderer(0.1);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        XYPlot plot = new XYPlot(data, timeAxis(messages, formats),
                countAxis(messages.get("review.report.chart.mentions.axis")), bars);
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static JFreeChart sentiment(ReviewReport report, Messages messages, Formats formats) {
        XYSeries positive = new XYSeries(messages.get("inbox.sentiment.positive"), true, false);
        XYSeries neutral = new XYSeries(messages.get("inbox.sentiment.neutral"), true, false);
        XYSeries negative = new XYSeries(messages.get("inbox.sentiment.negative"), true, false);
        XYSeries unknown = new XYSeries(messages.get("inbox.sentiment.unknown"), true, false);
        for (ReviewReport.Bucket b : report.charts().mentionsPer15Minutes()) {
            long x = b.start().toEpochMilli();
            positive.addOrUpdate(x, b.positive());
            neutral.addOrUpdate(x, b.neutral());
            negative.addOrUpdate(x, b.negative());
            unknown.addOrUpdate(x, b.unknown());
        }
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        data.addSeries(positive);
        data.addSeries(neutral);
        data.addSeries(negative);
        data.addSeries(unknown);
        data.setIntervalWidth(BUCKET_MILLIS);
        data.setIntervalPositionFactor(0);
        StackedXYBarRenderer bars = new StackedXYBarRenderer(0.1);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        XYPlot plot = new XYPlot(data, timeAxis(messages, formats),
                countAxis(messages.get("review.report.chart.mentions.axis")), bars);
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static JFreeChart responses(ReviewReport report, Messages messages, Formats formats) {
        XYSeries series = new XYSeries(messages.get("review.report.chart.responses.series"), false, true);
        for (ReviewReport.Bucket b : report.charts().mentionsPer15Minutes()) {
            if (b.meanResponseSeconds() != null) {
                series.add(b.start().toEpochMilli() + BUCKET_MILLIS / 2, b.meanResponseSeconds() / 60.0);
            }
        }
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        NumberAxis minutes = new NumberAxis(messages.get("review.report.chart.responses.axis"));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), timeAxis(messages, formats), minutes, line);
        Integer target = report.charts().complaintReplyTargetMinutes();
        if (target != null) {
            ValueMarker m = new ValueMarker(target, NEGATIVE, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            m.setLabel(messages.get("review.report.chart.responses.target", target));
            m.setLabelFont(ReportFonts.chartFont(Font.PLAIN, 11f));
            m.setLabelPaint(NEGATIVE);
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
            // keep the target line in view when every response was quicker
            minutes.setAutoRangeIncludesZero(true);
            double highest = series.getItemCount() == 0 ? 0 : series.getMaxY();
            minutes.setRange(0, Math.max(highest, target) * 1.15 + 1);
        }
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static void paint(String name, XYPlot plot) {
        switch (name) {
            case MENTIONS -> plot.getRenderer().setSeriesPaint(0, BARS);
            case SENTIMENT -> {
                plot.getRenderer().setSeriesPaint(0, POSITIVE);
                plot.getRenderer().setSeriesPaint(1, NEUTRAL);
                plot.getRenderer().setSeriesPaint(2, NEGATIVE);
                plot.getRenderer().setSeriesPaint(3, UNKNOWN);
            }
            default -> {
                plot.getRenderer().setSeriesPaint(0, BARS);
                plot.getRenderer().setSeriesStroke(0, new BasicStroke(2f));
            }
        }
    }

    private static void addPublications(XYPlot plot, ReviewReport report) {
        for (ReviewReport.Marker p : report.charts().publications()) {
            ValueMarker m = new ValueMarker(p.at().toEpochMilli(), MARKER, new BasicStroke(1.2f));
            m.setLabel(p.channelLabel());
            m.setLabelFont(ReportFonts.chartFont(Font.PLAIN, 10f));
            m.setLabelPaint(MARKER);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
    }

    private static DateAxis timeAxis(Messages messages, Formats formats) {
        DateAxis axis = new DateAxis(messages.get("review.report.chart.time.axis", formats.zone().getId()),
                TimeZone.getTimeZone(formats.zone()), formats.locale());
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.01);
        return axis;
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("review");
        theme.setExtraLargeFont(ReportFonts.chartFont(Font.BOLD, 16f));
        theme.setLargeFont(ReportFonts.chartFont(Font.BOLD, 13f));
        theme.setRegularFont(ReportFonts.chartFont(Font.PLAIN, 12f));
        theme.setSmallFont(ReportFonts.chartFont(Font.PLAIN, 10f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        return theme;
    }
}
