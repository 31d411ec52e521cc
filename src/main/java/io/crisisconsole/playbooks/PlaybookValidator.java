package io.crisisconsole.playbooks;

import io.crisisconsole.toolkit.Language;
import io.crisisconsole.toolkit.PlainText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of playbooks/FORMAT.md that the YAML shape alone does not enforce: ids, languages, the
 * four severity levels, unique ids, role references, contact groups, e-mail addresses, minute
 * ranges, template placeholders, the hub, the hashtag and the channels. Finds every problem, not
 * just the first. Each problem names the readable path of the offending value, so the reader can
 * point at its line and column.
 */
public final class PlaybookValidator {

    public static final int FORMAT = 1;
    public static final Set<String> GROUPS = Set.of("crisis-team", "spokespeople", "customer-care", "legal",
            "executives", "media", "agencies", "specialists");
    public static final Set<String> PLACEHOLDERS = Set.of("hashtag", "hub_url", "next_update", "issue", "action",
            "brand", "case_title");
    public static final int MAX_TITLE = 200;
    public static final int MAX_SLA_MINUTES = 10_080;
    /** The longest own account name in {@code where.channels[].account}. */
    public static final int MAX_ACCOUNT = 200;
    public static final int MAX_DUE_MINUTES = 43_200;
    /** The highest {@code when.escalation_thresholds[].mentions_per_hour}. */
    public static final int MAX_MENTIONS_PER_HOUR = 1_000_000;

