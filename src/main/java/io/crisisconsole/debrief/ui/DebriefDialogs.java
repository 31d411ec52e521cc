package io.crisisconsole.debrief.ui;

import io.crisisconsole.debrief.Proposal;
import io.crisisconsole.debrief.SlaTarget;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.MentionType;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.playbooks.ui.ChannelNames;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The "Propose change…" dialogs of the debrief, one per kind of change, each prefilled from the
 * playbook's current version. They only ask; the debrief proposes, and shows the diff first.
 */
public final class DebriefDialogs {

    private final Messages messages;

    public DebriefDialogs(Messages messages) {
        this.messages = messages;
    }

    /** Another number for one SLA target. */
    public Optional<Proposal> sla(Window owner, Playbook p) {
        ComboBox<SlaTarget> target = combo("slaTarget", SlaTarget.values(),
                t -> messages.get(DebriefLabels.sla(t), t.of(p.when().slas())));
        target.setValue(SlaTarget.FIRST_PUBLIC_REPLY);
        TextField minutes = field("slaMinutes", "debrief.propose.sla.minutes.prompt");
        return ask(owner, "debrief.propose.sla.title", () -> new Proposal.Sla(target.getValue(),
                Integer.parseInt(minutes.getText().strip())), List.of(
                row("debrief.propose.sla.target", target), row("debrief.propose.sla.minutes", minutes)),
                () -> minutes(minutes.getText(), false) ? null : messages.get("debrief.propose.minutes.invalid"));
    }

    /** A phrase no message may contain, in one language. */
    public Optional<Proposal> forbiddenPhrase(Window owner, Playbook p) {
        ComboBox<String> language = combo("phraseLanguage", new String[] {"en", "ru", "pl", "es"}, s -> s);
        language.setValue(p.language());
        TextField phrase = field("phraseText", "debrief.propose.phrase.prompt");
        return ask(owner, "debrief.propose.phrase.title", () -> new Proposal.ForbiddenPhrase(language.getValue(),
                phrase.getText()), List.of(row("debrief.propose.phrase.language", language),
                row("debrief.propose.phrase.text", phrase)),
                () -> phrase.getText().isBlank() ? messages.get("debrief.propose.required") : null);
    }

    /** The response-matrix row of a mention type, prefilled from the row the playbook has. */
    public Optional<Proposal> responseRow(Window owner, Playbook p) {
        ComboBox<MentionType> type = combo("rowType", MentionType.values(), t -> messages.get(DebriefLabels.type(t)));
        ComboBox<ResponseAction> action = combo("rowAction", ResponseAction.values(),
                a -> messages.get(DebriefLabels.action(a)));
        TextField guidance = field("rowGuidance", "debrief.propose.row.guidance.prompt");
        TextField reply = field("rowReply", "debrief.propose.row.reply.prompt");
        type.valueProperty().addListener((o, a, t) -> {
            Playbook.Response r = p.how().responseMatrix().stream().filter(x -> x.type() == t).findFirst().orElse(null);
            action.setValue(r == null ? ResponseAction.RESPOND_PUBLICLY : r.action());
            guidance.setText(r == null ? "" : r.guidance());
            reply.setText(r == null || r.replyMinutes() == null ? "" : String.valueOf(r.replyMinutes()));
        });
        type.setValue(MentionType.COMPLAINT);
        return ask(owner, "debrief.propose.row.title", () -> new Proposal.ResponseRow(type.getValue(),
                action.getValue(), guidance.getText(),
                reply.getText().isBlank() ? null : Integer.parseInt(reply.getText().strip())), List.of(
                row("debrief.propose.row.type", type), row("debrief.propose.row.action", action),
                row("debrief.propose.row.guidance", guidance), row("debrief.propose.row.reply", reply)),
                () -> guidance.getText().isBlank() ? messages.get("debrief.propose.required")
                        : minutes(reply.getText(), true) ? null : messages.get("debrief.propose.minutes.invalid"));
    }

