package io.crisisconsole.app;

import atlantafx.base.theme.Styles;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.Theme;
import io.crisisconsole.toolkit.ui.FxTaskRunner;
import io.crisisconsole.toolkit.ui.Navigator;
import io.crisisconsole.toolkit.ui.Notifier;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The app shell: navigation built from the {@link Areas}, the content area and the status bar. */
public final class MainWindowController {

    private static final int MAX_AUTHOR_LENGTH = 200;

    private final Areas areas;
    private final Messages messages;
    private final Notifier notifier;
    private final FxTaskRunner tasks;
    private final Preferences preferences;
    private final DataHome home;
    private final boolean readOnly;
    private final Map<String, Node> loaded = new HashMap<>();

    @FXML
    private BorderPane root;
    @FXML
    private ToggleGroup nav;
    @FXML
    private VBox navBox;
    @FXML
    private StackPane content;
    @FXML
    private Button authorButton;
    @FXML
    private Button brandButton;
    @FXML
    private Button themeButton;
    @FXML
    private Label messageLabel;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Label busyLabel;
    @FXML
    private Label dataLabel;

    public MainWindowController(Areas areas, Messages messages, Notifier notifier, FxTaskRunner tasks,
            Preferences preferences, DataHome home, boolean readOnly, Navigator navigator) {
        this.readOnly = readOnly;
        this.navigator = navigator;
        this.areas = areas;
        this.messages = messages;
        this.notifier = notifier;
        this.tasks = tasks;
        this.preferences = preferences;
        this.home = home;
    }

    private final Navigator navigator;

    @FXML
    private void initialize() {
        navigator.setShow(id -> nav.getToggles().stream().filter(t -> areaOf(t).id().equals(id)).findFirst()
                .ifPresent(nav::selectToggle));
        for (Area area : areas.all()) {
            navBox.getChildren().add(navButton(area));
        }
        nav.selectedToggleProperty().addListener((o, before, after) -> {
            if (after == null) {
                // keep one area selected: clicking the active button again does nothing
                nav.selectToggle(before);
            } else {
                show(areaOf(after));
            }
        });

        messageLabel.textProperty().bind(notifier.messageProperty());
        notifier.errorProperty().addListener((o, a, isError) -> {
            messageLabel.getStyleClass().remove(Styles.DANGER);
            if (isError) {
                messageLabel.getStyleClass().add(Styles.DANGER);
            }
        });
        var busy = tasks.runningProperty().greaterThan(0);
        busyIndicator.visibleProperty().bind(busy);
        busyIndicator.managedProperty().bind(busy);
        busyLabel.textProperty().bind(tasks.currentProperty());
        dataLabel.setText(readOnly ? messages.get("main.data.readOnly", home.dir().toString())
                : messages.get("main.data", home.dir().toString()));

        authorButton.textProperty().bind(preferences.authorNameProperty());
        brandButton.textProperty().bind(Bindings.createStringBinding(() -> preferences.brand().isEmpty()
                ? messages.get("main.brand.notSet") : preferences.brand(), preferences.brandNameProperty()));
        themeButton.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get(preferences.themeProperty().get() == Theme.DARK ? "main.theme.light" : "main.theme.dark"),
                preferences.themeProperty()));
        applyTheme(preferences.themeProperty().get());
        preferences.themeProperty().addListener((o, a, b) -> applyTheme(b));

        if (!nav.getToggles().isEmpty()) {
            nav.selectToggle(nav.getToggles().get(0));
        }
    }

    private ToggleButton navButton(Area area) {
        ToggleButton b = new ToggleButton(messages.get(area.titleKey()), new FontIcon(area.icon()));
        b.setId(area.navId());
        b.setUserData(area);
        b.setToggleGroup(nav);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add(Styles.FLAT);
        return b;
    }

    private static Area areaOf(Toggle t) {
        return (Area) t.getUserData();
    }

    void show(Area area) {
        Node view = loaded.computeIfAbsent(area.id(), id -> area.view().get());
        content.getChildren().setAll(view);
    }

    private static void applyTheme(Theme theme) {
        MainWindow.applyTheme(theme);
    }

    @FXML
    private void toggleTheme() {
        preferences.themeProperty().set(preferences.themeProperty().get().other());
    }

    /** The brand name setting: what fills {{brand}}; an empty answer clears it. */
    @FXML
    private void changeBrand() {
        TextInputDialog dialog = new TextInputDialog(preferences.brand());
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(messages.get("main.brand.dialog.title"));
        dialog.setHeaderText(messages.get("main.brand.dialog.header"));
        dialog.getEditor().setId("brandField");
        dialog.showAndWait().map(String::strip).filter(s -> s.length() <= MAX_AUTHOR_LENGTH)
                .ifPresent(preferences.brandNameProperty()::set);
    }

    @FXML
    private void changeAuthor() {
        TextInputDialog dialog = new TextInputDialog(preferences.author());
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(messages.get("main.author.dialog.title"));
        dialog.setHeaderText(messages.get("main.author.dialog.header"));
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty() && s.length() <= MAX_AUTHOR_LENGTH)
                .ifPresent(preferences.authorNameProperty()::set);
    }
}
