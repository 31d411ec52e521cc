package io.crisisconsole.rehearsal;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An exercise scenario: a playbook rehearsed against a script of injects (posts, inquiries, leaks,
 * fact changes) and the expectations the team should meet. Read from YAML strictly
 * (playbooks/scenarios/FORMAT.md); snake_case keys, enum values lowercase with dashes.
 *
 * @param format the file format version (1)
 * @param id stable identifier, lowercase letters, digits and dashes; the same id in several
 *        languages is one scenario in translation
 * @param language en, ru, pl or es
 * @param playbook the id of the playbook it rehearses (the store's playbook of that id and language)
 * @param variables values for {@code {{name}}} in inject texts (optional; a fact change updates them)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Scenario(int format, String id, String language, String title, String summary, String playbook,
        Map<String, String> variables, List<Objective> objectives, List<Persona> personas, List<Inject> injects,
        List<Expectation> expectations) {

    /** What the reader puts in an optional key the file leaves out (see {@code Playbook}'s optional keys). */
    static final String ABSENT_NUMBER = "scenario.absent.number";
    static final int ABSENT_NUMBER_VALUE = Integer.MIN_VALUE;
    static final String ABSENT_TEXT = "scenario.absent.text";
    static final String ABSENT_TEXT_VALUE = "\u0000absent";
    static final String ABSENT_MAP = "scenario.absent.map";
    static final String ABSENT_LIST = "scenario.absent.list";

    @JsonCreator
    public Scenario(@JsonProperty("format") int format, @JsonProperty("id") String id,
            @JsonProperty("language") String language, @JsonProperty("title") String title,
            @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("summary") String summary,
            @JsonProperty("playbook") String playbook,
            @JacksonInject(value = ABSENT_MAP, useInput = OptBoolean.TRUE)
            @JsonProperty("variables") Map<String, String> variables,
            @JsonProperty("objectives") List<Objective> objectives,
            @JsonProperty("personas") List<Persona> personas,
            @JsonProperty("injects") List<Inject> injects,
            @JsonProperty("expectations") List<Expectation> expectations) {
        this.format = format;
        this.id = id;
        this.language = language;
        this.title = title;
        this.summary = text(summary);
        this.playbook = playbook;
        this.variables = variables == null ? Map.of() : Map.copyOf(variables);
        this.objectives = objectives;
        this.personas = personas;
        this.injects = injects;
        this.expectations = expectations;
    }

    /** An objective of the exercise: what the team should show it can do; expectations point at it. */
    public record Objective(String id, String text) {
    }

    /** Who speaks in the injects. */
    public enum PersonaType {
        CUSTOMER, JOURNALIST, TROLL, INFLUENCER, EMPLOYEE, EXECUTIVE;

        @JsonValue
        public String yamlName() {
            return Scenario.yamlName(this);
        }

        @JsonCreator
        public static PersonaType fromYaml(String text) {
            return Scenario.fromYaml(PersonaType.class, text);
        }
    }

    /**
     * A person of the script.
     *
     * @param handle the handle on social channels ({@code @anna_k}), or null
     * @param reach followers (optional, 0 or more)
     * @param disposition how they behave, in a few words ("angry, loyal for years")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Persona(String id, String name, String handle, PersonaType type, Integer reach,
            String disposition) {

        @JsonCreator
        public Persona(@JsonProperty("id") String id, @JsonProperty("name") String name,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("handle") String handle,
                @JsonProperty("type") PersonaType type,
                @JacksonInject(value = ABSENT_NUMBER, useInput = OptBoolean.TRUE) @JsonProperty("reach") Integer reach,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE)
                @JsonProperty("disposition") String disposition) {
            this.id = id;
            this.name = name;
            this.handle = text(handle);
            this.type = type;
            this.reach = number(reach);
            this.disposition = text(disposition);
        }
    }

    /** What an inject is, and so where it lands. */
    public enum InjectType {
        /** One post on a social platform: the case's inbox and the simulated microblog feed. */
        SOCIAL_POST,
        /** {@code count} posts spread over {@code over_minutes}: inbox and feed. */
        SOCIAL_WAVE,
        /** A journalist's question with a deadline: the simulated mail/phone inbox and the case's inbox. */
        MEDIA_INQUIRY,
        /** An executive asks the team something: the simulated mail/phone inbox. */
        EXECUTIVE_QUESTION,
        /** An employee posts inside information in public: inbox and feed. */
        STAFF_LEAK,
        /** A fact of the incident changes (the fix time moves, the severity rises): the mail/phone inbox. */
        FACT_CHANGE,
        /** A news story about the incident appears: the simulated news wire. */
        NEWS_STORY,
        /** A real export (the inbox's importer reads it) replayed at its own pace, compressed: inbox and feed. */
        REPLAY;

        @JsonValue
        public String yamlName() {
            return Scenario.yamlName(this);
        }

        @JsonCreator
        public static InjectType fromYaml(String text) {
            return Scenario.fromYaml(InjectType.class, text);
        }

        /** Whether it lands in the case's inbox as mentions. */
        public boolean toInbox() {
            return this == SOCIAL_POST || this == SOCIAL_WAVE || this == MEDIA_INQUIRY || this == STAFF_LEAK
                    || this == REPLAY;
        }
    }

    /** When an inject fires. */
    public enum Trigger {
        /** At {@code at_minutes} after the start (the default). */
        AT,
        /** Only when the facilitator fires it. */
        MANUAL,
        /** {@code at_minutes} after expectation {@code when_expectation} ended with {@code when_result}. */
        AFTER;

        @JsonValue
        public String yamlName() {
            return Scenario.yamlName(this);
        }

        @JsonCreator
        public static Trigger fromYaml(String text) {
            return Scenario.fromYaml(Trigger.class, text);
        }
    }

    /** How an expectation ended: met in time, missed (or broken), or its deadline passed unmet. */
    public enum Result {
        PASSED, FAILED, EXPIRED;

        @JsonValue
        public String yamlName() {
            return Scenario.yamlName(this);
        }

        @JsonCreator
        public static Result fromYaml(String text) {
            return Scenario.fromYaml(Result.class, text);
        }
    }

    /** How a media inquiry or an executive question reaches the team. */
    public enum Via {
        EMAIL, PHONE;

        @JsonValue
        public String yamlName() {
            return Scenario.yamlName(this);
        }

        @JsonCreator
        public static Via fromYaml(String text) {
            return Scenario.fromYaml(Via.class, text);
        }
    }

    /**
     * One scripted event. Keys beyond id, type and at_minutes are optional and belong to some types
     * only (the validator says which): see FORMAT.md.
     *
     * @param atMinutes minutes after the start (trigger at), or after the triggering expectation ended (after)
     * @param platform the inbox platform of a post (x, facebook, instagram, tiktok, ...), social types
     * @param persona who speaks (a persona id)
     * @param text what is said, with {{variables}}; a wave takes {@code texts} instead (one per post, in turn)
     * @param count the number of posts of a wave
     * @param overMinutes the minutes a wave is spread over
     * @param deadlineMinutes a media inquiry's deadline after it arrives
     * @param via email or phone, for inquiries, questions and fact changes
     * @param facts variables a fact change sets (later texts read the new values)
     * @param severity the severity (1-4) a fact change reports
     * @param file a replay's export, relative to the scenario file
     * @param compress a replay's time factor (10: ten minutes of the export in one exercise minute)
     * @param whenExpectation the expectation an {@code after} trigger waits for
     * @param whenResult the result it waits for
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Inject(String id, InjectType type, int atMinutes, Trigger trigger, String platform, String persona,
            String text, List<String> texts, Integer count, Integer overMinutes, Integer deadlineMinutes, Via via,
            Map<String, String> facts, Integer severity, String file, Integer compress, String whenExpectation,
            Result whenResult) {

        @JsonCreator
        public Inject(@JsonProperty("id") String id, @JsonProperty("type") InjectType type,
                @JsonProperty("at_minutes") int atMinutes,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("trigger") String trigger,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("platform") String platform,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("persona") String persona,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("text") String text,
                @JacksonInject(value = ABSENT_LIST, useInput = OptBoolean.TRUE) @JsonProperty("texts") List<String> texts,
                @JacksonInject(value = ABSENT_NUMBER, useInput = OptBoolean.TRUE) @JsonProperty("count") Integer count,
                @JacksonInject(value = ABSENT_NUMBER, useInput = OptBoolean.TRUE)
                @JsonProperty("over_minutes") Integer overMinutes,
                @JacksonInject(value = ABSENT_NUMBER, useInput = OptBoolean.TRUE)
                @JsonProperty("deadline_minutes") Integer deadlineMinutes,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("via") String via,
                @JacksonInject(value = ABSENT_MAP, useInput = OptBoolean.TRUE) @JsonProperty("facts") Map<String, String> facts,
                @JacksonInject(value = ABSENT_NUMBER, useInput = OptBoolean.TRUE) @JsonProperty("severity") Integer severity,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("file") String file,
                @JacksonInject(value = ABSENT_NUMBER, useInput = OptBoolean.TRUE) @JsonProperty("compress") Integer compress,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE)
                @JsonProperty("when_expectation") String whenExpectation,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE)
                @JsonProperty("when_result") String whenResult) {
            this(id, type, atMinutes, Scenario.text(trigger) == null ? Trigger.AT : Trigger.fromYaml(trigger), Scenario.text(platform),
                    Scenario.text(persona), Scenario.text(text), texts == null ? List.of() : List.copyOf(texts), Scenario.number(count),
                    Scenario.number(overMinutes), Scenario.number(deadlineMinutes), Scenario.text(via) == null ? null : Via.fromYaml(via),
                    facts == null ? Map.of() : Map.copyOf(facts), Scenario.number(severity), Scenario.text(file), Scenario.number(compress),
                    Scenario.text(whenExpectation), Scenario.text(whenResult) == null ? null : Result.fromYaml(whenResult));
        }
    }

    /** What the team is expected to do. */
    public enum ExpectationType {
        /** Answer the injects' mentions, or publish on {@code channel}. */
        RESPOND,
        /** Publish a holding statement (a publication on the hub, or on {@code channel}). */
        HOLDING_STATEMENT,
        /** Reach a person of {@code role} (a call logged as reached or left message). */
        ESCALATED,
        /** Mark the checklist step {@code step} done. */
        STEP_DONE,
        /** Publish only approved messages (failed as soon as something goes out unapproved). */
        APPROVED_BEFORE_PUBLISHING,
        /** Judged by the facilitator. */
        MANUAL;

        @JsonValue
        public String yamlName() {
            return Scenario.yamlName(this);
        }

        @JsonCreator
        public static ExpectationType fromYaml(String text) {
            return Scenario.fromYaml(ExpectationType.class, text);
        }
    }

    /**
     * An expectation with its deadline.
     *
     * @param after the inject whose firing starts the deadline (null: the start of the exercise)
     * @param deadlineMinutes minutes from then; null takes the playbook's SLA for the type (respond:
     *        the complaint reply time; holding statement: the first public reply; escalated and
     *        approved: the internal alert time; step done: the step's due minutes)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expectation(String id, ExpectationType type, String text, String objective, String after,
            String channel, String role, String step, Integer deadlineMinutes) {

        @JsonCreator
        public Expectation(@JsonProperty("id") String id, @JsonProperty("type") ExpectationType type,
                @JsonProperty("text") String text,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("objective") String objective,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("after") String after,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("channel") String channel,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("role") String role,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE) @JsonProperty("step") String step,
                @JacksonInject(value = ABSENT_NUMBER, useInput = OptBoolean.TRUE)
                @JsonProperty("deadline_minutes") Integer deadlineMinutes) {
            this.id = id;
            this.type = type;
            this.text = text;
            this.objective = Scenario.text(objective);
            this.after = Scenario.text(after);
            this.channel = Scenario.text(channel);
            this.role = Scenario.text(role);
            this.step = Scenario.text(step);
            this.deadlineMinutes = number(deadlineMinutes);
        }
    }

    public Optional<Persona> persona(String personaId) {
        return personas.stream().filter(p -> p.id().equals(personaId)).findFirst();
    }

    public Optional<Inject> inject(String injectId) {
        return injects.stream().filter(i -> i.id().equals(injectId)).findFirst();
    }

    public Optional<Expectation> expectation(String expectationId) {
        return expectations.stream().filter(e -> e.id().equals(expectationId)).findFirst();
    }

    static String text(String s) {
        return s == null || s.equals(ABSENT_TEXT_VALUE) ? null : s;
    }

    static Integer number(Integer n) {
        return n != null && n == ABSENT_NUMBER_VALUE ? null : n;
    }

    static String yamlName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E fromYaml(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> yamlName(c).equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown value '" + text + "' (one of "
                        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Scenario::yamlName).toList())
                        + ")"));
    }
}
