package io.crisisconsole.playbooks.ui;

import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.MentionType;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.toolkit.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Form-based editing of every section of a playbook: WHEN, WHO, HOW and WHERE, one tab each, built
 * from the model's records. {@link #value()} gives the playbook as edited.
 */
public final class PlaybookForm extends TabPane {

    private final TextField id = new TextField();
    private final ComboBox<String> language = new ComboBox<>();
    private final TextField title = new TextField();
    private final TextArea summary = new TextArea();

    private final RecordListEditor<Playbook.Trigger> triggers = new RecordListEditor<>(Playbook.Trigger.class,
            () -> new Playbook.Trigger("new-trigger", "", 3));
    private final RecordListEditor<Playbook.SeverityLevel> levels = new RecordListEditor<>(
            Playbook.SeverityLevel.class, () -> new Playbook.SeverityLevel(4, "", List.of(), List.of()));
    private final RecordForm<Playbook.Slas> slas = new RecordForm<>(Playbook.Slas.class);
    private final RecordListEditor<Playbook.EscalationThreshold> thresholds = new RecordListEditor<>(
            Playbook.EscalationThreshold.class, () -> new Playbook.EscalationThreshold("", 2, List.of()));

    private final RecordListEditor<Playbook.Role> roles = new RecordListEditor<>(Playbook.Role.class,
            () -> new Playbook.Role("new-role", "", "", List.of(), List.of(), List.of()));
    private final TextArea notifyOnActivation = listArea();

    private final RecordForm<Playbook.Principles> principles = new RecordForm<>(Playbook.Principles.class);
    private final RecordListEditor<Playbook.Step> steps = new RecordListEditor<>(Playbook.Step.class,
            () -> new Playbook.Step("new-step", "", "incident-lead", 30, ""));
    private final TextArea toneRules = listArea();
    private final Map<String, TextArea> forbidden = new LinkedHashMap<>();
    private final RecordListEditor<Playbook.Response> responses = new RecordListEditor<>(Playbook.Response.class,
            () -> new Playbook.Response(MentionType.COMPLAINT, ResponseAction.RESPOND_PUBLICLY_THEN_PRIVATE, ""));
    private final RecordListEditor<Playbook.Template> templates = new RecordListEditor<>(Playbook.Template.class,
            () -> new Playbook.Template(Channel.X, Stage.INVESTIGATING, ""));

    private final RecordForm<Playbook.Hub> hub = new RecordForm<>(Playbook.Hub.class);
    private final TextField hashtag = new TextField();
    private final RecordListEditor<Playbook.ChannelRole> channels = new RecordListEditor<>(
            Playbook.ChannelRole.class, () -> new Playbook.ChannelRole(Channel.FACEBOOK, ""));

    private final List<Runnable> listeners = new ArrayList<>();
    private int format = 1;
    private boolean loading;

    public PlaybookForm() {
        id.setId("playbook-id");
        language.setId("playbook-language");
        title.setId("playbook-title");
        summary.setId("playbook-summary");
        hashtag.setId("playbook-hashtag");
        notifyOnActivation.setId("playbook-notify");
        toneRules.setId("playbook-tone-rules");
        language.getItems().setAll(Language.codes());
        summary.setWrapText(true);
        summary.setPrefRowCount(3);
        for (String lang : Language.codes()) {
            TextArea area = listArea();
            area.setId("playbook-forbidden-" + lang);
            forbidden.put(lang, area);
        }

        GridPane head = grid();
        head.addRow(0, new Label("Id"), id);
        head.addRow(1, new Label("Language"), language);
        head.addRow(2, new Label("Title"), title);
        head.addRow(3, new Label("Summary"), summary);

        GridPane tone = grid();
        tone.addRow(0, new Label("Tone rules"), toneRules);
        int row = 1;
        for (Map.Entry<String, TextArea> e : forbidden.entrySet()) {
            tone.addRow(row++, new Label("Never say (" + e.getKey() + ")"), e.getValue());
        }

        GridPane notify = grid();
        notify.addRow(0, new Label("Notify on activation"), notifyOnActivation);
        GridPane tag = grid();
        tag.addRow(0, new Label("Official hashtag"), hashtag);

        getTabs().addAll(
                tab("Playbook", section("About this playbook", head)),
                tab("When", section("Triggers", triggers), section("Severity levels", levels),
                        section("Response-time targets (minutes)", slas),
                        section("Escalation thresholds", thresholds)),
                tab("Who", section("Roles", roles), section("On activation", notify)),
                tab("How", section("Principles: acknowledge, apologize, admit, fix, compensate", principles),
                        section("Steps (owner role, due at T+minutes)", steps), section("Tone", tone),
                        section("Response matrix", responses), section("Templates", templates)),
                tab("Where", section("The one official hub", hub), section("Hashtag", tag),
                        section("Channels", channels)));
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        Runnable changed = this::changed;
        for (var editor : List.of(triggers, levels, thresholds, roles, steps, responses, templates, channels)) {
            editor.onChange(changed);
        }
        slas.onChange(changed);
        principles.onChange(changed);
        hub.onChange(changed);
        for (var text : List.of(id, title, hashtag)) {
            text.textProperty().addListener((o, a, b) -> changed());
        }
        for (var area : List.of(summary, notifyOnActivation, toneRules)) {
            area.textProperty().addListener((o, a, b) -> changed());
        }
        forbidden.values().forEach(a -> a.textProperty().addListener((o, x, y) -> changed()));
        language.valueProperty().addListener((o, a, b) -> changed());
    }

