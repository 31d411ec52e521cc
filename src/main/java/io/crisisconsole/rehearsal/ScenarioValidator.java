package io.crisisconsole.rehearsal;

import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookValidator;
import io.crisisconsole.playbooks.PlaybookValidator.Violation;
import io.crisisconsole.rehearsal.Scenario.ExpectationType;
import io.crisisconsole.rehearsal.Scenario.InjectType;
import io.crisisconsole.rehearsal.Scenario.PersonaType;
import io.crisisconsole.toolkit.Language;
import io.crisisconsole.toolkit.PlainText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of playbooks/scenarios/FORMAT.md that the YAML shape alone does not enforce: ids,
 * languages, unique ids, references between personas, injects, expectations and objectives, the
 * trigger rules (no cycles), which keys each inject and expectation type takes (and refuses), ranges,
 * platforms and {@code {{variables}}}; and, with {@link #againstPlaybook}, that the scenario fits the
 * playbook it rehearses. Finds every problem, each at the readable path of the offending key.
 */
public final class ScenarioValidator {

    public static final int FORMAT = 1;
    /** The longest exercise: a day. */
    public static final int MAX_MINUTES = 1440;
    public static final int MAX_WAVE_POSTS = 5000;
    public static final int MAX_COMPRESS = 1000;
    /** The inbox's platform keys ({@code IncomingMention#platform}). */
    public static final List<String> PLATFORMS = List.of("x", "facebook", "instagram", "linkedin", "tiktok",
            "youtube", "telegram", "vk", "reddit", "news", "blog", "forum", "review", "other");

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{3,60}");
    private static final Pattern VARIABLE = Pattern.compile("[a-z_]{1,40}");
    private static final Pattern USED = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** The optional keys of an inject, by their YAML name, and whether an inject has a value there. */
    private static final Map<String, Function<Scenario.Inject, Object>> INJECT_KEYS = new LinkedHashMap<>();

    static {
        INJECT_KEYS.put("platform", Scenario.Inject::platform);
        INJECT_KEYS.put("persona", Scenario.Inject::persona);
        INJECT_KEYS.put("text", Scenario.Inject::text);
        INJECT_KEYS.put("texts", i -> i.texts().isEmpty() ? null : i.texts());
        INJECT_KEYS.put("count", Scenario.Inject::count);
        INJECT_KEYS.put("over_minutes", Scenario.Inject::overMinutes);
        INJECT_KEYS.put("deadline_minutes", Scenario.Inject::deadlineMinutes);
        INJECT_KEYS.put("via", Scenario.Inject::via);
        INJECT_KEYS.put("facts", i -> i.facts().isEmpty() ? null : i.facts());
        INJECT_KEYS.put("severity", Scenario.Inject::severity);
        INJECT_KEYS.put("file", Scenario.Inject::file);
        INJECT_KEYS.put("compress", Scenario.Inject::compress);
    }

    /** Per inject type: the keys it needs, then the keys it may have. */
    private static final Map<InjectType, List<Set<String>>> INJECT_TYPES = new EnumMap<>(InjectType.class);

    static {
        INJECT_TYPES.put(InjectType.SOCIAL_POST, List.of(Set.of("platform", "persona", "text"), Set.of()));
        INJECT_TYPES.put(InjectType.SOCIAL_WAVE, List.of(Set.of("platform", "texts", "count", "over_minutes"),
                Set.of("persona")));
        INJECT_TYPES.put(InjectType.MEDIA_INQUIRY, List.of(Set.of("persona", "text", "deadline_minutes", "via"),
                Set.of()));
        INJECT_TYPES.put(InjectType.EXECUTIVE_QUESTION, List.of(Set.of("persona", "text", "via"), Set.of()));
        INJECT_TYPES.put(InjectType.STAFF_LEAK, List.of(Set.of("platform", "persona", "text"), Set.of()));
        INJECT_TYPES.put(InjectType.FACT_CHANGE, List.of(Set.of("text"), Set.of("facts", "severity", "via", "persona")));
        INJECT_TYPES.put(InjectType.NEWS_STORY, List.of(Set.of("text"), Set.of("persona")));
        INJECT_TYPES.put(InjectType.REPLAY, List.of(Set.of("file", "compress"), Set.of("platform")));
    }

    /** The persona type an inject type needs, where it needs one. */
    private static final Map<InjectType, PersonaType> SPEAKER = Map.of(InjectType.MEDIA_INQUIRY, PersonaType.JOURNALIST,
            InjectType.EXECUTIVE_QUESTION, PersonaType.EXECUTIVE, InjectType.STAFF_LEAK, PersonaType.EMPLOYEE,
            InjectType.NEWS_STORY, PersonaType.JOURNALIST);

    /** Per expectation type: the key it needs (null: none) and the keys it may have. */
    private static final Map<ExpectationType, List<String>> EXPECTATION_KEYS = new EnumMap<>(ExpectationType.class);

    static {
        EXPECTATION_KEYS.put(ExpectationType.RESPOND, List.of("channel"));
        EXPECTATION_KEYS.put(ExpectationType.HOLDING_STATEMENT, List.of("channel"));
        EXPECTATION_KEYS.put(ExpectationType.ESCALATED, List.of("role"));
        EXPECTATION_KEYS.put(ExpectationType.STEP_DONE, List.of("step"));
        EXPECTATION_KEYS.put(ExpectationType.APPROVED_BEFORE_PUBLISHING, List.of());
        EXPECTATION_KEYS.put(ExpectationType.MANUAL, List.of());
    }

    private static final Set<ExpectationType> NEEDS_ITS_KEY = Set.of(ExpectationType.ESCALATED,
            ExpectationType.STEP_DONE);

    private final BiConsumer<String, String> found;

    private ScenarioValidator(BiConsumer<String, String> found) {
        this.found = found;
    }

    /** Every rule the scenario breaks; empty when it is valid. */
    public static List<Violation> validate(Scenario s) {
        List<Violation> all = new ArrayList<>();
        validate(s, (path, message) -> all.add(new Violation(path, message)));
        return List.copyOf(all);
    }

    /** Hands every rule the scenario breaks to {@code found} as (readable path, message). */
    public static void validate(Scenario s, BiConsumer<String, String> found) {
        new ScenarioValidator(found).check(s);
    }

    /**
     * What does not fit the playbook the scenario rehearses: its id and language, the channels of
     * expectations (the playbook's WHERE), their roles (WHO) and steps (HOW). Each at the scenario's key.
     */
    public static List<Violation> againstPlaybook(Scenario s, Playbook p) {
        List<Violation> all = new ArrayList<>();
        againstPlaybook(s, p, (path, message) -> all.add(new Violation(path, message)));
        return List.copyOf(all);
    }

    /** As {@link #againstPlaybook(Scenario, Playbook)}, handing each problem to {@code found}. */
    public static void againstPlaybook(Scenario s, Playbook p, BiConsumer<String, String> found) {
        if (s.playbook() != null && !s.playbook().equals(p.id())) {
            found.accept("playbook", "rehearses playbook '" + cut(s.playbook()) + "' but is checked against '"
                    + p.id() + "'");
        }
        if (s.language() != null && !s.language().equals(p.language())) {
            found.accept("language", "the scenario is in '" + cut(s.language()) + "' but the playbook "
                    + p.id() + " is in '" + p.language() + "'; use the playbook of the same language");
        }
        Set<String> channels = new HashSet<>();
        if (p.where() != null) {
            if (p.where().hub() != null && p.where().hub().channel() != null) {
                channels.add(p.where().hub().channel().yamlName());
            }
            if (p.where().channels() != null) {
                p.where().channels().forEach(c -> channels.add(c.channel().yamlName()));
            }
        }
        Set<String> roles = p.who() == null || p.who().roles() == null ? Set.of()
                : p.who().roles().stream().map(Playbook.Role::id).collect(Collectors.toSet());
        Set<String> steps = p.how() == null || p.how().steps() == null ? Set.of()
                : p.how().steps().stream().map(Playbook.Step::id).collect(Collectors.toSet());
        List<Scenario.Expectation> expectations = s.expectations() == null ? List.of() : s.expectations();
        for (int i = 0; i < expectations.size(); i++) {
            Scenario.Expectation e = expectations.get(i);
            String at = "expectations[" + i + "]";
            if (e.channel() != null && !channels.contains(e.channel())) {
                found.accept(at + ".channel", "the playbook " + p.id() + " does not use the channel '" + cut(e.channel())
                        + "' (its WHERE: " + String.join(", ", sorted(channels)) + ")");
            }
            if (e.role() != null && !roles.contains(e.role())) {
                found.accept(at + ".role", "the playbook " + p.id() + " has no role '" + cut(e.role()) + "' (its WHO: "
                        + String.join(", ", sorted(roles)) + ")");
            }
            if (e.step() != null && !steps.contains(e.step())) {
                found.accept(at + ".step", "the playbook " + p.id() + " has no step '" + cut(e.step()) + "' (its HOW: "
                        + String.join(", ", sorted(steps)) + ")");
            }
        }
    }

    /**
     * The deadline of an expectation that gives none, from the playbook's SLAs (FORMAT.md): respond
     * the complaint reply time, holding statement the first public reply, escalated and approved the
     * internal alert time, step done the step's due minutes; null for a manual expectation (or a step
     * the playbook lacks).
     */
    public static Integer defaultDeadlineMinutes(Scenario.Expectation e, Playbook p) {
        Playbook.Slas slas = p.when().slas();
        return switch (e.type()) {
            case RESPOND -> slas.complaintReplyMinutes();
            case HOLDING_STATEMENT -> slas.firstPublicReplyMinutes();
            case ESCALATED, APPROVED_BEFORE_PUBLISHING -> slas.internalAlertMinutes();
            case STEP_DONE -> p.how().steps().stream().filter(st -> st.id().equals(e.step()))
                    .map(Playbook.Step::dueMinutes).findFirst().orElse(null);
            case MANUAL -> null;
        };
    }

    private void check(Scenario s) {
        if (s.format() != FORMAT) {
            add("format", "unsupported format " + s.format() + "; this version reads format " + FORMAT);
        }
        id("id", s.id());
        id("playbook", s.playbook());
        if (text("language", s.language(), true) && !Language.codes().contains(s.language())) {
            add("language", "unknown language '" + cut(s.language()) + "' (one of " + String.join(", ", Language.codes())
                    + ")");
        }
        text("title", s.title(), true);
        if (s.summary() != null) {
            text("summary", s.summary(), false);
        }
        Set<String> known = new HashSet<>(PlaybookValidator.PLACEHOLDERS);
        s.variables().forEach((name, value) -> {
            variable("variables." + name, name);
            text("variables." + name, value, true);
            known.add(name);
        });
        Set<String> objectives = new HashSet<>();
        list("objectives", s.objectives(), false, (at, o) -> {
            unique(at + ".id", o.id(), objectives, "objective");
            text(at + ".text", o.text(), false);
        });
        Map<String, PersonaType> personas = new HashMap<>();
        Set<String> personaIds = new HashSet<>();
        list("personas", s.personas(), false, (at, p) -> {
            if (unique(at + ".id", p.id(), personaIds, "persona")) {
                personas.put(p.id(), p.type());
            }
            text(at + ".name", p.name(), true);
            present(at + ".type", p.type());
            if (p.handle() != null) {
                text(at + ".handle", p.handle(), true);
            }
            if (p.reach() != null && p.reach() < 0) {
                add(at + ".reach", p.reach() + " is not a reach: 0 or more followers");
            }
            if (p.disposition() != null) {
                text(at + ".disposition", p.disposition(), false);
            }
        });
        Set<String> injectIds = new HashSet<>();
        Set<String> expectationIds = new HashSet<>();
        if (s.injects() != null) {
            s.injects().forEach(i -> injectIds.add(i == null ? null : i.id()));
        }
        if (s.expectations() != null) {
            s.expectations().forEach(e -> expectationIds.add(e == null ? null : e.id()));
        }
        Set<String> seenInjects = new HashSet<>();
        list("injects", s.injects(), true, (at, i) -> {
            unique(at + ".id", i.id(), seenInjects, "inject");
            if (i.type() == InjectType.FACT_CHANGE) {
                known.addAll(i.facts().keySet()); // its own text may read what it sets
            }
            if (present(at + ".type", i.type())) {
                inject(at, i, personas, known);
            }
            trigger(at, i, expectationIds);
        });
        Set<String> seenExpectations = new HashSet<>();
        Set<String> backed = new HashSet<>();
        list("expectations", s.expectations(), true, (at, e) -> {
            unique(at + ".id", e.id(), seenExpectations, "expectation");
            text(at + ".text", e.text(), false);
            if (e.objective() != null) {
                backed.add(e.objective());
                if (!objectives.contains(e.objective())) {
                    add(at + ".objective", "no objective '" + cut(e.objective()) + "'" + among(objectives));
                }
            }
            if (e.after() != null && !injectIds.contains(e.after())) {
                add(at + ".after", "no inject '" + cut(e.after()) + "'" + among(injectIds));
            }
            if (e.deadlineMinutes() != null) {
                range(at + ".deadline_minutes", e.deadlineMinutes(), 1, MAX_MINUTES, "minutes");
            }
            if (present(at + ".type", e.type())) {
                expectation(at, e);
            }
        });
        if (s.objectives() != null) {
            for (int k = 0; k < s.objectives().size(); k++) {
                Scenario.Objective o = s.objectives().get(k);
                if (o != null && o.id() != null && !backed.contains(o.id())) {
                    add("objectives[" + k + "].id", "no expectation measures the objective '" + cut(o.id())
                            + "'; point one at it with 'objective: " + cut(o.id()) + "'");
                }
            }
        }
        cycles(s);
    }

    private void inject(String at, Scenario.Inject i, Map<String, PersonaType> personas, Set<String> known) {
        List<Set<String>> keys = INJECT_TYPES.get(i.type());
        INJECT_KEYS.forEach((key, value) -> {
            boolean has = value.apply(i) != null;
            if (!has && keys.get(0).contains(key)) {
                add(at, "missing key '" + key + "' (a " + i.type().yamlName() + " needs "
                        + String.join(", ", sorted(keys.get(0))) + ")");
            } else if (has && !keys.get(0).contains(key) && !keys.get(1).contains(key)) {
                add(at + "." + key, "'" + key + "' is only for " + typesTaking(key) + ", not " + i.type().yamlName());
            }
        });
        if (i.type() == InjectType.FACT_CHANGE && i.facts().isEmpty() && i.severity() == null) {
            add(at, "a fact-change changes something: give 'facts', 'severity' or both");
        }
        if (i.platform() != null && !PLATFORMS.contains(i.platform())) {
            add(at + ".platform", "unknown platform '" + cut(i.platform()) + "' (one of " + String.join(", ", PLATFORMS)
                    + ")");
        }
        if (i.persona() != null) {
            if (!personas.containsKey(i.persona())) {
                add(at + ".persona", "no persona '" + cut(i.persona()) + "'" + among(personas.keySet()));
            } else {
                PersonaType needed = SPEAKER.get(i.type());
                PersonaType is = personas.get(i.persona());
                if (needed != null && is != null && is != needed) {
                    add(at + ".persona", "a " + i.type().yamlName() + " comes from " + article(needed) + "; '"
                            + cut(i.persona()) + "' is " + article(is));
                }
            }
        }
        if (i.text() != null && text(at + ".text", i.text(), false)) {
            variables(at + ".text", i.text(), known);
        }
        for (int k = 0; k < i.texts().size(); k++) {
            if (text(at + ".texts[" + k + "]", i.texts().get(k), false)) {
                variables(at + ".texts[" + k + "]", i.texts().get(k), known);
            }
        }
        if (i.count() != null) {
            range(at + ".count", i.count(), 1, MAX_WAVE_POSTS, "posts");
        }
        if (i.overMinutes() != null) {
            range(at + ".over_minutes", i.overMinutes(), 1, MAX_MINUTES, "minutes");
        }
        if (i.deadlineMinutes() != null) {
            range(at + ".deadline_minutes", i.deadlineMinutes(), 1, MAX_MINUTES, "minutes");
        }
        if (i.severity() != null && (i.severity() < 1 || i.severity() > 4)) {
            add(at + ".severity", i.severity() + " is not a severity: 1 (critical) to 4 (low)");
        }
        if (i.compress() != null) {
            range(at + ".compress", i.compress(), 1, MAX_COMPRESS, "times");
        }
        i.facts().forEach((name, value) -> {
            variable(at + ".facts." + name, name);
            text(at + ".facts." + name, value, true);
        });
        if (i.file() != null && text(at + ".file", i.file(), true)) {
            String f = i.file().replace('\\', '/');
            if (f.startsWith("/") || f.matches("^[A-Za-z]:.*") || Arrays.asList(f.split("/")).contains("..")) {
                add(at + ".file", "'" + cut(i.file()) + "' must be a path relative to the scenario file, without '..'"
                        + " (e.g. exports/wave.csv)");
            }
        }
    }

    private void trigger(String at, Scenario.Inject i, Set<String> expectationIds) {
        range(at + ".at_minutes", i.atMinutes(), 0, MAX_MINUTES, "minutes");
        boolean after = i.trigger() == Scenario.Trigger.AFTER;
        if (after && i.whenExpectation() == null) {
            add(at, "missing key 'when_expectation' (a trigger 'after' waits for an expectation)");
        }
        if (after && i.whenResult() == null) {
            add(at, "missing key 'when_result' (a trigger 'after' waits for passed, failed or expired)");
        }
        if (!after && i.whenExpectation() != null) {
            add(at + ".when_expectation", "'when_expectation' is only for 'trigger: after'");
        }
        if (!after && i.whenResult() != null) {
            add(at + ".when_result", "'when_result' is only for 'trigger: after'");
        }
        if (i.whenExpectation() != null && !expectationIds.contains(i.whenExpectation())) {
            add(at + ".when_expectation", "no expectation '" + cut(i.whenExpectation()) + "'" + among(expectationIds));
        }
    }

    private void expectation(String at, Scenario.Expectation e) {
        List<String> takes = EXPECTATION_KEYS.get(e.type());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("channel", e.channel());
        values.put("role", e.role());
        values.put("step", e.step());
        values.forEach((key, value) -> {
            if (value != null && !takes.contains(key)) {
                add(at + "." + key, "'" + key + "' is only for " + EXPECTATION_KEYS.entrySet().stream()
                        .filter(t -> t.getValue().contains(key)).map(t -> t.getKey().yamlName())
                        .collect(Collectors.joining(" and ")) + ", not " + e.type().yamlName());
            } else if (value == null && NEEDS_ITS_KEY.contains(e.type()) && takes.contains(key)) {
                add(at, "missing key '" + key + "' (" + (e.type() == ExpectationType.ESCALATED ? "an " : "a ")
                        + e.type().yamlName() + " expectation names its " + key + ")");
            } else if (value != null) {
                text(at + "." + key, value, true);
            }
        });
        if (e.channel() != null && Arrays.stream(Channel.values()).noneMatch(c -> c.yamlName().equals(e.channel()))) {
            add(at + ".channel", "unknown channel '" + cut(e.channel()) + "' (one of " + Arrays.stream(Channel.values())
                    .map(Channel::yamlName).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** An inject that waits (through expectations and their start injects) for itself never fires. */
    private void cycles(Scenario s) {
        if (s.injects() == null || s.expectations() == null) {
            return;
        }
        Map<String, String> waitsFor = new HashMap<>(); // inject -> the inject that starts the expectation it waits for
        for (Scenario.Inject i : s.injects()) {
            if (i != null && i.id() != null && i.whenExpectation() != null) {
                s.expectation(i.whenExpectation()).filter(e -> e.after() != null)
                        .ifPresent(e -> waitsFor.put(i.id(), e.after()));
            }
        }
        for (int k = 0; k < s.injects().size(); k++) {
            Scenario.Inject i = s.injects().get(k);
            if (i == null || i.id() == null) {
                continue;
            }
            List<String> chain = new ArrayList<>(List.of(i.id()));
            String next = waitsFor.get(i.id());
            while (next != null && !chain.contains(next)) {
                chain.add(next);
                next = waitsFor.get(next);
            }
            if (i.id().equals(next)) {
                chain.add(next);
                add("injects[" + k + "].when_expectation", "the trigger waits for itself (" + String.join(" -> ", chain)
                        + "): it can never fire");
            }
        }
    }

    private void variables(String at, String text, Set<String> known) {
        Matcher m = USED.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                add(at, "{{" + cut(m.group(1)) + "}} is not defined: add it to 'variables', set it in an earlier "
                        + "fact-change's 'facts', or use one of the composer's placeholders ("
                        + String.join(", ", sorted(PlaybookValidator.PLACEHOLDERS)) + ")");
            }
        }
    }

    private interface Item<T> {
        void check(String at, T item);
    }

    private <T> void list(String at, List<T> items, boolean needsOne, Item<T> each) {
        if (!present(at, items)) {
            return;
        }
        if (needsOne && items.isEmpty()) {
            add(at, "a scenario needs at least one");
        }
        for (int k = 0; k < items.size(); k++) {
            if (present(at + "[" + k + "]", items.get(k))) {
                each.check(at + "[" + k + "]", items.get(k));
            }
        }
    }

    private void id(String at, String id) {
        if (text(at, id, true) && !ID.matcher(id).matches()) {
            add(at, "'" + cut(id) + "' is not a valid id: use 3 to 60 lowercase letters, digits and dashes");
        }
    }

    private void variable(String at, String name) {
        if (!VARIABLE.matcher(name).matches()) {
            add(at, "'" + cut(name) + "' is not a variable name: lowercase letters and _ (e.g. fix_time)");
        }
    }

    private boolean unique(String at, String id, Set<String> seen, String what) {
        if (!text(at, id, true)) {
            return false;
        }
        if (!seen.add(id)) {
            add(at, "a second " + what + " with the id '" + cut(id) + "'");
            return false;
        }
        return true;
    }

    private void range(String at, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            add(at, value + " is out of range: " + min + " to " + max + " " + unit);
        }
    }

    private boolean present(String at, Object value) {
        if (value == null) {
            add(at, "missing");
        }
        return value != null;
    }

    /** Present, not blank, and plain text: one line for ids and names, line breaks allowed in texts. */
    private boolean text(String at, String value, boolean oneLine) {
        if (!present(at, value)) {
            return false;
        }
        String problem = value.isBlank() ? "is empty" : oneLine ? PlainText.lineProblem("the value", value)
                : PlainText.textProblem("the text", value);
        if (problem != null) {
            add(at, problem);
        }
        return problem == null;
    }

    private static String article(PersonaType t) {
        return ("aeiou".indexOf(t.yamlName().charAt(0)) >= 0 ? "an " : "a ") + t.yamlName();
    }

    private static String typesTaking(String key) {
        return INJECT_TYPES.entrySet().stream().filter(t -> t.getValue().get(0).contains(key)
                || t.getValue().get(1).contains(key)).map(t -> t.getKey().yamlName()).collect(Collectors.joining(", "));
    }

    private static String among(Set<String> ids) {
        List<String> s = sorted(ids);
        return s.isEmpty() ? "" : " (there are: " + String.join(", ", s.subList(0, Math.min(10, s.size())))
                + (s.size() > 10 ? " and " + (s.size() - 10) + " more" : "") + ")";
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().filter(java.util.Objects::nonNull).sorted().map(ScenarioValidator::cut).toList();
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private void add(String path, String message) {
        found.accept(path, message);
    }
}
