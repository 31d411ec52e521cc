package io.crisisconsole.inbox.ui;

import io.crisisconsole.inbox.ImportResult;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * Importing an export of a social-listening tool into a case's inbox: choose the file, check the
 * guessed mapping on its first rows, read it with progress (cancellable), choose what to do with rows
 * that have problems, store it in one transaction.
 */
public final class MentionImportDialogs {

    /**
     * Runs the whole import from the FX thread; never blocks it.
     *
     * @param imported called on the FX thread after mentions were stored
     */
    public void importInto(Window owner, long caseId, Consumer<ImportResult> imported) {
        // filled in by the import part of issue #10
    }
}