    static final Pattern ID = Pattern.compile("[a-z0-9-]{3,60}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]+");
    private static final Pattern ONE_LINE = Pattern.compile("(^|\\.)(id|title|name|language|role|url|hashtag)$"
            + "|\\.groups\\[\\d+]$|\\.escalate_to\\[\\d+]$|\\.people\\[\\d+]$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

    /** One broken rule at a readable path ({@code who.roles[2].groups[0]}; empty for the whole file). */
    public record Violation(String path, String message) {
        /** {@code path: message}, or just the message for the whole file. */
        public String describe() {
            return path.isEmpty() ? message : path + ": " + message;
        }
    }

    private final java.util.function.Consumer<Violation> found;
    /** " (roles: a, b, ...)" for messages, built once: at most ten ids, then how many more. */
    private String knownRoles;

    private PlaybookValidator(java.util.function.Consumer<Violation> found) {
        this.found = found;
    }

    /** Every rule the playbook breaks, section by section; empty when it is valid. */
    public static List<Violation> validate(Playbook p) {
        List<Violation> all = new ArrayList<>();
        validate(p, all::add);
        return List.copyOf(all);
    }

    /** Hands every rule the playbook breaks to {@code found}, one by one (nothing is kept here). */
    public static void validate(Playbook p, java.util.function.Consumer<Violation> found) {
        new PlaybookValidator(found).check(p);
    }

    private void check(Playbook p) {
        if (p.format() != FORMAT) {
            add("format", "unsupported format " + p.format() + "; this version reads format " + FORMAT);
        }
        if (notBlank("id", p.id()) && !ID.matcher(p.id()).matches()) {
            add("id", "'" + cut(p.id()) + "' is not a valid id: use 3 to 60 lowercase letters, digits and dashes");
        }
        if (notBlank("language", p.language()) && !Language.codes().contains(p.language())) {
            add("language", "unknown language '" + cut(p.language()) + "' (one of " + String.join(", ", Language.codes())
                    + ")");
        }
        if (notBlank("title", p.title()) && p.title().strip().length() > MAX_TITLE) {
            add("title", "the title is longer than " + MAX_TITLE + " characters");
        }
        notBlank("summary", p.summary());
        Set<String> roles = roleIds(p.who());
        if (present("when", p.when())) {
            when(p.when(), roles);
        }
        if (present("who", p.who())) {
            who(p.who(), roles);
        }
        if (present("how", p.how())) {
            how(p.how(), roles);
        }
        if (present("where", p.where())) {
            where(p.where());
        }
    }

    private static Set<String> roleIds(Playbook.Who who) {
        Set<String> ids = new HashSet<>();
        if (who != null && who.roles() != null) {
            for (Playbook.Role r : who.roles()) {
                if (r != null && r.id() != null) {
                    ids.add(r.id());
                }
            }
        }
        return ids;
    }

    private void when(Playbook.When when, Set<String> roles) {
        Set<String> triggerIds = new HashSet<>();
        if (present("when.triggers", when.triggers())) {
            for (int i = 0; i < when.triggers().size(); i++) {
                String at = "when.triggers[" + i + "]";
                Playbook.Trigger t = when.triggers().get(i);
                if (!present(at, t)) {
                    continue;
                }
                unique(at + ".id", t.id(), triggerIds, "trigger");
                notBlank(at + ".description", t.description());
                severity(at + ".severity", t.severity());
            }
        }
        if (present("when.severity_levels", when.severityLevels())) {
            Set<Integer> levels = new TreeSet<>();
            for (int i = 0; i < when.severityLevels().size(); i++) {
                String at = "when.severity_levels[" + i + "]";
                Playbook.SeverityLevel s = when.severityLevels().get(i);
                if (!present(at, s)) {
                    continue;
                }
                if (s.level() < 1 || s.level() > 4) {
                    add(at + ".level", "level " + s.level() + " is not a severity level (1 critical to 4 low)");
                } else if (!levels.add(s.level())) {
                    add(at + ".level", "level " + s.level() + " is described twice");
                }
                notBlank(at + ".name", s.name());
                texts(at + ".criteria", s.criteria());
                roleRefs(at + ".escalate_to", s.escalateTo(), roles);
            }
            Set<Integer> missing = new TreeSet<>(List.of(1, 2, 3, 4));
            missing.removeAll(levels);
            if (!missing.isEmpty()) {
                add("when.severity_levels", "describe exactly the levels 1, 2, 3 and 4; missing " + join(missing));
            }
        }
        if (present("when.slas", when.slas())) {
            Playbook.Slas s = when.slas();
            minutes("when.slas.internal_alert_minutes", s.internalAlertMinutes());
            minutes("when.slas.first_public_reply_minutes", s.firstPublicReplyMinutes());
            minutes("when.slas.update_interval_minutes", s.updateIntervalMinutes());
            minutes("when.slas.update_interval_applies_for_minutes", s.updateIntervalAppliesForMinutes());
            minutes("when.slas.complaint_reply_minutes", s.complaintReplyMinutes());
        }
        if (present("when.escalation_thresholds", when.escalationThresholds())) {
            for (int i = 0; i < when.escalationThresholds().size(); i++) {
                String at = "when.escalation_thresholds[" + i + "]";
                Playbook.EscalationThreshold t = when.escalationThresholds().get(i);
                if (!present(at, t)) {
                    continue;
                }
                notBlank(at + ".when", t.when());
                severity(at + ".raise_to_severity", t.raiseToSeverity());
                roleRefs(at + ".notify", t.notifyRoles(), roles);
                if (t.mentionsPerHour() != null && (t.mentionsPerHour() < 1
                        || t.mentionsPerHour() > MAX_MENTIONS_PER_HOUR)) {
                    add(at + ".mentions_per_hour", t.mentionsPerHour() + " is out of range: 1 to "
                            + MAX_MENTIONS_PER_HOUR + " mentions an hour");
                }
                if (t.durationMinutes() != null && (t.durationMinutes() < 1
                        || t.durationMinutes() > MAX_DUE_MINUTES)) {
                    add(at + ".duration_minutes", t.durationMinutes() + " is out of range: 1 to " + MAX_DUE_MINUTES
                            + " minutes (30 days)");
                }
            }
        }
    }

    private void who(Playbook.Who who, Set<String> roles) {
        Set<String> seen = new HashSet<>();
        if (present("who.roles", who.roles())) {
            for (int i = 0; i < who.roles().size(); i++) {
                String at = "who.roles[" + i + "]";
                Playbook.Role r = who.roles().get(i);
                if (!present(at, r)) {
                    continue;
                }
                unique(at + ".id", r.id(), seen, "role");
                notBlank(at + ".name", r.name());
                notBlank(at + ".duties", r.duties());
                emails(at + ".people", r.people());
                if (present(at + ".groups", r.groups())) {
                    for (int g = 0; g < r.groups().size(); g++) {
                        String group = r.groups().get(g);
                        if (notBlank(at + ".groups[" + g + "]", group) && !GROUPS.contains(group)) {
                            add(at + ".groups[" + g + "]", "unknown contact group '" + cut(group) + "' (one of "
                                    + "crisis-team, spokespeople, customer-care, legal, executives, media, agencies, "
                                    + "specialists)");
                        }
                    }
                }
                emails(at + ".backups", r.backups());
            }
        }
        roleRefs("who.notify_on_activation", who.notifyOnActivation(), roles);
    }

    private void how(Playbook.How how, Set<String> roles) {
        if (present("how.principles", how.principles())) {
            Playbook.Principles p = how.principles();
            notBlank("how.principles.acknowledge", p.acknowledge());
            notBlank("how.principles.apologize", p.apologize());
            notBlank("how.principles.admit", p.admit());
            notBlank("how.principles.fix", p.fix());
            notBlank("how.principles.compensate", p.compensate());
        }
        if (present("how.steps", how.steps())) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < how.steps().size(); i++) {
                String at = "how.steps[" + i + "]";
                Playbook.Step s = how.steps().get(i);
                if (!present(at, s)) {
                    continue;
                }
                unique(at + ".id", s.id(), seen, "step");
                notBlank(at + ".title", s.title());
                roleRef(at + ".owner", s.owner(), roles);
                if (s.dueMinutes() < 0 || s.dueMinutes() > MAX_DUE_MINUTES) {
                    add(at + ".due_minutes", s.dueMinutes() + " is out of range: T+0 to T+" + MAX_DUE_MINUTES
                            + " minutes (30 days)");
                }
                notBlank(at + ".details", s.details());
            }
        }
        if (present("how.tone", how.tone())) {
            texts("how.tone.rules", how.tone().rules());
            Map<String, List<String>> forbidden = how.tone().forbiddenPhrases();
            if (present("how.tone.forbidden_phrases", forbidden)) {
                for (Map.Entry<String, List<String>> e : forbidden.entrySet()) {
                    String at = "how.tone.forbidden_phrases." + e.getKey();
                    if (!Language.codes().contains(e.getKey())) {
                        add(at, "unknown language '" + cut(e.getKey()) + "' (one of " + String.join(", ", Language.codes())
                                + ")");
                    }
                    texts(at, e.getValue());
                }
            }
        }
        if (present("how.response_matrix", how.responseMatrix())) {
            Map<MentionType, Integer> types = new HashMap<>();
            for (int i = 0; i < how.responseMatrix().size(); i++) {
                String at = "how.response_matrix[" + i + "]";
                Playbook.Response r = how.responseMatrix().get(i);
                if (!present(at, r)) {
                    continue;
                }
                if (present(at + ".type", r.type())) {
                    Integer first = types.putIfAbsent(r.type(), i);
                    if (first != null) {
                        add(at + ".type", "'" + r.type().yamlName() + "' is already answered by response_matrix["
                                + first + "]");
                    }
                }
                present(at + ".action", r.action());
                notBlank(at + ".guidance", r.guidance());
                if (r.replyMinutes() != null) {
                    minutes(at + ".reply_minutes", r.replyMinutes());
                }
            }
        }
        if (present("how.templates", how.templates())) {
            for (int i = 0; i < how.templates().size(); i++) {
                String at = "how.templates[" + i + "]";
                Playbook.Template t = how.templates().get(i);
                if (!present(at, t)) {
                    continue;
                }
                present(at + ".channel", t.channel());
                present(at + ".stage", t.stage());
                if (notBlank(at + ".text", t.text())) {
                    placeholders(at + ".text", t.text());
                }
            }
        }
    }

    private void where(Playbook.Where where) {
        Channel hubChannel = null;
        if (present("where.hub", where.hub())) {
            hubChannel = where.hub().channel();
            present("where.hub.channel", hubChannel);
            String url = where.hub().url();
            if (notBlank("where.hub.url", url) && !isHttpUrl(url)) {
                add("where.hub.url", "'" + cut(url) + "' is not an http:// or https:// address");
            }
        }
        String tag = where.hashtag();
        if (notBlank("where.hashtag", tag) && !HASHTAG.matcher(tag).matches()) {
            add("where.hashtag", "'" + cut(tag) + "' is not a hashtag: # followed by letters, digits and _");
        }
        if (present("where.channels", where.channels())) {
            Map<Channel, Integer> seen = new HashMap<>();
            for (int i = 0; i < where.channels().size(); i++) {
                String at = "where.channels[" + i + "]";
                Playbook.ChannelRole c = where.channels().get(i);
                if (!present(at, c)) {
                    continue;
                }
                if (present(at + ".channel", c.channel())) {
                    Integer first = seen.putIfAbsent(c.channel(), i);
                    if (first != null) {
                        add(at + ".channel", "'" + c.channel().yamlName() + "' is already listed as channels["
                                + first + "]");
                    }
                }
                notBlank(at + ".role", c.role());
                if (c.account() != null && c.account().strip().length() > MAX_ACCOUNT) {
                    add(at + ".account", "the account is longer than " + MAX_ACCOUNT + " characters");
                }
            }
            if (hubChannel != null && !seen.containsKey(hubChannel)) {
                add("where.channels", "the hub channel '" + hubChannel.yamlName() + "' is not listed");
            }
        }
    }

    static boolean isHttpUrl(String url) {
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void placeholders(String at, String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1).strip();
            if (!PLACEHOLDERS.contains(name)) {
                unknown.add("{{" + cut(m.group(1)) + "}}");
            }
        }
        for (String u : unknown) {
            add(at, "unknown placeholder " + u + " (known: {{hashtag}}, {{hub_url}}, {{next_update}}, {{issue}}, "
                    + "{{action}}, {{brand}}, {{case_title}})");
        }
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        if (rest.contains("{{")) {
            add(at, "'{{' without a closing '}}'");
        } else if (rest.contains("}}")) {
            add(at, "'}}' without an opening '{{'");
        }
    }

    private void roleRefs(String at, List<String> refs, Set<String> roles) {
        if (present(at, refs)) {
            for (int i = 0; i < refs.size(); i++) {
                roleRef(at + "[" + i + "]", refs.get(i), roles);
            }
        }
    }

    private void roleRef(String at, String ref, Set<String> roles) {
        if (notBlank(at, ref) && !roles.contains(ref)) {
            if (knownRoles == null) {
                knownRoles = roles.isEmpty() ? "; who.roles defines none" : " (roles: " + firstTen(roles) + ")";
            }
            add(at, "unknown role '" + cut(ref) + "'" + knownRoles);
        }
    }

    private void emails(String at, List<String> addresses) {
        if (present(at, addresses)) {
            for (int i = 0; i < addresses.size(); i++) {
                String a = addresses.get(i);
                if (notBlank(at + "[" + i + "]", a) && !EMAIL.matcher(a).matches()) {
                    add(at + "[" + i + "]", "'" + cut(a) + "' is not an e-mail address");
                }
            }
        }
    }

    private void texts(String at, List<String> texts) {
        if (present(at, texts)) {
            for (int i = 0; i < texts.size(); i++) {
                notBlank(at + "[" + i + "]", texts.get(i));
            }
        }
    }

    private void unique(String at, String id, Set<String> seen, String what) {
        if (notBlank(at, id) && !seen.add(id)) {
            add(at, "a second " + what + " with the id '" + cut(id) + "'");
        }
    }

    private void severity(String at, int severity) {
        if (severity < 1 || severity > 4) {
            add(at, severity + " is not a severity: 1 (critical) to 4 (low)");
        }
    }

    private void minutes(String at, int minutes) {
        if (minutes < 1 || minutes > MAX_SLA_MINUTES) {
            add(at, minutes + " is out of range: 1 to " + MAX_SLA_MINUTES + " minutes (7 days)");
        }
    }

    private boolean present(String at, Object value) {
        if (value == null) {
            add(at, "missing");
            return false;
        }
        return true;
    }

    private boolean notBlank(String at, String value) {
        if (!present(at, value)) {
            return false;
        }
        if (value.isBlank()) {
            add(at, "is empty");
            return false;
        }
        // ids, names and titles are one line; other texts keep line breaks and tabs (PlainText)
        String problem = ONE_LINE.matcher(at).find() ? PlainText.lineProblem("the value", value)
                : PlainText.textProblem("the text", value);
        if (problem != null) {
            add(at, problem);
            return false;
        }
        return true;
    }

    /** The ten first ids in order, then "and N more". */
    private static String firstTen(Set<String> ids) {
        List<String> first = new ArrayList<>(new TreeSet<>(ids)).subList(0, Math.min(10, ids.size()));
        List<String> shown = new ArrayList<>();
        first.forEach(id -> shown.add(cut(id)));
        return String.join(", ", shown) + (ids.size() > 10 ? " and " + (ids.size() - 10) + " more" : "");
    }

    /** A value quoted in a message: at most 60 characters. */
    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String join(Set<Integer> levels) {
        List<String> s = new ArrayList<>();
        levels.forEach(l -> s.add(String.valueOf(l)));
        return String.join(", ", s);
    }

    private void add(String path, String message) {
        found.accept(new Violation(path, message));
    }
}
