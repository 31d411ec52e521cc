package io.crisisconsole.playbooks;

/**
 * One thing wrong with a playbook file, at a 1-based line and column. The message starts with the
 * readable path of the offending key where there is one ({@code when.triggers[1].severity: ...}).
 */
public record PlaybookProblem(String file, int line, int column, String message) {

    /** {@code file:line:col: message}, as compilers print it. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
