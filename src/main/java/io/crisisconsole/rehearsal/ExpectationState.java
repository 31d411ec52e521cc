package io.crisisconsole.rehearsal;

/** Where an expectation stands: not decided yet, or its result. Stored by name. */
public enum ExpectationState {
    PENDING, PASSED, FAILED, EXPIRED;

    public static ExpectationState of(Scenario.Result result) {
        return switch (result) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case EXPIRED -> EXPIRED;
        };
    }

    /** The result, for a decided one. */
    public Scenario.Result result() {
        return switch (this) {
            case PASSED -> Scenario.Result.PASSED;
            case FAILED -> Scenario.Result.FAILED;
            case EXPIRED -> Scenario.Result.EXPIRED;
            case PENDING -> throw new IllegalStateException("not decided yet");
        };
    }
}