    private static TextArea listArea() {
        TextArea area = new TextArea();
        area.setWrapText(true);
        area.setPrefRowCount(3);
        area.setPromptText("one per line");
        return area;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(160),
                new javafx.scene.layout.ColumnConstraints());
        g.getColumnConstraints().get(1).setHgrow(javafx.scene.layout.Priority.ALWAYS);
        return g;
    }

    private static TitledPane section(String heading, Node content) {
        TitledPane pane = new TitledPane(heading, content);
        pane.setCollapsible(false);
        return pane;
    }

    private static Tab tab(String name, Node... sections) {
        VBox box = new VBox(12, sections);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        Tab t = new Tab(name, scroll);
        t.setId("form-tab-" + name.toLowerCase(java.util.Locale.ROOT));
        return t;
    }

    private void changed() {
        if (!loading) {
            listeners.forEach(Runnable::run);
        }
    }

    public void onChange(Runnable r) {
        listeners.add(r);
    }

    /** Shows a playbook in every section. */
    public void show(Playbook p) {
        loading = true;
        try {
            format = p.format();
            id.setText(p.id());
            language.setValue(p.language());
            title.setText(p.title());
            summary.setText(p.summary());
            triggers.setItems(p.when().triggers());
            levels.setItems(p.when().severityLevels());
            slas.setValue(p.when().slas());
            thresholds.setItems(p.when().escalationThresholds());
            roles.setItems(p.who().roles());
            notifyOnActivation.setText(String.join("\n", p.who().notifyOnActivation()));
            principles.setValue(p.how().principles());
            steps.setItems(p.how().steps());
            toneRules.setText(String.join("\n", p.how().tone().rules()));
            for (Map.Entry<String, TextArea> e : forbidden.entrySet()) {
                List<String> phrases = p.how().tone().forbiddenPhrases() == null ? null
                        : p.how().tone().forbiddenPhrases().get(e.getKey());
                e.getValue().setText(phrases == null ? "" : String.join("\n", phrases));
            }
            responses.setItems(p.how().responseMatrix());
            templates.setItems(p.how().templates());
            hub.setValue(p.where().hub());
            hashtag.setText(p.where().hashtag());
            channels.setItems(p.where().channels());
        } finally {
            loading = false;
        }
    }

    /**
     * The playbook as edited.
     *
     * @throws RecordForm.FormException when a number field does not hold a whole number
     */
    public Playbook value() {
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        for (Map.Entry<String, TextArea> e : forbidden.entrySet()) {
            List<String> list = lines(e.getValue());
            if (!list.isEmpty()) {
                phrases.put(e.getKey(), list);
            }
        }
        return new Playbook(format, id.getText().strip(), language.getValue(), title.getText(), summary.getText(),
                new Playbook.When(triggers.items(), levels.items(), slas.value(), thresholds.items()),
                new Playbook.Who(roles.items(), lines(notifyOnActivation)),
                new Playbook.How(principles.value(), steps.items(),
                        new Playbook.Tone(lines(toneRules), phrases), responses.items(), templates.items()),
                new Playbook.Where(hub.value(), hashtag.getText().strip(), channels.items()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(TextArea area) {
        return (List<String>) (List<?>) RecordForm.lines(area.getText(), s -> s);
    }
}
