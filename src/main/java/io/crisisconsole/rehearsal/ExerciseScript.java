package io.crisisconsole.rehearsal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the team does in a headless run ({@code exercise run --script}): actions at exercise
 * minutes, for rehearsing the scoring itself and for tests. YAML, snake_case keys; see
 * playbooks/scenarios/FORMAT.md ("Scripted team actions").
 */
public record ExerciseScript(int format, List<Action> actions) {

    /** What an action does. */
    public enum Do {
        /** Answer the inbox mentions an inject made ({@code inject}, {@code text}, {@code visibility}, {@code count}). */
        ANSWER,
        /** Write, approve and publish a message on {@code channels} ({@code text}, {@code approver}, {@code stage}). */
        PUBLISH,
        /** Write down by hand that {@code text} went out, with no approved draft behind it. */
        PUBLISH_UNAPPROVED,
        /** Log a call to a person of {@code role} ({@code outcome}, {@code contact}). */
        CALL,
        /** Mark checklist step {@code step} done. */
        STEP_DONE,
        /** Skip checklist step {@code step} with {@code reason}. */
        SKIP_STEP,
        /** Fire inject {@code inject} by hand. */
        FIRE,
        /** Judge expectation {@code expectation} ({@code result}, {@code note}). */
        JUDGE,
        /** Add a note ({@code text}) to the timeline. */
        NOTE;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Do fromYaml(String text) {
            return Scenario.fromYaml(Do.class, text);
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String yamlName() {
            return Scenario.yamlName(this);
        }
    }

    /** One action; only the keys its kind uses are read. */
    public record Action(@JsonProperty("at_minutes") Integer atMinutes, @JsonProperty("do") Do what, String inject,
            String visibility, String text, Integer count, List<String> channels, String approver, String stage,
            String role, String outcome, String contact, String step, String reason, String expectation,
            String result, String note) {
    }

    /** No actions: the team does nothing (the scenario's worst case). */
    public static ExerciseScript none() {
        return new ExerciseScript(1, List.of());
    }
}
