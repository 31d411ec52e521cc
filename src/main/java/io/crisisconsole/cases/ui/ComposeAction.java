package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CrisisCase;
import javafx.stage.Window;

/** Opens the message composer of a case (wired in by the app; the cases views do not know the composer). */
@FunctionalInterface
public interface ComposeAction {

    void compose(Window owner, CrisisCase c);
}
