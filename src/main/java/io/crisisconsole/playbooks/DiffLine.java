package io.crisisconsole.playbooks;

/**
 * One line of a diff between two versions of a playbook's YAML. Line numbers are 1-based; the old
 * one is null for an added line, the new one for a removed line.
 */
public record DiffLine(Kind kind, Integer oldLine, Integer newLine, String text) {

    public enum Kind {
        SAME, ADDED, REMOVED
    }
}
