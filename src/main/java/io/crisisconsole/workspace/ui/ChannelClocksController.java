package io.crisisconsole.workspace.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.cases.ui.CaseClock;
import io.crisisconsole.playbooks.ui.ChannelNames;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.Countdown;
import io.crisisconsole.toolkit.ui.Ticker;
import io.crisisconsole.workspace.ChannelClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The channel clocks of the case workspace: a tile per channel with the last publication there and
 * the countdown to the next one, amber in its last quarter and red once late. The app's ticker
 * moves them.
 */
public final class ChannelClocksController {

    /** Every tile is this wide, so a changing text never moves the others. */
    static final double TILE_WIDTH = 122;

    private final WorkspaceViewModel vm;
    private final Messages messages;
    private final Formats formats;
    private final Ticker ticker;
    /** The case's time: an exercise's countdowns run on its clock. */
    private final CaseClock caseClock;
    private final Countdown countdown;
    private final List<Tile> tiles = new ArrayList<>();

    @FXML
    private FlowPane root;

    public ChannelClocksController(WorkspaceViewModel vm, Messages messages, Formats formats, CaseClock caseClock) {
        this.vm = vm;
        this.messages = messages;
        this.formats = formats;
        this.ticker = caseClock.ticker();
        this.caseClock = caseClock;
        this.countdown = new Countdown(messages, formats);
    }

    @FXML
    private void initialize() {
        vm.clocks().addListener((ListChangeListener<ChannelClock>) c -> rebuild());
        ticker.nowProperty().addListener((o, a, b) -> {
            if (root.getScene() != null && root.isVisible()) {
                tiles.forEach(t -> t.show(caseClock.now(vm.currentProperty().get())));
            }
        });
        rebuild();
    }

    private void rebuild() {
        List<ChannelClock> now = vm.clocks();
        if (tiles.size() == now.size() && !tiles.isEmpty()) {
            boolean same = true;
            for (int i = 0; i < now.size(); i++) {
                same &= tiles.get(i).clock.channel() == now.get(i).channel()
                        && tiles.get(i).clock.hub() == now.get(i).hub();
            }
            if (same) {
                // the same channels read again: the tiles stay, only what they say changes
                for (int i = 0; i < now.size(); i++) {
                    tiles.get(i).clock = now.get(i);
                    tiles.get(i).show(caseClock.now(vm.currentProperty().get()));
                }
                return;
            }
        }
        tiles.clear();
        root.getChildren().clear();
        for (ChannelClock clock : vm.clocks()) {
            Tile t = new Tile(clock);
            tiles.add(t);
            root.getChildren().add(t.box);
            t.show(caseClock.now(vm.currentProperty().get()));
        }
        root.setVisible(!tiles.isEmpty());
        root.setManaged(!tiles.isEmpty());
    }

    private final class Tile {
        ChannelClock clock;
        final VBox box = new VBox(2);
        final Label name = new Label();
        final Label last = new Label();
        final Label due = new Label();
        final Tooltip tooltip = new Tooltip();

        Tile(ChannelClock clock) {
            this.clock = clock;
            box.getStyleClass().add("channel-clock");
            box.setId("clock-" + clock.channel().yamlName());
            box.setPrefWidth(TILE_WIDTH);
            box.setMinWidth(TILE_WIDTH);
            box.setMaxWidth(TILE_WIDTH);
            name.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
            // a long channel name takes a second line rather than being cut
            name.setWrapText(true);
            name.setMinHeight(Label.USE_PREF_SIZE);
            name.setText(messages.get(ChannelNames.key(clock.channel())));
            if (clock.hub()) {
                name.setGraphic(new FontIcon("fth-home"));
            }
            last.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            due.getStyleClass().add(Styles.TEXT_SMALL);
            due.setId("clock-due-" + clock.channel().yamlName());
            box.getChildren().addAll(name, due, last);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(360);
            Tooltip.install(box, tooltip);
        }

        void show(Instant now) {
            last.setText(clock.last() == null ? messages.get("workspace.clock.never")
                    : messages.get("workspace.clock.last", Map.of("at", formats.clock(clock.last()))));
            String what = messages.get("workspace.clock.basis." + clock.basis().name().toLowerCase(Locale.ROOT));
            tooltip.setText(messages.get("workspace.clock.tooltip", Map.of("channel", name.getText(), "role", clock.role(),
                    "what", what, "at", clock.due() == null ? "" : formats.clock(clock.due()), "atGiven", clock.due() != null,
                    "hub", clock.hub())));
            due.getStyleClass().removeAll(Countdown.STYLES);
            box.getStyleClass().removeAll("late", "soon");
            Duration remaining = clock.remaining(now);
            if (remaining == null) {
                due.setText(messages.get("workspace.clock.nothingDue"));
                due.getStyleClass().add(Styles.TEXT_MUTED);
                return;
            }
            due.setText(countdown.text(remaining));
            Countdown.Phase phase = Countdown.phase(clock.total(), remaining);
            String style = Countdown.styleOf(phase);
            if (style != null) {
                due.getStyleClass().add(style);
                box.getStyleClass().add(phase == Countdown.Phase.LATE ? "late" : "soon");
            }
        }
    }
}
