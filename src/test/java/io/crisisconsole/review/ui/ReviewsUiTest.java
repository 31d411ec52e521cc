package io.crisisconsole.review.ui;

import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.app.AppContext;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.review.KeyTime;
import io.crisisconsole.review.KeyTimeChange;
import io.crisisconsole.review.KeyTimeValue;
import io.crisisconsole.review.ReviewText;
import io.crisisconsole.review.report.ReportFormat;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.UiTests;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.toolkit.ui.FilePicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Reviews area as a PR lead uses it after a crisis: the case chosen from the list, a key time
 * corrected with the source named (kept with who and when) and put back, the review's texts and the
 * external summary typed and saved as one version.
 */
@Tag("ui")
class ReviewsUiTest extends MainWindowTestBase {

    static final Instant OPENED = Instant.parse("2026-03-14T09:00:00Z");
    final MutableClock clock = new MutableClock(OPENED);
    CrisisCase outage;

    /** Where the save dialog "chose" to write the report. */
    Path chosen;

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, clock, new FilePicker() {
            @Override
            public Optional<Path> open(Window owner, String title, String description, String... patterns) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> save(Window owner, String title, String initialName, String description,
                    String... patterns) {
                chosen = tmp.resolve(initialName);
                return Optional.of(chosen);
            }
        });
    }

    @Override
    protected void seed() {
        var s = context.services();
        s.cases().open(new CaseDetails("Older case", 3, "Anna Nowak", "Old", null), "anna");
        clock.advance(Duration.ofHours(2));
        outage = s.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com/checkout"), "anna");
        clock.advance(Duration.ofHours(5));
    }

    @SuppressWarnings("unchecked")
    private TableView<KeyTimeValue> keyTimes(FxRobot robot) {
        return robot.lookup("#keyTimeTable").queryAs(TableView.class);
    }

    private void chooseOutage(FxRobot robot) throws Exception {
        robot.clickOn("#navReviews");
        waitUntil(() -> UiTests.list(robot, "#reviewCaseList").getItems().size() == 2);
        // the newest first
        assertThat(UiTests.<CrisisCase>list(robot, "#reviewCaseList").getItems()).extracting(CrisisCase::title)
                .containsExactly("Checkout outage", "Older case");
        robot.clickOn(robot.lookup("#reviewCaseList .list-cell").<javafx.scene.control.ListCell<CrisisCase>>match(
                c -> c.getItem() != null && c.getItem().id() == outage.id()).<javafx.scene.Node>query());
        waitUntil(() -> keyTimes(robot).getItems().size() == KeyTime.values().length);
        assertThat(UiTests.label(robot, "#titleLabel")).isEqualTo("#" + outage.id() + " Checkout outage");
    }

    @Test
    void aKeyTimeIsCorrectedWithItsSourceAndPutBack(FxRobot robot) throws Exception {
        chooseOutage(robot);
        assertThat(keyTimes(robot).getItems()).extracting(KeyTimeValue::at)
                .containsExactly(OPENED.plus(Duration.ofHours(2)), OPENED.plus(Duration.ofHours(2)), null, null, null,
                        null);

        // impact began before the case was opened: the provider's status page says 10:10 UTC
        robot.interact(() -> keyTimes(robot).getSelectionModel().select(0));
        assertThat(robot.lookup("#keyTimeField").queryAs(TextField.class).getText()).isEqualTo("14 Mar 2026 11:00");
        robot.interact(() -> robot.lookup("#keyTimeField").queryAs(TextField.class).setText(""));
        robot.clickOn("#keyTimeField").write("2026-03-14 10:10");
        robot.clickOn("#keyTimeNote").write("provider status page");
        robot.clickOn("#setKeyTimeButton");
        Instant corrected = OPENED.plus(Duration.ofMinutes(70));
        waitUntil(() -> keyTimes(robot).getItems().get(0).edited());
        KeyTimeValue impact = keyTimes(robot).getItems().get(0);
        assertThat(impact.at()).isEqualTo(corrected);
        assertThat(impact.note()).isEqualTo("provider status page");
        assertThat(impact.setBy()).isNotBlank().isEqualTo(context.services().cases().timeline(outage.id()).stream()
                .filter(e -> EventCode.REVIEW_KEY_TIME_SET.code().equals(e.eventCode())).findFirst().orElseThrow()
                .author());
        // the row stays chosen, and the change is listed with who and when
        assertThat(keyTimes(robot).getSelectionModel().getSelectedIndex()).isZero();
        waitUntil(() -> UiTests.list(robot, "#keyTimeChangeList").getItems().size() == 1);
        KeyTimeChange change = UiTests.<KeyTimeChange>list(robot, "#keyTimeChangeList").getItems().get(0);
        assertThat(change.before()).isEqualTo(OPENED.plus(Duration.ofHours(2)));
        assertThat(change.after()).isEqualTo(corrected);

        // a time the window cannot read is refused in words, and nothing changes
        robot.interact(() -> robot.lookup("#keyTimeField").queryAs(TextField.class).setText("yesterday-ish"));
        robot.clickOn("#setKeyTimeButton");
        waitUntil(() -> UiTests.label(robot, "#reviewProblem").contains("\u201cyesterday-ish\u201d is not a time"));
        assertThat(context.services().reviews().keyTimeChanges(outage.id())).hasSize(1);

        // back to the record
        robot.clickOn("#resetKeyTimeButton");
        waitUntil(() -> !keyTimes(robot).getItems().get(0).edited());
        assertThat(context.services().reviews().keyTimeChanges(outage.id())).hasSize(2);
        assertThat(context.services().cases().timeline(outage.id())).extracting(e -> e.eventCode())
                .contains(EventCode.REVIEW_KEY_TIME_SET.code(), EventCode.REVIEW_KEY_TIME_RESET.code());
        assertThat(UiTests.label(robot, "#reviewProblem")).isEmpty();
    }

    @Test
    void theReportIsExportedInTheChosenFormatInTheBackground(FxRobot robot) throws Exception {
        context.services().reviews().save(outage.id(), 0, new ReviewText("Checkout failed <b>for two hours</b>", "",
                "", "", "", "", ""), "anna");
        chooseOutage(robot);
        @SuppressWarnings("unchecked")
        ComboBox<ReportFormat> format = robot.lookup("#formatBox").queryAs(ComboBox.class);
        // every format of the build, PDF first chosen
        assertThat(format.getItems()).containsExactly(ReportFormat.MD, ReportFormat.HTML, ReportFormat.PDF,
                ReportFormat.JSON);
        assertThat(format.getValue()).isEqualTo(ReportFormat.PDF);
        robot.interact(() -> format.setValue(ReportFormat.HTML));
        robot.clickOn("#exportButton");
        waitUntil(() -> UiTests.label(robot, "#exportStatus").equals("Report written: review-case-" + outage.id()
                + ".html"));
        assertThat(chosen.getFileName().toString()).isEqualTo("review-case-" + outage.id() + ".html");
        String html = Files.readString(chosen);
        assertThat(html).contains("Checkout outage", "Checkout failed &lt;b&gt;for two hours&lt;/b&gt;");
        assertThat(robot.lookup("#openExportLink").query().isVisible()).isTrue();
        assertThat(robot.lookup("#cancelExportButton").query().isVisible()).isFalse();

        // a PDF too: the file is a PDF
        robot.interact(() -> format.setValue(ReportFormat.PDF));
        robot.clickOn("#exportButton");
        waitUntil(() -> UiTests.label(robot, "#exportStatus").equals("Report written: review-case-" + outage.id()
                + ".pdf"));
        assertThat(new String(Files.readAllBytes(chosen), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void theTextsAndTheExternalSummaryAreSavedAsOneVersion(FxRobot robot) throws Exception {
        chooseOutage(robot);
        waitUntil(() -> "Not saved yet.".equals(UiTests.label(robot, "#savedStatus")));
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#summaryArea").write("Checkout failed for two hours");
        // below the fold at 800 pixels: focused as the Tab key would
        robot.interact(() -> robot.lookup("#factorsArea").query().requestFocus());
        robot.write("a deploy without canary");
        robot.interact(() -> robot.lookup("#lessonsArea").query().requestFocus());
        robot.write("roll back within 10 minutes");
        robot.clickOn("#externalTab");
        robot.clickOn("#happenedArea").write("Payments failed");
        robot.clickOn("#saveExternalButton");
        waitUntil(() -> context.services().reviews().review(outage.id()).version() == 1);
        assertThat(context.services().reviews().review(outage.id()).text()).isEqualTo(new ReviewText(
                "Checkout failed for two hours", "", "a deploy without canary", "roll back within 10 minutes",
                "Payments failed", "", ""));
        waitUntil(() -> UiTests.label(robot, "#savedStatusExternal").startsWith("Version 1, saved by "));
        assertThat(robot.lookup("#saveExternalButton").queryButton().isDisabled()).isTrue();
    }
}
