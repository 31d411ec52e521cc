package io.crisisconsole.playbooks;

import io.crisisconsole.toolkit.ConcurrentChangeException;

/** The playbook got a newer version elsewhere since the one being edited was loaded. */
public class PlaybookChangedException extends ConcurrentChangeException {

    public PlaybookChangedException(String name, int expected, int current) {
        super("playbook " + name + " was changed elsewhere (now version " + current + ", you started from version "
                + expected + "); reload it and try again");
    }
}
