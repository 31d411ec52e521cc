package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.label;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.ScriptedFilePicker;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
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
import org.testfx.util.WaitForAsyncUtils;

/** The contacts view driven like a person would, headless (Monocle). */
@Tag("ui")
class ContactsUiTest extends MainWindowTestBase {

    /** Its {@code next} is what the "file chooser" answers next. */
    final ScriptedFilePicker files = new ScriptedFilePicker();

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, Clock.systemUTC(), files);
    }

    @Override
    protected void seed() {
        ContactService contacts = contacts();
        contacts.create(new ContactDetails("Anna Nowak", null, "Acme", List.of(new Phone("mobile", "+48 601 234 567")),
                List.of("anna.nowak@acme.pl"), List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM), null));
        contacts.create(new ContactDetails("Ольга Смирнова", "Юрист", null, List.of(), List.of("olga@acme.ru"),
                List.of(), "Europe/Moscow", "ru", null, Set.of(ContactGroup.LEGAL), null));
        contacts.create(new ContactDetails("Piotr Zieliński", "Outside counsel", "Zieliński Legal", List.of(),
                List.of("piotr@zielinski.example"), List.of(), null, null, null, Set.of(ContactGroup.LEGAL), null));
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ContactsUiTest.class.getResource("/contacts/" + name).toURI());
    }

    @SuppressWarnings("unchecked")
    private TableView<Contact> table(FxRobot robot) {
        return robot.lookup("#contactTable").queryAs(TableView.class);
    }

    private String[] names(FxRobot robot) {
        return table(robot).getItems().stream().map(Contact::name).toArray(String[]::new);
    }

    private Button dialogButton(FxRobot robot, ButtonType type) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        return (Button) pane.lookupButton(type);
    }

    private void openContacts(FxRobot robot) throws TimeoutException {
        robot.clickOn("#navContacts");
        waitUntil(() -> robot.lookup("#contactTable").tryQuery().isPresent());
    }

    private String status(FxRobot robot) {
        return robot.lookup("#messageLabel").queryAs(Label.class).getText();
    }

    @Test
    void addAContactThroughTheForm(FxRobot robot) throws TimeoutException {
        openContacts(robot);
        waitUntil(() -> table(robot).getItems().size() == 3);
        robot.clickOn("#newContactButton");
        waitUntil(() -> robot.lookup("#nameField").tryQuery().isPresent());
        Button ok = dialogButton(robot, ButtonType.OK);
        assertThat(ok.isDisabled()).as("OK is off until the contact has a name").isTrue();
        robot.clickOn("#nameField").write("Marta Kowal");
        robot.clickOn("#roleField").write("Spokesperson");
        robot.clickOn("#organisationField").write("Acme Retail");
        robot.clickOn("#phonesField").write("mobile: +48 601 000 111");
        robot.clickOn("#emailsField").write("marta(at)acme");
        Label problem = robot.lookup("#problemLabel").queryAs(Label.class);
        assertThat(problem.getText()).isEqualTo("'marta(at)acme' is not an e-mail address");
        assertThat(ok.isDisabled()).isTrue();
        TextArea emails = robot.lookup("#emailsField").queryAs(TextArea.class);
        robot.interact(() -> emails.setText("Marta.Kowal@Acme.example\nanna.nowak@acme.pl"));
        assertThat(problem.getText()).as("checked against the other contacts as typed")
                .isEqualTo("'anna.nowak@acme.pl' is already the e-mail address of Anna Nowak");
        assertThat(ok.isDisabled()).isTrue();
        robot.interact(() -> emails.setText("Marta.Kowal@Acme.example"));
        robot.clickOn("#timeZoneField").write("europe/warsaw");
        robot.clickOn("#languageField").write("pl");
        robot.clickOn("#group-spokespeople");
        assertThat(problem.getText()).isEmpty();

        // the open form is autosaved
        AutosaveService autosave = new AutosaveService(context.store().jdbi(), Clock.systemUTC());
        waitUntil(() -> autosave.find("contact-form:new").map(a -> a.content().contains("Marta Kowal")).orElse(false));

        robot.clickOn(dialogButton(robot, ButtonType.OK));
        waitUntil(() -> table(robot).getItems().size() == 4);
        waitUntil(() -> table(robot).getSelectionModel().getSelectedItem() != null);
        Contact marta = table(robot).getSelectionModel().getSelectedItem();
        assertThat(marta.name()).isEqualTo("Marta Kowal");
        assertThat(marta.emails()).containsExactly("marta.kowal@acme.example");
        assertThat(marta.timeZone()).isEqualTo("Europe/Warsaw");
        assertThat(marta.groups()).containsExactly(ContactGroup.SPOKESPEOPLE);
        assertThat(names(robot)).as("by name").containsExactly("Anna Nowak", "Marta Kowal", "Piotr Zieliński",
                "Ольга Смирнова");
        assertThat(robot.lookup("#nameLabel").queryAs(Label.class).getText()).isEqualTo("Marta Kowal");
        assertThat(robot.lookup("#localTimeLabel").queryAs(Label.class).getText()).contains("(Europe/Warsaw)");
        assertThat(contacts().findByEmail("marta.kowal@acme.example")).as("stored, not just on screen").isPresent();
        waitUntil(() -> autosave.find("contact-form:new").isEmpty());

        robot.clickOn("#searchField").write("acme retail");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(names(robot)).as("search finds the new contact").containsExactly("Marta Kowal");
    }

    @Test
    void aFormTypedBeforeACrashComesBack(FxRobot robot) throws TimeoutException {
        AutosaveService autosave = new AutosaveService(context.store().jdbi(), Clock.systemUTC());
        autosave.save("contact-form:new", null, null,
                "{\"name\":\"Half typed\",\"phones\":\"mobile: +48 601\",\"groups\":[\"media\"]}");
        openContacts(robot);
        robot.clickOn("#newContactButton");
        waitUntil(() -> robot.lookup("#nameField").tryQuery().isPresent()
                && robot.lookup("#nameField").queryAs(TextField.class).getText().equals("Half typed"));
        assertThat(robot.lookup("#phonesField").queryAs(TextArea.class).getText()).isEqualTo("mobile: +48 601");
        assertThat(robot.lookup("#group-media").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        assertThat(status(robot)).startsWith("Restored what you had typed here");
        robot.clickOn(dialogButton(robot, ButtonType.CANCEL));
        waitUntil(() -> autosave.find("contact-form:new").isEmpty());
    }

    @Test
    void searchAndGroupFilterNarrowTheTable(FxRobot robot) throws TimeoutException {
        openContacts(robot);
        waitUntil(() -> table(robot).getItems().size() == 3);
        robot.clickOn("#searchField").write("601 234");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(names(robot)).as("phone digits").containsExactly("Anna Nowak");
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        robot.interact(() -> search.setText("counsel"));
        assertThat(names(robot)).as("role").containsExactly("Piotr Zieliński");
        robot.interact(() -> search.setText("ольга"));
        assertThat(names(robot)).containsExactly("Ольга Смирнова");
        robot.interact(() -> search.setText(""));

        @SuppressWarnings("unchecked")
        ComboBox<ContactGroup> group = robot.lookup("#groupFilter").queryAs(ComboBox.class);
        robot.interact(() -> group.setValue(ContactGroup.LEGAL));
        assertThat(names(robot)).containsExactly("Piotr Zieliński", "Ольга Смирнова");
        robot.interact(() -> search.setText("olga@"));
        assertThat(names(robot)).containsExactly("Ольга Смирнова");
        robot.interact(() -> group.setValue(ContactGroup.MEDIA));
        assertThat(names(robot)).isEmpty();
        assertThat(robot.lookup(".table-view .placeholder .label").queryAs(Label.class).getText())
                .startsWith("No contacts match.");
        robot.interact(() -> group.setValue(null));
        robot.interact(() -> search.setText(""));
        assertThat(names(robot)).hasSize(3);
    }

    @Test
    void importACsvFileAndSeeTheRows(FxRobot robot) throws Exception {
        openContacts(robot);
        waitUntil(() -> table(robot).getItems().size() == 3);
        files.next = fixture("team.csv");
        robot.clickOn("#importButton");
        waitUntil(() -> table(robot).getItems().size() == 5);
        assertThat(status(robot)).isEqualTo("Imported team.csv: 2 added, 2 updated (matched by e-mail)");
        assertThat(names(robot)).containsExactly("Anna Nowak", "José Martínez Ñúñez", "Piotr Zieliński", "Tom Becker",
                "Ольга Смирнова");
        Contact anna = table(robot).getItems().get(0);
        assertThat(anna.roleTitle()).as("updated from the file").isEqualTo("Head of PR");
        assertThat(anna.phones()).hasSize(2);
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l
                && "Acme Polska".equals(l.getText())).tryQuery()).as("a visible table cell").isPresent();
    }

    @Test
    void aBadFileListsEveryProblemAndImportsNothing(FxRobot robot) throws Exception {
        openContacts(robot);
        waitUntil(() -> table(robot).getItems().size() == 3);
        files.next = fixture("bad.csv");
        robot.clickOn("#importButton");
        waitUntil(() -> robot.lookup("#importProblems").tryQuery().isPresent());
        String problems = robot.lookup("#importProblems").queryAs(TextArea.class).getText();
        assertThat(problems.lines()).containsExactly(
                "bad.csv:3: column 'emails': 'anna(at)x' is not an e-mail address",
                "bad.csv:3: column 'groups': 'friends' is not a contact group (one of crisis-team, spokespeople, "
                        + "customer-care, legal, executives, media, agencies, specialists)");
        assertThat(status(robot)).isEqualTo("bad.csv: 2 problems, nothing imported");
        robot.clickOn(dialogButton(robot, ButtonType.OK));
        assertThat(contacts().findByEmail("good@x.example")).isEmpty();
        assertThat(table(robot).getItems()).hasSize(3);
    }

    @Test
    void editAndDeleteAContact(FxRobot robot) throws TimeoutException {
        openContacts(robot);
        waitUntil(() -> table(robot).getItems().size() == 3);
        Contact piotr = table(robot).getItems().get(1);
        robot.interact(() -> table(robot).getSelectionModel().select(piotr));
        robot.clickOn("#editButton");
        waitUntil(() -> robot.lookup("#roleField").tryQuery().isPresent());
        TextField role = robot.lookup("#roleField").queryAs(TextField.class);
        assertThat(role.getText()).isEqualTo("Outside counsel");
        robot.interact(() -> role.setText("General counsel"));
        robot.clickOn(dialogButton(robot, ButtonType.OK));
        waitUntil(() -> "General counsel".equals(table(robot).getItems().get(1).roleTitle()));
        assertThat(contacts().get(piotr.id()).version()).isEqualTo(1);

        robot.interact(() -> table(robot).getSelectionModel().select(1));
        robot.clickOn("#deleteButton");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Button delete = (Button) pane.getButtonTypes().stream().filter(b -> b.getText().equals("Delete")).findFirst()
                .map(pane::lookupButton).orElseThrow();
        robot.clickOn(delete);
        waitUntil(() -> table(robot).getItems().size() == 2);
        assertThat(contacts().find(piotr.id())).isEmpty();
        assertThat(robot.lookup("#nameLabel").queryAs(Label.class).getText()).isNotEqualTo("Piotr Zieliński");
    }

    private ContactService contacts() {
        return new ContactService(context.store().jdbi(), Clock.systemUTC());
    }
}
