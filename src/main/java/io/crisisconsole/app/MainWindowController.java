package io.crisisconsole.app;

import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.Theme;
import io.crisisconsole.toolkit.ui.FxTaskRunner;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.Notifier;
import io.crisisconsole.toolkit.ui.ViewLoader;

import java.util.EnumMap;
import java.util.Map;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
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

/** The app shell: navigation, the content area and the status bar. */
public final class MainWindowController {

    private final ViewLoader views;
    private final Notifier notifier;
    private final FxTaskRunner tasks;
    private final Preferences preferences;
    private final DataHome home;
    private final Map<Area, Node> loaded = new EnumMap<>(Area.class);

    @FXML
    private BorderPane root;
    @FXML
    private ToggleGroup nav;
    @FXML
    private ToggleButton navCases;
    @FXML
    private ToggleButton navPlaybooks;
    @FXML
    private ToggleButton navContacts;
    @FXML
    private ToggleButton navRehearsal;
    @FXML
    private ToggleButton navReviews;
    @FXML
    private StackPane content;
    @FXML
    private Button authorButton;
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

    public MainWindowController(ViewLoader views, Notifier notifier, FxTaskRunner tasks, Preferences preferences,
            DataHome home) {
        this.views = views;
        this.notifier = notifier;
        this.tasks = tasks;
        this.preferences = preferences;
        this.home = home;
    }

    @FXML
    private void initialize() {
        navCases.setUserData(Area.CASES);
        navPlaybooks.setUserData(Area.PLAYBOOKS);
        navContacts.setUserData(Area.CONTACTS);
        navRehearsal.setUserData(Area.REHEARSAL);
        navReviews.setUserData(Area.REVIEWS);
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
            messageLabel.getStyleClass().remove("danger");
            if (isError) {
                messageLabel.getStyleClass().add("danger");
            }
        });
        var busy = tasks.runningProperty().greaterThan(0);
        busyIndicator.visibleProperty().bind(busy);
        busyIndicator.managedProperty().bind(busy);
        busyLabel.textProperty().bind(tasks.currentProperty());
        dataLabel.setText("Data: " + home.dir());

        authorButton.textProperty().bind(preferences.authorNameProperty());
        themeButton.textProperty().bind(Bindings.createStringBinding(
                () -> preferences.themeProperty().get() == Theme.DARK ? "Light theme" : "Dark theme",
                preferences.themeProperty()));
        applyTheme(preferences.themeProperty().get());
        preferences.themeProperty().addListener((o, a, b) -> applyTheme(b));

        nav.selectToggle(navCases);
    }

    private static Area areaOf(Toggle t) {
        return (Area) t.getUserData();
    }

    void show(Area area) {
        Node view = loaded.computeIfAbsent(area, this::load);
        content.getChildren().setAll(view);
    }

    private Node load(Area area) {
        if (area == Area.CASES) {
            return views.<Node>load(FxmlView.CASES).root();
        }
        if (area == Area.CONTACTS) {
            return views.<Node>load(FxmlView.CONTACTS).root();
        }
        if (area == Area.PLAYBOOKS) {
            return views.<Node>load(FxmlView.PLAYBOOKS).root();
        }
        ViewLoader.Loaded<Node> page = views.load(FxmlView.COMING_SOON);
        page.controller(ComingSoonController.class).show(area.title(), area.planned());
        return page.root();
    }

    private static void applyTheme(Theme theme) {
        MainWindow.applyTheme(theme);
    }

    @FXML
    private void toggleTheme() {
        preferences.themeProperty().set(preferences.themeProperty().get().other());
    }

    @FXML
    private void changeAuthor() {
        TextInputDialog dialog = new TextInputDialog(preferences.author());
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Acting as");
        dialog.setHeaderText("Your name as it appears on timeline entries");
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty() && s.length() <= 200)
                .ifPresent(preferences.authorNameProperty()::set);
    }
}
