package io.crisisconsole.playbooks.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.playbooks.CallList;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import io.crisisconsole.toolkit.ui.Ticker;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The playbook chooser of the case workspace and the resolved call list it opens. */
public final class CasePlaybookController {

    private final CasePlaybookViewModel vm;
    private final Messages messages;
    private final Formats formats;
    private boolean showing;

    @FXML
    private FlowPane root;
    @FXML
    private ComboBox<StoredPlaybook> playbookChoice;
    @FXML
    private Button callListButton;
    @FXML
    private Label cadenceLabel;
    private final Ticker ticker;

    public CasePlaybookController(CasePlaybookViewModel vm, Messages messages, Formats formats, Ticker ticker) {
        this.vm = vm;
        this.ticker = ticker;
        this.messages = messages;
        this.formats = formats;
    }

    @FXML
    private void initialize() {
        playbookChoice.setItems(vm.choices());
        playbookChoice.setConverter(
                DisplayConverter.of(p -> messages.get("playbooks.case.choice.item", p.title(), p.language())));
        playbookChoice.valueProperty().addListener((o, a, p) -> {
            if (!showing && p != null) {
                vm.choose(p);
            }
        });
        vm.playbookProperty().addListener((o, a, p) -> {
            showing = true;
            try {
                playbookChoice.setValue(p);
            } finally {
                showing = false;
            }
        });
        callListButton.disableProperty().bind(vm.playbookProperty().isNull());

        cadenceLabel.textProperty().bind(vm.cadenceProperty());
        cadenceLabel.visibleProperty().bind(vm.cadenceProperty().isNotEmpty());
        cadenceLabel.managedProperty().bind(vm.cadenceProperty().isNotEmpty());
        vm.cadenceOverdueProperty().addListener((o, a, overdue) -> {
            cadenceLabel.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            cadenceLabel.getStyleClass().add(overdue ? Styles.DANGER : Styles.TEXT_MUTED);
        });
        cadenceLabel.getStyleClass().add(Styles.TEXT_MUTED);
        // the clock moves on even when nothing else does
        ticker.every(30, vm::refreshCadence);
    }

    @FXML
    private void showCallList() {
        vm.loadCallList(() -> {
            Dialog<Void> dialog = new Dialog<>();
            dialog.initOwner(root.getScene().getWindow());
            StoredPlaybook p = vm.playbookProperty().get();
            dialog.setTitle(messages.get("playbooks.callList.title"));
            dialog.setHeaderText(messages.get("playbooks.callList.header", p == null ? "" : p.title()));
            ScrollPane scroll = new ScrollPane(callListView(vm.callListProperty().get()));
            scroll.setFitToWidth(true);
            scroll.setPrefSize(720, 560);
            dialog.getDialogPane().setContent(scroll);
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            dialog.showAndWait();
        });
    }

    VBox callListView(CallList list) {
        VBox box = new VBox(12);
        box.setId("callList");
        box.setPadding(new Insets(4, 8, 8, 4));
        List<CallList.Entry> unfilled = list.unfilled();
        if (!unfilled.isEmpty()) {
            Label gap = new Label(messages.get("playbooks.callList.unfilled", unfilled.stream().map(e -> e.role().name())
                    .collect(Collectors.joining(", "))));
            gap.getStyleClass().add(Styles.DANGER);
            gap.setWrapText(true);
            box.getChildren().add(gap);
        }
        for (CallList.Entry e : list.entries()) {
            Label role = new Label(e.notifyOnActivation() ? messages.get("playbooks.callList.role.alerted", e.role().name())
                    : e.role().name());
            role.getStyleClass().add(Styles.TITLE_4);
            Label duties = new Label(e.role().duties());
            duties.getStyleClass().add(Styles.TEXT_MUTED);
            duties.setWrapText(true);
            VBox entry = new VBox(4, role, duties);
            e.primary().forEach(c -> entry.getChildren().add(contactView(c, false)));
            e.backups().forEach(c -> entry.getChildren().add(contactView(c, true)));
            for (String gap : e.unresolved()) {
                Label l = new Label(messages.get("playbooks.callList.gap", gap));
                l.getStyleClass().add(Styles.WARNING);
                entry.getChildren().add(l);
            }
            box.getChildren().addAll(entry, new Separator());
        }
        return box;
    }

    private Node contactView(Contact c, boolean backup) {
        String who = c.name() + join(" \u00b7 ", c.roleTitle(), c.organisation());
        Label name = new Label(backup ? messages.get("playbooks.callList.backup", who) : who);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        List<String> reach = new ArrayList<>();
        for (Phone phone : c.phones()) {
            reach.add((phone.label() == null ? "" : phone.label() + " ") + phone.number());
        }
        reach.addAll(c.emails());
        c.handles().forEach(h -> reach.add(h.network().name().toLowerCase(Locale.ROOT) + " " + h.handle()));
        Label how = new Label(String.join(" \u00b7 ", reach));
        how.setWrapText(true);
        String local = localTime(c.timeZone());
        Label when = new Label(join(" \u00b7 ", local, c.availability()).replaceFirst("^ \u00b7 ", ""));
        when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        when.setWrapText(true);
        VBox v = new VBox(1, name, how, when);
        v.setPadding(new Insets(2, 0, 2, 12));
        return v;
    }

    private String localTime(String zone) {
        if (zone == null || zone.isBlank()) {
            return "";
        }
        try {
            return messages.get("playbooks.callList.localTime", formats.atZone(ZoneId.of(zone)).clock(Instant.now()), zone);
        } catch (DateTimeException e) {
            return "";
        }
    }

    private static String join(String sep, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(sep).append(p);
            }
        }
        return b.toString();
    }
}
