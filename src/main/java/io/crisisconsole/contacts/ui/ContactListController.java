package io.crisisconsole.contacts.ui;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.ContactTransfer.Format;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import io.crisisconsole.toolkit.ui.Fit;
import io.crisisconsole.toolkit.ui.Ticker;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The contact list with search and group filter, the selected contact beside it, import and export. */
public final class ContactListController {

    private final ContactListViewModel vm;
    private final ContactDialogs dialogs;
    private final Clock clock;
    private final Ticker ticker;
    private final Messages messages;
    private final Formats formats;
    private final ContactTexts texts;

    @FXML
    private SplitPane root;
    @FXML
    private CustomTextField searchField;
    @FXML
    private ComboBox<ContactGroup> groupFilter;
    @FXML
    private TableView<Contact> contactTable;
    @FXML
    private TableColumn<Contact, String> nameColumn;
    @FXML
    private TableColumn<Contact, String> roleColumn;
    @FXML
    private TableColumn<Contact, String> organisationColumn;
    @FXML
    private TableColumn<Contact, String> groupsColumn;
    @FXML
    private TableColumn<Contact, String> phoneColumn;
    @FXML
    private Label countLabel;
    @FXML
    private VBox emptyPane;
    @FXML
    private ScrollPane detailPane;
    @FXML
    private Label nameLabel;
    @FXML
    private Label roleLabel;
    @FXML
    private Button editButton;
    @FXML
    private Button deleteButton;
    @FXML
    private FlowPane groupsPane;
    @FXML
    private Label localTimeLabel;
    @FXML
    private VBox fieldsBox;

