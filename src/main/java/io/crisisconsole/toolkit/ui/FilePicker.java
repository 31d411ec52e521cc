package io.crisisconsole.toolkit.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks for a file to read or write. The app uses the system's file chooser; UI tests pass their own
 * (a native dialog cannot be driven headless).
 */
public interface FilePicker {

    /**
     * @param filter description and patterns, e.g. {@code "Contacts (*.csv, *.vcf)", "*.csv", "*.vcf"}
     */
    Optional<Path> open(Window owner, String title, String filterDescription, String... patterns);

    Optional<Path> save(Window owner, String title, String initialName, String filterDescription, String... patterns);

    /** The JavaFX {@link FileChooser}. */
    static FilePicker system() {
        return new FilePicker() {
            @Override
            public Optional<Path> open(Window owner, String title, String description, String... patterns) {
                FileChooser chooser = chooser(title, description, patterns);
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> save(Window owner, String title, String initialName, String description,
                    String... patterns) {
                FileChooser chooser = chooser(title, description, patterns);
                chooser.setInitialFileName(initialName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(String title, String description, String... patterns) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
                return chooser;
            }
        };
    }
}
