package io.crisisconsole.testsupport;

import io.crisisconsole.toolkit.ui.FilePicker;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** A {@link FilePicker} for UI tests: every open and save dialog "chooses" {@link #next}, or is cancelled when it is null. */
public final class ScriptedFilePicker implements FilePicker {

    /** What the next file chooser answers; null: the person cancels. */
    public Path next;

    @Override
    public Optional<Path> open(Window owner, String title, String description, String... patterns) {
        return Optional.ofNullable(next);
    }

    @Override
    public Optional<Path> save(Window owner, String title, String initialName, String description,
            String... patterns) {
        return Optional.ofNullable(next);
    }
}
