package io.crisisconsole.inbox.ui;

import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.ResponseClock;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One row of the inbox list: the clock, author, platform, time and reach, the text on one line, the
 * type and the state. Built once per visible row; redrawn when its mention is read or changed and,
 * for the clock only, every second.
 */
final class MentionCell extends ListCell<Long> {

    /** The row height: fixed, so that the list never measures 200,000 rows. */
    static final double HEIGHT = 56;
    private static final int SHOWN_TEXT = 240;

    private final InboxViewModel vm;
    private final Messages messages;
    private final Formats formats;
    private final ClockText clocks;
    private final Label clock = new Label();
    private final Label author = new Label();
    private final Label meta = new Label();
    private final Label text = new Label();
    private final Label type = new Label();
    private final Label state = new Label();
    private final HBox row;
    private Mention shown;
    private final ChangeListener<Number> onRevision = (o, a, b) -> redraw();
    private final ChangeListener<Number> onTick = (o, a, b) -> redrawClock();

    MentionCell(InboxViewModel vm, Messages messages, Formats formats, ClockText clocks) {
        this.vm = vm;
        this.messages = messages;
        this.formats = formats;
        this.clocks = clocks;
        clock.getStyleClass().addAll("mention-clock", "text-small");
        clock.setMinWidth(92);
        clock.setPrefWidth(92);
        clock.setAlignment(Pos.CENTER_RIGHT);
        author.getStyleClass().add("text-bold");
        author.setMinWidth(60);
        meta.getStyleClass().addAll("text-muted", "text-small");
        meta.setMinWidth(0);
        text.setTextOverrun(OverrunStyle.ELLIPSIS);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        type.getStyleClass().add("text-small");
        type.setMinWidth(Region.USE_PREF_SIZE);
        state.getStyleClass().addAll("text-muted", "text-small");
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, author, meta);
        top.setAlignment(Pos.BASELINE_LEFT);
        VBox main = new VBox(2, top, text);
        main.setMinWidth(0);
        HBox.setHgrow(main, Priority.ALWAYS);
        VBox right = new VBox(2, type, state);
        right.setAlignment(Pos.TOP_RIGHT);
        right.setMinWidth(Region.USE_PREF_SIZE);
        row = new HBox(10, clock, main, right);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinWidth(0);
        setPrefHeight(HEIGHT);
        // as wide as the list, never wider: the text is cut with an ellipsis instead of a scroll bar
        setPrefWidth(0);
        row.maxWidthProperty().bind(widthProperty().subtract(insetsWidth()));
        // weak: a cell the list lets go of is not kept alive (and redrawn) by the view-model
        vm.revisionProperty().addListener(new WeakChangeListener<>(onRevision));
        vm.nowProperty().addListener(new WeakChangeListener<>(onTick));
    }

    private javafx.beans.binding.DoubleBinding insetsWidth() {
        return javafx.beans.binding.Bindings.createDoubleBinding(
                () -> snappedLeftInset() + snappedRightInset() + 2, insetsProperty());
    }

    @Override
    protected void updateItem(Long id, boolean empty) {
        super.updateItem(id, empty);
        setText(null);
        redraw();
    }

    private void redraw() {
        if (isEmpty() || getItem() == null) {
            shown = null;
            setGraphic(null);
            return;
        }
        Mention m = vm.mentionAt(getIndex());
        shown = m != null && m.id() == getItem() ? m : null;
        if (shown == null) {
            author.setText(messages.get("inbox.list.loading"));
            meta.setText("");
            text.setText("");
            type.setText("");
            state.setText("");
            clock.setText("");
        } else {
            author.setText(shown.author() == null ? messages.get("inbox.author.unknown") : shown.author());
            meta.setText(meta(shown));
            text.setText(oneLine(shown.text()));
            type.setText(messages.get("inbox.type." + shown.type().cliName()));
            type.getStyleClass().remove("text-muted");
            if (shown.typeSuggested()) {
                type.getStyleClass().add("text-muted");
            }
            state.setText(messages.get("inbox.state." + shown.state().cliName()));
            redrawClock();
        }
        setGraphic(row);
    }

    private void redrawClock() {
        if (shown == null) {
            return;
        }
        ResponseClock c = vm.clockOf(shown);
        clock.setText(clocks.text(c));
        clock.getStyleClass().removeAll(ClockText.STYLES);
        String style = ClockText.styleOf(c);
        if (style != null) {
            clock.getStyleClass().add(style);
        }
    }

    private String meta(Mention m) {
        StringBuilder b = new StringBuilder();
        if (m.platform() != null) {
            b.append(m.platform()).append(" · ");
        }
        b.append(formats.dayClock(m.publishedAt()));
        if (m.reach() != null) {
            b.append(" · ").append(messages.get("inbox.reach.short", java.util.Map.of("reach",
                    formats.compact(m.reach()))));
        }
        return b.toString();
    }

    static String oneLine(String s) {
        String t = s.length() > SHOWN_TEXT ? s.substring(0, SHOWN_TEXT) : s;
        return t.replaceAll("\\s+", " ").strip();
    }
}