    public ContactListController(ContactListViewModel vm, ContactDialogs dialogs, Clock clock, Messages messages,
            Formats formats, Ticker ticker) {
        this.vm = vm;
        this.ticker = ticker;
        this.dialogs = dialogs;
        this.clock = clock;
        this.messages = messages;
        this.formats = formats;
        this.texts = new ContactTexts(messages);
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        groupFilter.getItems().add(null);
        groupFilter.getItems().addAll(ContactGroup.values());
        groupFilter.setConverter(DisplayConverter.of(texts::group, messages.get("contacts.list.group.all")));
        groupFilter.valueProperty().bindBidirectional(vm.groupFilterProperty());

        nameColumn.setCellValueFactory(c -> text(c.getValue().name()));
        roleColumn.setCellValueFactory(c -> text(c.getValue().roleTitle()));
        organisationColumn.setCellValueFactory(c -> text(c.getValue().organisation()));
        groupsColumn.setCellValueFactory(c -> text(groupLabels(c.getValue())));
        phoneColumn.setCellValueFactory(c -> text(c.getValue().firstPhone() == null ? null
                : c.getValue().firstPhone().number()));
        contactTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        contactTable.setItems(vm.visibleContacts());
        contactTable.setPlaceholder(Fit.placeholder(messages.get("contacts.list.placeholder")));
        contactTable.setRowFactory(t -> {
            TableRow<Contact> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    editContact();
                }
            });
            return row;
        });
        contactTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && contactTable.getSelectionModel().getSelectedItem() != b) {
                contactTable.getSelectionModel().select(b);
                contactTable.scrollTo(b);
            }
            showDetail(b);
        });
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("contacts.list.count", Map.of("count", vm.visibleContacts().size())),
                vm.visibleContacts()));

        var selected = vm.selectedProperty().isNotNull();
        detailPane.visibleProperty().bind(selected);
        detailPane.managedProperty().bind(selected);
        emptyPane.visibleProperty().bind(selected.not());
        emptyPane.managedProperty().bind(selected.not());
        deleteButton.setTooltip(new Tooltip(messages.get("contacts.detail.delete.tooltip")));

        // the contact's local time, kept current while the view is open
        ticker.every(20, () -> showLocalTime(vm.selectedProperty().get()));
        showDetail(null);
        vm.reload();
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s == null ? "" : s);
    }

    private String groupLabels(Contact c) {
        return c.groups().stream().map(texts::group).collect(Collectors.joining(", "));
    }

    private void showDetail(Contact c) {
        fieldsBox.getChildren().clear();
        groupsPane.getChildren().clear();
        if (c == null) {
            return;
        }
        nameLabel.setText(c.name());
        String role = Stream.of(c.roleTitle(), c.organisation()).filter(s -> s != null).collect(Collectors.joining(
                " \u00b7 "));
        roleLabel.setText(role);
        roleLabel.setVisible(!role.isEmpty());
        roleLabel.setManaged(!role.isEmpty());
        for (ContactGroup g : c.groups()) {
            Label tag = new Label(texts.group(g), new FontIcon("fth-tag"));
            tag.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT);
            groupsPane.getChildren().add(tag);
        }
        showLocalTime(c);
        section("contacts.detail.phones", c.phones().stream().map(p -> p.label() == null ? p.number()
                : messages.get("contacts.detail.phone", p.number(), p.label())).toList());
        section("contacts.detail.emails", c.emails());
        section("contacts.detail.handles", c.handles().stream()
                .map(h -> messages.get("contacts.detail.handle", texts.network(h.network()), h.handle())).toList());
        section("contacts.detail.availability", c.availability() == null ? List.of() : List.of(c.availability()));
        section("contacts.detail.language", c.language() == null ? List.of() : List.of(languageName(c.language())));
        section("contacts.detail.notes", c.notes() == null ? List.of() : List.of(c.notes()));
    }

    private void showLocalTime(Contact c) {
        boolean show = c != null && c.timeZone() != null;
        localTimeLabel.setVisible(show);
        localTimeLabel.setManaged(show);
        if (show) {
            String there = formats.atZone(ZoneId.of(c.timeZone())).clockWithWeekday(clock.instant());
            localTimeLabel.setText(messages.get("contacts.detail.localTime", there, c.timeZone()));
        }
    }

    /** {@code Polish (pl)}, in the UI language. */
    private String languageName(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayName(formats.locale());
        return name.isEmpty() || name.equalsIgnoreCase(tag) ? tag : messages.get("contacts.detail.languageName", name, tag);
    }

    private void section(String headingKey, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Label h = new Label(messages.get(headingKey));
        h.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(2, h);
        for (String line : lines) {
            Label l = new Label(line);
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        fieldsBox.getChildren().add(box);
    }

    private javafx.stage.Window window() {
        return root.getScene().getWindow();
    }

    @FXML
    private void newContact() {
        newContact(null);
    }

    /** Opens the form; when the store refuses what was typed, the form opens again with it. */
    private void newContact(ContactDetails typed) {
        dialogs.contactForm(window(), messages.get("contacts.form.heading.new"), typed, null,
                        address -> vm.ownerOfEmail(address, null))
                .ifPresent(d -> vm.create(d, c -> contactTable.scrollTo(c), this::newContact));
    }

    @FXML
    private void editContact() {
        Contact c = vm.selectedProperty().get();
        if (c != null) {
            editContact(c, c.details());
        }
    }

    private void editContact(Contact c, ContactDetails typed) {
        dialogs.contactForm(window(), messages.get("contacts.form.heading.edit", c.name()), typed, c.id(),
                        address -> vm.ownerOfEmail(address, c.id()))
                .ifPresent(d -> vm.update(c, d, again -> editContact(c, again)));
    }

    @FXML
    private void deleteContact() {
        Contact c = vm.selectedProperty().get();
        if (c != null && dialogs.confirmDelete(window(), c)) {
            vm.delete(c);
        }
    }

    @FXML
    private void importFile() {
        dialogs.chooseImportFile(window()).ifPresent(file -> vm.importFile(file,
                problems -> dialogs.importProblems(window(), problems)));
    }

    @FXML
    private void exportCsv() {
        dialogs.chooseExportFile(window(), Format.CSV).ifPresent(file -> vm.exportFile(file, Format.CSV));
    }

    @FXML
    private void exportVcard() {
        dialogs.chooseExportFile(window(), Format.VCARD).ifPresent(file -> vm.exportFile(file, Format.VCARD));
    }
}
