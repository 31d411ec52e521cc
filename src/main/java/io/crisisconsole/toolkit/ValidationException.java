package io.crisisconsole.toolkit;

/** Input that breaks a rule; names the field so forms and the CLI can point at it. */
public class ValidationException extends RuntimeException implements UserFacing {

    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
