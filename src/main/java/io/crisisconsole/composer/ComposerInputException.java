package io.crisisconsole.composer;

/**
 * A composer input file (channel limits, cue list, draft) that cannot be used, with where: a
 * 1-based line and column (1:1 for problems with the whole file).
 */
public final class ComposerInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public ComposerInputException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    /** {@code file:line:col: problem}, as compilers print it. */
    public String format() {
        return getMessage();
    }
}
