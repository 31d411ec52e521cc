package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.label;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.inbox.ImportResult;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.InboxSort;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionFilePreview;
import io.crisisconsole.inbox.XlsxFixture;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.ScriptedFilePicker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The import dialogs of the inbox, driven headless through {@link io.crisisconsole.inbox.ui.MentionImportDialogs#importInto}
 * (the inbox view's Import button calls the same), with export files the test writes in the
 * shapes the tools write: Brandwatch's CSV download (a report preamble above the header, its column
 * names, {@code 2026-03-14 08:00:00.0} dates) and a plain CSV of a spreadsheet.
 */
@Tag("ui")
class MentionImportUiTest extends MainWindowTestBase {

    private static final String BRANDWATCH_HEADER = "Query Id,Query Name,Date,Title,Url,Domain,Sentiment,Page Type,"
            + "Language,Country,Author,Full Name,Full Text,Thread Id,Twitter Followers,Resource Id\r\n";
    private static final String BRANDWATCH_PREAMBLE = "Brandwatch Report\r\n\"Report:\",\"Mentions export\"\r\n"
            + "\"Query Name:\",\"Acme outage\"\r\n\"Date Range:\",\"2026-03-13 - 2026-03-14\"\r\n\r\n";

    final ScriptedFilePicker files = new ScriptedFilePicker();
    final List<ImportResult> results = new CopyOnWriteArrayList<>();
    long caseId;

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, Clock.systemUTC(), files);
    }

    @Override
    protected void seed() {
        caseId = context.services().cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com/checkout"), "anna").id();
    }

    private List<Mention> stored() {
        return context.services().inbox().list(caseId, InboxQuery.all().sortedBy(InboxSort.OLDEST));
    }

    private Path write(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** Chooses {@code file} and starts the import, as the inbox's Import button does. */
    private void startImport(FxRobot robot, Path file) {
        files.next = file;
        robot.interact(() -> context.mentionImports().importInto(stage, caseId, results::add));
    }

    private void waitForPreview(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#field-TEXT").tryQuery().isPresent()
                && !table(robot).getItems().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Integer> field(FxRobot robot, String field) {
        return robot.lookup("#field-" + field).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<MentionFilePreview.Row> table(FxRobot robot) {
        return robot.lookup("#previewTable").queryAs(TableView.class);
    }

    /** What the preview table shows in {@code column} (0 line, 1 published, 2 author, 3 platform, 4 text, 5 sentiment, 6 reach, 7 problem). */
    private static String cell(FxRobot robot, int row, int column) {
        TableView<MentionFilePreview.Row> t = table(robot);
        return String.valueOf(t.getColumns().get(column).getCellData(row));
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryButton();
    }

    /** Presses {@code b} as a person would: once it is enabled (a disabled button ignores a press). */
    private static void press(FxRobot robot, Button b) throws TimeoutException {
        waitUntil(() -> !b.isDisabled() && b.getScene() != null && b.getScene().getWindow().isShowing());
        robot.interact(b::fire);
    }

    /** How the table shows a local time of the file read in {@code zone}. */
    private String shown(String localTime, ZoneId zone) {
        return context.formats().dayClock(LocalDateTime.parse(localTime).atZone(zone).toInstant());
    }

    /** For a timeout's message: the status line, the results so far, the windows showing. */
    private String shownState() {
        return "status \u201c" + context.notifier().messageProperty().get() + "\u201d, results " + results
                + ", windows " + io.crisisconsole.testsupport.UiTests.windows();
    }

    private String status(FxRobot robot) {
        return label(robot, "#messageLabel");
    }

    @Test
    void theGuessedMappingIsShownChangedAndSavedForFilesWithTheSameHeader(FxRobot robot) throws Exception {
        Path first = write("brandwatch.csv", BRANDWATCH_PREAMBLE + BRANDWATCH_HEADER
                + "1998,Acme outage,2026-03-14 08:00:00.0,,https://twitter.com/anna/status/1,twitter.com,negative,"
                + "twitter,en,Poland,anna,Anna N,\"Down again?\r\nSecond line, with \"\"quotes\"\"\",,\"1,234\",111\r\n"
                + "1998,Acme outage,2026-03-14 08:05:00.0,,https://twitter.com/bob/status/2,twitter.com,neutral,"
                + "twitter,en,Poland,bob,Bob Brown,\"'+48 600 100 200 is your hotline?\",111,12K,112\r\n"
                + "1998,Acme outage,2026-03-14 08:06:00.0,,https://forum.example/t/3,forum.example,positive,"
                + "forum,en,Poland,@carol,Carol C,@acme thanks,,,113\r\n");
        startImport(robot, first);
        waitForPreview(robot);

        assertThat(label(robot, "#fileLabel")).isEqualTo("brandwatch.csv");
        assertThat(label(robot, "#detectedLabel"))
                .isEqualTo("CSV \u00b7 UTF-8 \u00b7 delimiter \u201c,\u201d \u00b7 header on line 6 \u00b7 layout of Brandwatch");
        assertThat(label(robot, "#sourceLabel")).isEqualTo("Guessed from the header and the first rows");
        assertThat(field(robot, "TEXT").getValue()).as("Full Text").isEqualTo(12);
        assertThat(field(robot, "PLATFORM").getValue()).as("Page Type").isEqualTo(7);
        assertThat(field(robot, "AUTHOR").getValue()).as("Author").isEqualTo(10);
        assertThat(field(robot, "AUTHOR").getConverter().toString(10)).isEqualTo("11: Author");
        assertThat(table(robot).getItems()).hasSize(3);
        assertThat(cell(robot, 0, 0)).isEqualTo("7");
        assertThat(cell(robot, 0, 1)).as("no offset in the file: the zone chosen, this computer's at first")
                .isEqualTo(shown("2026-03-14T08:00", ZoneId.systemDefault()));
        assertThat(cell(robot, 0, 2)).isEqualTo("anna");
        assertThat(cell(robot, 0, 3)).isEqualTo("x");
        assertThat(cell(robot, 0, 4)).as("on one line").isEqualTo("Down again? Second line, with \"quotes\"");
        assertThat(cell(robot, 0, 5)).isEqualTo("negative");
        assertThat(cell(robot, 0, 6)).isEqualTo("1,234");
        assertThat(cell(robot, 1, 4)).as("the formula guard's apostrophe is gone").isEqualTo("+48 600 100 200 is your hotline?");
        assertThat(cell(robot, 1, 6)).isEqualTo("12,000");

        // another zone for the dates without one; a zone that is none turns Import off
        @SuppressWarnings("unchecked")
        ComboBox<String> zone = robot.lookup("#zoneBox").queryAs(ComboBox.class);
        assertThat(zone.getValue()).isEqualTo(ZoneId.systemDefault().getId());
        robot.interact(() -> zone.setValue("Asia/Tokyo"));
        assertThat(cell(robot, 0, 1)).isEqualTo(shown("2026-03-14T08:00", ZoneId.of("Asia/Tokyo")));
        robot.interact(() -> zone.setValue("Mars/Olympus"));
        assertThat(button(robot, "#importMentionsButton").isDisabled()).isTrue();
        assertThat(label(robot, "#missingLabel")).startsWith("\u201cMars/Olympus\u201d is not a time zone");
        robot.interact(() -> zone.setValue(ZoneId.systemDefault().getId()));

        // the author re-assigned to "Full Name": the rows are read again
        robot.interact(() -> field(robot, "AUTHOR").setValue(11));
        assertThat(cell(robot, 0, 2)).isEqualTo("Anna N");
        assertThat(cell(robot, 2, 2)).isEqualTo("Carol C");

        // no date column: Import is off and the dialog says why
        Button importButton = button(robot, "#importMentionsButton");
        assertThat(importButton.isDisabled()).isFalse();
        robot.interact(() -> field(robot, "DATE").setValue(-1));
        assertThat(importButton.isDisabled()).isTrue();
        assertThat(label(robot, "#missingLabel")).isEqualTo("Choose the column of: Date (required). Import stays off until then.");
        assertThat(cell(robot, 0, 1)).isEmpty();
        robot.interact(() -> field(robot, "DATE").setValue(2));
        assertThat(importButton.isDisabled()).isFalse();
        assertThat(label(robot, "#missingLabel")).isEmpty();

        robot.interact(() -> robot.lookup("#saveAsField").queryAs(TextField.class).setText("Brandwatch, full names"));
        press(robot, importButton);
        waitUntil(() -> results.size() == 1, this::shownState);
        assertThat(results.get(0)).isEqualTo(new ImportResult(3, 0, 0, 0, true));
        assertThat(status(robot)).isEqualTo("brandwatch.csv: 3 imported, 0 duplicates skipped, 0 problems");
        assertThat(stored()).extracting(Mention::author).containsExactly("Anna N", "Bob Brown", "Carol C");
        waitUntil(() -> context.services().inbox().mappingNamed("Brandwatch, full names").isPresent());

        // the next file with the same header (its names in other case) starts from the saved mapping
        Path second = write("brandwatch-next.csv", BRANDWATCH_HEADER.toUpperCase(java.util.Locale.ROOT)
                + "1998,Acme outage,2026-03-14 09:00:00.0,,https://twitter.com/dan/status/4,twitter.com,negative,"
                + "twitter,en,Poland,dan,Dan D,still down,,10,114\r\n");
        startImport(robot, second);
        waitForPreview(robot);
        assertThat(label(robot, "#sourceLabel")).isEqualTo("The mapping saved as \u201cBrandwatch, full names\u201d for this header");
        assertThat(field(robot, "AUTHOR").getValue()).isEqualTo(11);
        assertThat(cell(robot, 0, 2)).isEqualTo("Dan D");
        press(robot, button(robot, "#importMentionsButton"));
        waitUntil(() -> results.size() == 2, this::shownState);
        assertThat(stored()).extracting(Mention::author).containsExactly("Anna N", "Bob Brown", "Carol C", "Dan D");

        // importing the first file again: every row is a duplicate
        startImport(robot, first);
        waitForPreview(robot);
        press(robot, button(robot, "#importMentionsButton"));
        waitUntil(() -> results.size() == 3, this::shownState);
        assertThat(status(robot)).isEqualTo("brandwatch.csv: 0 imported, 3 duplicates skipped, 0 problems");
        assertThat(stored()).hasSize(4);
    }

    @Test
    void rowsWithProblemsImportNothingByDefaultOrTheGoodRowsWhenChosen(FxRobot robot) throws Exception {
        StringBuilder csv = new StringBuilder("Date,Text,Sentiment\n");
        csv.append("14/03/2026 08:00,\"first\nspans two lines\",positive\n"); // lines 2-3
        csv.append("31/02/2026 08:00,no such day,neutral\n"); // line 4
        csv.append("14/03/2026 08:01,second,neutral\n"); // line 5
        csv.append("14/03/2026 08:02,third,very happy\n"); // line 6
        for (int i = 0; i < 104; i++) {
            csv.append("not a date,row ").append(i).append(",negative\n"); // lines 7-110
        }
        csv.append("14/03/2026 08:03,fourth,-0.8\n"); // line 111
        Path f = write("mentions.csv", csv.toString());
        startImport(robot, f);
        waitForPreview(robot);
        assertThat(cell(robot, 1, 0)).isEqualTo("4");
        assertThat(cell(robot, 1, 7)).isEqualTo("the date '31/02/2026 08:00' is not a day");
        assertThat(label(robot, "#previewHeading")).isEqualTo("The first 20 rows as they will be imported, 18 with problems");
        press(robot, button(robot, "#importMentionsButton"));

        waitUntil(() -> robot.lookup("#importNothingButton").tryQuery().isPresent());
        String listed = robot.lookup("#importProblems").queryAs(TextArea.class).getText();
        List<String> lines = listed.lines().toList();
        assertThat(lines).hasSize(101);
        assertThat(lines.get(0)).isEqualTo("mentions.csv:4: the date '31/02/2026 08:00' is not a day");
        assertThat(lines.get(1)).isEqualTo("mentions.csv:6: the sentiment 'very happy' is neither a word such as"
                + " positive, neutral, negative nor a score");
        assertThat(lines.get(100)).isEqualTo("and 6 more problems");
        DialogPane alert = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(alert.getHeaderText()).isEqualTo("106 problems in mentions.csv; 3 rows are good."
                + " Import the good rows, or nothing and fix the file?");
        assertThat(button(robot, "#importNothingButton").isDefaultButton()).as("the default").isTrue();
        assertThat(button(robot, "#importGoodRowsButton").getText()).isEqualTo("Import the 3 good rows");
        press(robot, button(robot, "#importNothingButton"));
        waitUntil(() -> status(robot).startsWith("Nothing imported"));
        assertThat(status(robot)).isEqualTo("Nothing imported from mentions.csv: 106 problems");
        context.tasks().runAndWait("test", () -> null, java.time.Duration.ofSeconds(10));
        assertThat(stored()).as("nothing stored").isEmpty();
        assertThat(results).isEmpty();

        startImport(robot, f);
        waitForPreview(robot);
        press(robot, button(robot, "#importMentionsButton"));
        waitUntil(() -> robot.lookup("#importGoodRowsButton").tryQuery().isPresent());
        press(robot, button(robot, "#importGoodRowsButton"));
        waitUntil(() -> results.size() == 1, this::shownState);
        assertThat(results.get(0)).isEqualTo(new ImportResult(3, 0, 0, 106, true));
        assertThat(status(robot)).isEqualTo("mentions.csv: 3 imported, 0 duplicates skipped, 106 problems");
        assertThat(stored()).extracting(Mention::text).containsExactly("first\nspans two lines", "second", "fourth");
    }

    @Test
    void cancelDuringABigReadStoresNothing(FxRobot robot) throws Exception {
        Path f = tmp.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("Date,Text,Author,Url\n");
            for (int i = 0; i < 900_000; i++) {
                w.write("2026-03-14T08:00:00Z,mention number " + i + ",author" + (i % 1000)
                        + ",https://x.com/a/status/" + i + "\n");
            }
        }
        startImport(robot, f);
        waitForPreview(robot);
        press(robot, button(robot, "#importMentionsButton"));
        waitUntil(() -> robot.lookup("#cancelImportButton").tryQuery().isPresent());
        press(robot, button(robot, "#cancelImportButton"));
        waitUntil(() -> status(robot).contains("cancelled"));
        assertThat(status(robot)).isEqualTo("Import of big.csv cancelled: nothing was stored");
        assertThat(robot.lookup("#cancelImportButton").tryQuery()).as("the progress dialog is closed").isEmpty();
        context.tasks().runAndWait("test", () -> null, java.time.Duration.ofSeconds(10));
        assertThat(stored()).isEmpty();
        assertThat(results).isEmpty();
    }

    @Test
    void aBrand24WorkbookIsPreviewedAndImported(FxRobot robot) throws Exception {
        // Brand24's XLSX download: a title row, an empty row, then its columns; Excel date cells, the hour apart
        Path f = tmp.resolve("brand24.xlsx");
        XlsxFixture.write(f, XlsxFixture.brand24());
        startImport(robot, f);
        waitForPreview(robot);
        assertThat(label(robot, "#detectedLabel")).isEqualTo("Excel workbook \u00b7 header on row 3 \u00b7 layout of Brand24");
        assertThat(cell(robot, 0, 0)).isEqualTo("4");
        assertThat(cell(robot, 0, 4)).isEqualTo("Line one line two");
        assertThat(cell(robot, 1, 4)).isEqualTo("=not a formula");
        assertThat(cell(robot, 1, 3)).isEqualTo("facebook");
        press(robot, button(robot, "#importMentionsButton"));
        waitUntil(() -> results.size() == 1, this::shownState);
        assertThat(stored()).extracting(Mention::text).containsExactly("Line one\nline two", "=not a formula");
    }

    @Test
    void aFileThatCannotBeReadSaysWhyAndStoresNothing(FxRobot robot) throws Exception {
        Path png = tmp.resolve("mentions.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        startImport(robot, png);
        waitUntil(() -> robot.lookup("#importProblems").tryQuery().isPresent());
        String why = "mentions.csv: is a PNG image, not a CSV or TSV export; choose the exported .csv, .tsv or .xlsx file";
        assertThat(robot.lookup("#importProblems").queryAs(TextArea.class).getText()).isEqualTo(why);
        DialogPane alert = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(alert.getHeaderText()).isEqualTo("Nothing was imported from mentions.csv:");
        assertThat(status(robot)).isEqualTo("Nothing imported: " + why);
        press(robot, (Button) alert.lookupButton(ButtonType.OK));

        // a zip bomb named .xlsx
        Path bomb = tmp.resolve("bomb.xlsx");
        XlsxFixture.zipBomb(bomb);
        startImport(robot, bomb);
        waitUntil(() -> robot.lookup("#importProblems").tryQuery().isPresent());
        assertThat(robot.lookup("#importProblems").queryAs(TextArea.class).getText()).isEqualTo("bomb.xlsx: the"
                + " workbook part xl/worksheets/sheet1.xml inflates more than 100 times its compressed size (a zip bomb?);"
                + " it is not read");
        press(robot, (Button) robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK));

        // a file without a header row
        Path noHeader = write("notes.csv", "hello,world\nfoo,bar\n");
        startImport(robot, noHeader);
        waitUntil(() -> robot.lookup("#importProblems").tryQuery().isPresent());
        assertThat(robot.lookup("#importProblems").queryAs(TextArea.class).getText())
                .startsWith("notes.csv: no header row in the first 50 rows");
        press(robot, (Button) robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK));
        assertThat(stored()).isEmpty();
        assertThat(results).isEmpty();
        assertThat(robot.lookup(n -> n instanceof Label l && l.getId() != null && l.getId().equals("fileLabel"))
                .tryQuery()).as("no preview dialog was opened").isEmpty();
    }
}
