package io.crisisconsole.rehearsal.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.FilePicker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The dialogs of the Rehearsal area: Start exercise… (scenario, facilitator, speed, paused or running;
 * a refused start is shown in the dialog, which stays open) and an inject's Edit… (minute and text).
 */
public final class StartExerciseDialog {

    /** An inject's new minute and text. */
    public record InjectEdit(Integer minute, String text) {
    }

    private final Messages messages;
    private final FilePicker files;

    public StartExerciseDialog(Messages messages, FilePicker files) {
        this.messages = messages;
        this.files = files;
    }

    /** Shows the start dialog (not waiting); it closes when the exercise started. */
    public void start(Window owner, RehearsalViewModel vm, RehearsalViewModel.ScenarioSource preselected,
            Runnable onStarted) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(messages.get("rehearsal.startDialog.title"));
        d.setHeaderText(messages.get("rehearsal.startDialog.heading"));
        ButtonType startType = new ButtonType(messages.get("rehearsal.startDialog.start"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(startType, ButtonType.CANCEL);

        ComboBox<RehearsalViewModel.ScenarioSource> scenario = new ComboBox<>(vm.scenarios());
        scenario.setId("startScenario");
        scenario.setMaxWidth(Double.MAX_VALUE);
        // a long title is cut in the field, not the labels beside it
        scenario.setPrefWidth(380);
        scenario.setMinWidth(200);
        scenario.setCellFactory(l -> new SourceCell());
        scenario.setButtonCell(new SourceCell());
        scenario.setValue(preselected != null ? preselected : vm.scenarios().isEmpty() ? null : vm.scenarios().get(0));
        Button open = new Button(messages.get("rehearsal.openScenario"));
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> files.open(d.getDialogPane().getScene().getWindow(),
                messages.get("rehearsal.openScenario.title"), messages.get("rehearsal.openScenario.filter"),
                "*.yaml", "*.yml").ifPresent(f -> vm.addScenarioFile(f, scenario::setValue)));
        HBox scenarioLine = new HBox(8, scenario, open);
        HBox.setHgrow(scenario, javafx.scene.layout.Priority.ALWAYS);

        TextField facilitator = new TextField(vm.author());
        facilitator.setId("startFacilitator");
        ToggleGroup speedGroup = new ToggleGroup();
        HBox speeds = new HBox();
        for (int s : List.of(1, 5, 10, 60)) {
            ToggleButton b = new ToggleButton(messages.get("rehearsal.speed", Map.of("speed", s)));
            b.setUserData(s);
            b.setId("startSpeed" + s);
            b.setToggleGroup(speedGroup);
            b.getStyleClass().add(s == 1 ? Styles.LEFT_PILL : s == 60 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            speeds.getChildren().add(b);
            if (s == 1) {
                b.setSelected(true);
            }
        }
        speedGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                speedGroup.selectToggle(a);
            }
        });
        CheckBox running = new CheckBox(messages.get("rehearsal.startDialog.running"));
        running.setId("startRunning");
        Label problems = new Label();
        problems.setId("startProblems");
        problems.getStyleClass().add(Styles.DANGER);
        problems.setWrapText(true);
        problems.setMaxWidth(560);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        grid.addRow(0, new Label(messages.get("rehearsal.startDialog.scenario")), scenarioLine);
        grid.addRow(1, new Label(messages.get("rehearsal.startDialog.facilitator")), facilitator);
        grid.addRow(2, new Label(messages.get("rehearsal.startDialog.speed")), speeds);
        grid.add(running, 1, 3);
        VBox content = new VBox(12, grid, problems);
        content.setPadding(new Insets(8, 0, 0, 0));
        content.setPrefWidth(600);
        d.getDialogPane().setContent(content);

        Button ok = (Button) d.getDialogPane().lookupButton(startType);
        ok.setId("startExerciseButton");
        ok.disableProperty().bind(scenario.valueProperty().isNull().or(facilitator.textProperty().isEmpty()));
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stays open until the engine said yes
            problems.setText("");
            ok.disableProperty().unbind();
            ok.setDisable(true);
            vm.start(new RehearsalViewModel.StartRequest(scenario.getValue(), facilitator.getText(),
                    (Integer) speedGroup.getSelectedToggle().getUserData(), running.isSelected()), started -> {
                        d.setResult(ButtonType.OK);
                        d.close();
                        onStarted.run();
                    }, why -> {
                        problems.setText(why);
                        ok.disableProperty().bind(scenario.valueProperty().isNull()
                                .or(facilitator.textProperty().isEmpty()));
                        d.getDialogPane().getScene().getWindow().sizeToScene();
                    });
        });
        d.show();
    }

    /** Asks for an inject's minute and text. */
    public Optional<InjectEdit> editInject(Window owner, long minute, String text) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(messages.get("rehearsal.editDialog.title"));
        d.setHeaderText(messages.get("rehearsal.editDialog.heading"));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Spinner<Integer> minuteField = new Spinner<>(0, 24 * 60, (int) minute);
        minuteField.setEditable(true);
        minuteField.setId("editMinute");
        TextArea textField = new TextArea(text);
        textField.setId("editText");
        textField.setWrapText(true);
        textField.setPrefRowCount(5);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label(messages.get("rehearsal.editDialog.minute")), minuteField);
        grid.addRow(1, new Label(messages.get("rehearsal.editDialog.text")), textField);
        d.getDialogPane().setContent(grid);
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> new InjectEdit(
                minuteField.getValue() == minute ? null : minuteField.getValue(),
                textField.getText().equals(text) ? null : textField.getText()));
    }

    private static final class SourceCell extends ListCell<RehearsalViewModel.ScenarioSource> {
        @Override
        protected void updateItem(RehearsalViewModel.ScenarioSource s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : s.title());
        }
    }
}
