package io.crisisconsole.signals.ui;

import io.crisisconsole.signals.Met;
import io.crisisconsole.signals.Proposal;
import io.crisisconsole.signals.Reminder;
import io.crisisconsole.toolkit.Messages;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The escalation pane of the case workspace ({@code workspace_escalation.fxml}): one card per
 * threshold met (what was met with its figure, the proposed severity, whom to notify, Accept and
 * Dismiss), then the prose-only thresholds as reminders.
 */
public final class EscalationController {

    /** Cards shown at once: the others follow when these are accepted or dismissed. */
    static final int MAX_CARDS = 2;

    private final EscalationViewModel vm;
    private final Messages messages;

    @FXML
    private VBox root;
    @FXML
    private VBox cards;
    @FXML
    private Label quietLabel;
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
        int shown = 0;
        for (Proposal p : vm.proposals()) {
            if (shown++ == MAX_CARDS) {
                cards.getChildren().add(wrapped(messages.get("escalation.more",
                        Map.of("count", vm.proposals().size() - MAX_CARDS)), "text-muted"));
                break;
            }
            cards.getChildren().add(card(p));
        }
        // the workspace shows the pane only when a threshold is met (or as one line of reminders):
        // the heading and "nothing is met" would take room the checklist needs
        boolean none = vm.proposals().isEmpty();
        quietLabel.setVisible(false);
        quietLabel.setManaged(false);
        cards.setVisible(!none);
        cards.setManaged(!none);
        showPane();
    }

    private void showPane() {
        boolean any = !vm.proposals().isEmpty() || !vm.reminders().isEmpty();
        root.setVisible(any);
        root.setManaged(any);
    }

    /**
     * One threshold met, compact so the checklist and the timeline keep their room at 1280x800:
     * what was met (with its figures) beside the title, the proposal and whom to notify on one
     * line, the playbook's words below, Accept and Dismiss on the right.
     */
    private HBox card(Proposal p) {
        Label title = new Label(messages.get("escalation.card.title"), new FontIcon("fth-alert-octagon"));
        title.getStyleClass().addAll("escalation-title", "danger");
        title.setMinWidth(Label.USE_PREF_SIZE);
        FlowPane met = new FlowPane(12, 2, title);
        for (Met m : p.met()) {
            met.getChildren().add(wrapped(vm.describe(m), "escalation-met"));
        }
        FlowPane proposal = new FlowPane(12, 2, wrapped(vm.proposed(p), "escalation-proposed"));
        Label notifyHeading = new Label(messages.get("escalation.card.notify"));
        notifyHeading.getStyleClass().add("text-bold");
        notifyHeading.setMinWidth(Label.USE_PREF_SIZE);
        proposal.getChildren().add(notifyHeading);
        for (String line : vm.notifyLines(p)) {
            proposal.getChildren().add(wrapped(line, "escalation-notify"));
        }
        Label when = wrapped(messages.get("escalation.card.when", p.when()), "text-muted");
        when.getStyleClass().add("text-small");
        VBox text = new VBox(3, met, proposal, when);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        Button accept = new Button(messages.get("escalation.accept"), new FontIcon("fth-check"));
        accept.getStyleClass().add("accent");
        accept.setId("escalationAccept-" + p.threshold());
        accept.setMinWidth(Button.USE_PREF_SIZE);
        accept.setMaxWidth(Double.MAX_VALUE);
        accept.setOnAction(e -> vm.accept(p));
        Button dismiss = new Button(messages.get("escalation.dismiss"), new FontIcon("fth-x"));
        dismiss.setId("escalationDismiss-" + p.threshold());
        dismiss.setMinWidth(Button.USE_PREF_SIZE);
        dismiss.setMaxWidth(Double.MAX_VALUE);
        dismiss.setOnAction(e -> vm.dismiss(p));
        VBox buttons = new VBox(6, accept, dismiss);
        buttons.setMinWidth(VBox.USE_PREF_SIZE);
        HBox card = new HBox(12, text, buttons);
        card.getStyleClass().add("escalation-card");
        card.setId("escalation-" + p.threshold());
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
