package io.crisisconsole.playbooks.ui;

import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.MentionType;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.toolkit.Language;
import io.crisisconsole.toolkit.Messages;
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

    private final Messages messages;
    private final RecordListEditor<Playbook.Trigger> triggers;
    private final RecordListEditor<Playbook.SeverityLevel> levels;
    private final RecordForm<Playbook.Slas> slas;
    private final RecordListEditor<Playbook.EscalationThreshold> thresholds;

    private final RecordListEditor<Playbook.Role> roles;
    private final TextArea notifyOnActivation;

    private final RecordForm<Playbook.Principles> principles;
    private final RecordListEditor<Playbook.Step> steps;
    private final TextArea toneRules;
    private final Map<String, TextArea> forbidden = new LinkedHashMap<>();
    private final RecordListEditor<Playbook.Response> responses;
    private final RecordListEditor<Playbook.Template> templates;

    private final RecordForm<Playbook.Hub> hub;
    private final TextField hashtag = new TextField();
    private final RecordListEditor<Playbook.ChannelRole> channels;

    private final List<Runnable> listeners = new ArrayList<>();
    private int format = 1;
    private boolean loading;

    public PlaybookForm(Messages messages) {
        this.messages = messages;
        triggers = new RecordListEditor<>(Playbook.Trigger.class, () -> new Playbook.Trigger("new-trigger", "", 3),
                messages);
        levels = new RecordListEditor<>(Playbook.SeverityLevel.class,
                () -> new Playbook.SeverityLevel(4, "", List.of(), List.of()), messages);
        slas = new RecordForm<>(Playbook.Slas.class, messages);
        thresholds = new RecordListEditor<>(Playbook.EscalationThreshold.class,
                () -> new Playbook.EscalationThreshold("", 2, List.of()), messages);
        roles = new RecordListEditor<>(Playbook.Role.class,
                () -> new Playbook.Role("new-role", "", "", List.of(), List.of(), List.of()), messages);
        notifyOnActivation = listArea();
        principles = new RecordForm<>(Playbook.Principles.class, messages);
        steps = new RecordListEditor<>(Playbook.Step.class,
                () -> new Playbook.Step("new-step", "", "incident-lead", 30, ""), messages);
        toneRules = listArea();
        responses = new RecordListEditor<>(Playbook.Response.class,
                () -> new Playbook.Response(MentionType.COMPLAINT, ResponseAction.RESPOND_PUBLICLY_THEN_PRIVATE, ""),
                messages);
        templates = new RecordListEditor<>(Playbook.Template.class,
                () -> new Playbook.Template(Channel.X, Stage.INVESTIGATING, ""), messages);
        hub = new RecordForm<>(Playbook.Hub.class, messages);
        channels = new RecordListEditor<>(Playbook.ChannelRole.class,
                () -> new Playbook.ChannelRole(Channel.FACEBOOK, ""), messages);

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
        head.addRow(0, label("playbooks.form.id"), id);
        head.addRow(1, label("playbooks.form.language"), language);
        head.addRow(2, label("playbooks.form.title"), title);
        head.addRow(3, label("playbooks.form.summary"), summary);

        GridPane tone = grid();
        tone.addRow(0, label("playbooks.form.toneRules"), toneRules);
        int row = 1;
        for (Map.Entry<String, TextArea> e : forbidden.entrySet()) {
            tone.addRow(row++, new Label(messages.get("playbooks.form.neverSay", e.getKey())), e.getValue());
        }

        GridPane notify = grid();
        notify.addRow(0, label("playbooks.form.notifyOnActivation"), notifyOnActivation);
        GridPane tag = grid();
        tag.addRow(0, label("playbooks.form.hashtag"), hashtag);

        getTabs().addAll(
                tab("playbook", section("playbooks.form.section.about", head)),
                tab("when", section("playbooks.form.section.triggers", triggers),
                        section("playbooks.form.section.levels", levels),
                        section("playbooks.form.section.slas", slas),
                        section("playbooks.form.section.thresholds", thresholds)),
                tab("who", section("playbooks.form.section.roles", roles),
                        section("playbooks.form.section.activation", notify)),
                tab("how", section("playbooks.form.section.principles", principles),
                        section("playbooks.form.section.steps", steps), section("playbooks.form.section.tone", tone),
                        section("playbooks.form.section.responses", responses),
                        section("playbooks.form.section.templates", templates)),
                tab("where", section("playbooks.form.section.hub", hub),
                        section("playbooks.form.section.hashtag", tag),
                        section("playbooks.form.section.channels", channels)));
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

    private TextArea listArea() {
        TextArea area = new TextArea();
        area.setWrapText(true);
        area.setPrefRowCount(3);
        area.setPromptText(messages.get("playbooks.form.onePerLine"));
        return area;
    }

    private Label label(String key) {
        return new Label(messages.get(key));
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

    private TitledPane section(String headingKey, Node content) {
        TitledPane pane = new TitledPane(messages.get(headingKey), content);
        pane.setCollapsible(false);
        return pane;
    }

    /** A tab titled {@code playbooks.form.tab.<id>}, with the node id {@code form-tab-<id>}. */
    private Tab tab(String id, Node... sections) {
        VBox box = new VBox(12, sections);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        Tab t = new Tab(messages.get("playbooks.form.tab." + id), scroll);
        t.setId("form-tab-" + id);
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