    /** A template for a channel and stage the playbook has none for. */
    public Optional<Proposal> template(Window owner, Playbook p) {
        ComboBox<Channel> channel = combo("templateChannel", Channel.values(), c -> messages.get(ChannelNames.key(c)));
        ComboBox<Stage> stage = combo("templateStage", Stage.values(), s -> messages.get(DebriefLabels.stage(s)));
        // the first channel and stage without a template
        outer:
        for (Stage s : Stage.values()) {
            for (Channel c : Channel.values()) {
                if (p.how().templates().stream().noneMatch(t -> t.channel() == c && t.stage() == s)) {
                    channel.setValue(c);
                    stage.setValue(s);
                    break outer;
                }
            }
        }
        TextArea text = new TextArea();
        text.setId("templateText");
        text.setWrapText(true);
        text.setPrefRowCount(5);
        text.setPromptText(messages.get("debrief.propose.template.text.prompt"));
        return ask(owner, "debrief.propose.template.title", () -> new Proposal.Template(channel.getValue(),
                stage.getValue(), text.getText()), List.of(row("debrief.propose.template.channel", channel),
                row("debrief.propose.template.stage", stage), row("debrief.propose.template.text", text)),
                () -> channel.getValue() == null || stage.getValue() == null || text.getText().isBlank()
                        ? messages.get("debrief.propose.required") : null);
    }

    /** The whole YAML, edited by hand, with a short description of the change. */
    public Optional<Proposal> freeEdit(Window owner, String yaml) {
        return freeEdit(owner, yaml, "");
    }

    /** The free edit, seeded with {@code yaml} and {@code what} (a suggestion's), for the person to edit. */
    public Optional<Proposal> freeEdit(Window owner, String yaml, String what) {
        TextArea text = new TextArea(yaml);
        text.setId("freeYaml");
        text.setPrefRowCount(24);
        text.setPrefColumnCount(80);
        TextField description = field("freeDescription", "debrief.propose.free.description.prompt");
        description.setText(what);
        return ask(owner, "debrief.propose.free.title", () -> new Proposal.FreeEdit(text.getText(),
                description.getText()), List.of(row("debrief.propose.free.description", description),
                row("debrief.propose.free.text", text)),
                () -> description.getText().isBlank() ? messages.get("debrief.propose.required") : null);
    }

    private record Row(String label, Node field) {
    }

    private static Row row(String label, Node field) {
        return new Row(label, field);
    }

    private Optional<Proposal> ask(Window owner, String title, Supplier<Proposal> result, List<Row> rows,
            Supplier<String> problemOf) {
        Dialog<Proposal> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get(title));
        dialog.setHeaderText(messages.get("debrief.propose.header"));
        Label problem = new Label();
        problem.setId("proposeProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8, 4, 4, 4));
        for (int i = 0; i < rows.size(); i++) {
            Label l = new Label(messages.get(rows.get(i).label()));
            l.setMinWidth(Label.USE_PREF_SIZE);
            grid.addRow(i, l, rows.get(i).field());
            GridPane.setHgrow(rows.get(i).field(), Priority.ALWAYS);
        }
        grid.add(problem, 1, rows.size());
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(620);
        ButtonType propose = new ButtonType(messages.get("debrief.propose.ok"), ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(propose, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(propose);
        ok.setId("proposeOk");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String why = problemOf.get();
            if (why != null) {
                problem.setText(why);
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == propose ? result.get() : null);
        return dialog.showAndWait();
    }

    private TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(messages.get(prompt));
        return f;
    }

    private static <T> ComboBox<T> combo(String id, T[] values, java.util.function.Function<T, String> label) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(Arrays.asList(values));
        c.setConverter(DisplayConverter.of(label));
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    /** Whole minutes from 1 to 100000 (or empty, where that is allowed). */
    static boolean minutes(String text, boolean emptyOk) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return emptyOk;
        }
        try {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= 100_000;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
