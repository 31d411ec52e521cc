package io.crisisconsole.playbooks;

import java.util.List;

/** A playbook that breaks the format; nothing was saved. Carries every problem found. */
public class PlaybookInvalidException extends RuntimeException {

    private final List<PlaybookProblem> problems;

    public PlaybookInvalidException(List<PlaybookProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<PlaybookProblem> problems() {
        return problems;
    }

    private static String summary(List<PlaybookProblem> problems) {
        if (problems.isEmpty()) {
            return "the playbook is not valid";
        }
        return problems.get(0).format() + (problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)");
    }
}
