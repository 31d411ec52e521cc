package io.crisisconsole.signals.ui;

import io.crisisconsole.signals.Met;
import io.crisisconsole.signals.Proposal;
import io.crisisconsole.signals.Reminder;
import io.crisisconsole.toolkit.Messages;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The escalation pane of the case workspace ({@code workspace_escalation.fxml}): one card per
 * threshold met (what was met with its figure, the proposed severity, whom to notify, Accept and
 * Dismiss), then the prose-only thresholds as reminders.
 */
public final class EscalationController {

    private final EscalationViewModel vm;
    private final Messages messages;

    @FXML
    private VBox root;
    @FXML
    private VBox cards;
    @FXML
    private Label quietLabel;
    @FXML
    private Label headingLabel;
    @FXML
    private VBox reminders;

    public EscalationController(EscalationViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        vm.proposals().addListener((ListChangeListener<Proposal>) c -> showProposals());
        vm.reminders().addListener((ListChangeListener<Reminder>) c -> showReminders());
        showProposals();
        showReminders();
    }

    private void showProposals() {
        cards.getChildren().clear();
        for (Proposal p : vm.proposals()) {
            cards.getChildren().add(card(p));
        }
        // the workspace shows the pane only when a threshold is met (or as one line of reminders):
        // the heading and "nothing is met" would take room the checklist needs
        boolean none = vm.proposals().isEmpty();
        quietLabel.setVisible(false);
        quietLabel.setManaged(false);
        headingLabel.setVisible(!none);
        headingLabel.setManaged(!none);
        showPane();
    }

    private void showPane() {
        boolean any = !vm.proposals().isEmpty() || !vm.reminders().isEmpty();
        root.setVisible(any);
        root.setManaged(any);
    }

    private VBox card(Proposal p) {
        Label title = new Label(messages.get("escalation.card.title"), new FontIcon("fth-alert-octagon"));
        title.getStyleClass().addAll("escalation-title", "danger");
        VBox card = new VBox(4, title);
        card.getStyleClass().add("escalation-card");
        card.setId("escalation-" + p.threshold());
        for (Met m : p.met()) {
            card.getChildren().add(wrapped(vm.describe(m), "escalation-met"));
        }
        card.getChildren().add(wrapped(messages.get("escalation.card.when", p.when()), "text-muted"));
        card.getChildren().add(wrapped(vm.proposed(p), "escalation-proposed"));
        Label notifyHeading = new Label(messages.get("escalation.card.notify"));
        notifyHeading.getStyleClass().add("text-bold");
        card.getChildren().add(notifyHeading);
        for (String line : vm.notifyLines(p)) {
            card.getChildren().add(wrapped(line, "escalation-notify"));
        }
        Button accept = new Button(messages.get("escalation.accept"), new FontIcon("fth-check"));
        accept.getStyleClass().add("accent");
        accept.setId("escalationAccept-" + p.threshold());
        accept.setMinWidth(Button.USE_PREF_SIZE);
        accept.setOnAction(e -> vm.accept(p));
        Button dismiss = new Button(messages.get("escalation.dismiss"), new FontIcon("fth-x"));
        dismiss.setId("escalationDismiss-" + p.threshold());
        dismiss.setMinWidth(Button.USE_PREF_SIZE);
        dismiss.setOnAction(e -> vm.dismiss(p));
        FlowPane buttons = new FlowPane(8, 6, accept, dismiss);
        card.getChildren().add(buttons);
        return card;
    }

    private void showReminders() {
        reminders.getChildren().clear();
        for (Reminder r : vm.reminders()) {
            Label l = wrapped(messages.get("escalation.reminder", r.when(), r.raiseTo()), "text-muted");
            l.getStyleClass().add("text-small");
            reminders.getChildren().add(l);
        }
        boolean any = !vm.reminders().isEmpty();
        reminders.setVisible(any);
        reminders.setManaged(any);
        showPane();
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        return l;
    }
}
