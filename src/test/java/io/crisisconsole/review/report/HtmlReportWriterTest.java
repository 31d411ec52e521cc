package io.crisisconsole.review.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.testsupport.English;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static final List<String> SECTIONS = List.of("summary", "key-times", "impact", "timeline", "published",
            "sla", "charts", "plan", "changes", "exercise", "external");

    @Test
    void everySectionIsThereInOrderAndTheContentsLinkToThem() throws IOException {
        Document doc = Jsoup.parse(html(SampleReports.full()));

        List<String> ids = doc.select("section > h2[id]").eachAttr("id");
        assertThat(ids).containsExactlyElementsOf(SECTIONS);
        List<String> toc = doc.select("nav.toc a").eachAttr("href");
        assertThat(toc).containsExactlyElementsOf(SECTIONS.stream().map(s -> "#" + s).toList());
        assertThat(doc.getElementById("cover").text()).contains("EXERCISE", "Crisis review: Payment outage",
                "Service outage, version 4 (en)", "Marta Kowalska, 3 Dec 2026");
        for (Element a : doc.select("a[href^=#]")) {
            assertThat(doc.getElementById(a.attr("href").substring(1))).as(a.attr("href")).isNotNull();
        }
        assertThat(doc.title()).isEqualTo("Crisis review: Payment outage / " + SampleReports.RUSSIAN);
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void aRealCaseHasNoExerciseSectionNorMark() throws IOException {
        Document doc = Jsoup.parse(html(SampleReports.real()));

        assertThat(doc.select("section > h2[id]").eachAttr("id")).doesNotContain("exercise").hasSize(SECTIONS.size() - 1);
        assertThat(doc.select(".exercise")).isEmpty();
    }

    @Test
    void hostileTextStaysTextAndNothingCanRun() throws IOException {
        String html = html(SampleReports.full());
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("b")).isEmpty();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as(e.tagName()).doesNotStartWith("on");
                assertThat(a.getValue().toLowerCase()).as(e.tagName() + " " + a.getKey()).doesNotContain("javascript:");
            }
        }
        assertThat(doc.select("style")).hasSize(1);
        assertThat(doc.select("style").first().data()).doesNotContain("alert");
        assertThat(section(doc, "summary").text()).contains("Update rhythm on X slipped " + SampleReports.ATTRIBUTE);
        assertThat(section(doc, "impact").text()).contains(SampleReports.SCRIPT, SampleReports.STYLE_BREAK,
                "& <b>bold</b>");
        // the javascript: hub link is shown, not linked
        assertThat(doc.getElementById("cover").text()).contains(SampleReports.JS_URL);
        assertThat(doc.select("#cover a")).isEmpty();
    }

    @Test
    void theFileIsSelfContainedButForTheCasesOwnHubLink() throws IOException {
        Document doc = Jsoup.parse(html(SampleReports.real()));

        assertThat(doc.select("[src]")).isEmpty();
        assertThat(doc.select("link, iframe, img, object, embed, form, base")).isEmpty();
        List<String> external = doc.select("[href]").eachAttr("href").stream().filter(h -> !h.startsWith("#"))
                .toList();
        assertThat(external).containsExactly("https://example.com/status?a=1&b=2");
        assertThat(doc.selectFirst("#cover a").attr("rel")).contains("noopener");
        assertThat(doc.select("style").first().data()).doesNotContain("url(", "@import");
        Element csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertThat(csp).isNotNull();
        assertThat(csp.attr("content")).contains("default-src 'none'", "script-src 'none'");
    }

    @Test
    void theTimelineShowsEveryEntryWithItsCorrectionsBesideItAndFiltersByKindWithoutScript() throws IOException {
        ReviewReport report = SampleReports.full();
        Document doc = Jsoup.parse(html(report));

        assertThat(doc.select(".tl > .e")).hasSize(report.timeline().size());
        Element corrected = doc.getElementById("e-5");
        assertThat(corrected.select(".c").text()).contains("Correction by Ana Núñez",
                "Correction: the queue was 25 minutes");
        Element correction = doc.getElementById("e-10");
        assertThat(correction.selectFirst("a.cx").attr("href")).isEqualTo("#e-5");
        // one checkbox and label per kind; the CSS hides an unticked kind
        List<String> kinds = report.timeline().stream().map(ReviewReport.TimelineRow::kind).distinct().toList();
        assertThat(doc.select("input.tf[type=checkbox]").eachAttr("id"))
                .containsExactlyElementsOf(kinds.stream().map(k -> "f-" + k).toList());
        assertThat(doc.select(".filter label").eachAttr("for")).containsExactlyElementsOf(
                kinds.stream().map(k -> "f-" + k).toList());
        String css = doc.select("style").first().data();
        kinds.forEach(k -> assertThat(css).contains("#f-" + k + ":not(:checked)~.tl .k-" + k + "{display:none}"));
        assertThat(doc.select(".tl .k-NOTE")).hasSize((int) report.timeline().stream()
                .filter(r -> r.kind().equals("NOTE")).count());
    }

    @Test
    void languagesArriveExactly() throws IOException {
        Document doc = Jsoup.parse(html(SampleReports.full()));

        assertThat(section(doc, "summary").select(".pre").first().wholeText()).isEqualTo(
                SampleReports.RUSSIAN + "\n" + SampleReports.POLISH + "\n" + SampleReports.SPANISH);
        assertThat(section(doc, "external").text()).contains(SampleReports.SPANISH, SampleReports.RUSSIAN,
                SampleReports.POLISH);
    }

    @Test
    void variantsStandSideBySidePerChannelWithApproverAndFindings() throws IOException {
        Document doc = Jsoup.parse(html(SampleReports.full()));

        List<Element> tables = doc.select(".s-published table.variants");
        assertThat(tables).hasSize(2);
        Element x = tables.get(0);
        assertThat(x.select("tr").first().select("th")).hasSize(3);
        assertThat(x.text()).contains("Holding statement (version 2)", "Update 1 (version 1)",
                "Marta Kowalska, 30 Nov 2026", "Published without approval", "Sounds like blame",
                "The time differs from the website");
        assertThat(tables.get(1).text()).contains("No findings");
    }

    @Test
    void slaPlanChangesAndExerciseShowTheirFigures() throws IOException {
        Document doc = Jsoup.parse(html(SampleReports.full()));

        assertThat(section(doc, "sla").text()).contains("19 min", "30 min", "1,500", "1,200", "900",
                "14 min", "1 h 00 min", "60%", "Done late", "Skipped", "Notify legal");
        assertThat(doc.select(".s-changes .diff .add").stream().map(Element::wholeText).toList()).containsExactly("+  firstPublicReply: 20",
                "+  - id: deputy", "+    title: \"" + SampleReports.RUSSIAN + " </script>\"");
        assertThat(doc.select(".s-changes .diff .del").stream().map(Element::wholeText).toList()).containsExactly("-  firstPublicReply: 30");
        assertThat(section(doc, "plan").text()).contains("15 Jan 2027", "Open", "Done");
        assertThat(section(doc, "exercise").text()).contains("Performed with some challenges", "Not rated",
                "5 passed, 2 failed, 1 expired, 0 open", "2 / 2", "1 / 3");
        assertThat(section(doc, "impact").text()).contains("1,234,567", "310 mentions from 30 Nov 2026 08:45");
    }

    @Test
    void theChartsAreInlineSvgWithTheirTextsEscaped() throws IOException {
        Document doc = Jsoup.parse(html(SampleReports.full()));

        List<Element> svgs = doc.select(".s-charts svg");
        assertThat(svgs).hasSize(3);
        assertThat(svgs.stream().map(e -> e.attr("id")).toList()).containsExactly("chart-mentions",
                "chart-sentiment", "chart-responses");
        assertThat(svgs.get(0).text()).contains("Website", "X <b>");
        assertThat(svgs.get(2).text()).contains("Complaint reply target: 60 min");
        assertThat(doc.select(".s-charts svg image, #charts svg script, #charts svg foreignObject")).isEmpty();
    }

    @Test
    void aCancelledExportStopsWithinTheTimeline() {
        AtomicInteger checks = new AtomicInteger();
        ExportProgress cancelAfterTwoChecks = new ExportProgress() {
            @Override
            public void progress(double done, String step) {
                // not watched
            }

            @Override
            public boolean cancelled() {
                return checks.incrementAndGet() > 5;
            }
        };

        assertThatThrownBy(() -> new HtmlReportWriter().write(SampleReports.large(5_000, 10), English.MESSAGES,
                English.formats(), new ByteArrayOutputStream(), cancelAfterTwoChecks))
                .isInstanceOf(CancellationException.class);
        assertThat(checks.get()).isEqualTo(6);
    }

    /** The section whose heading has the anchor {@code id}. */
    private static Element section(Document doc, String id) {
        return doc.getElementById(id).parent();
    }

    static String html(ReviewReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, English.MESSAGES, English.formats(), out, ExportProgress.none());
        return out.toString(StandardCharsets.UTF_8);
    }
}
