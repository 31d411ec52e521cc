package io.crisisconsole.composer;

import io.crisisconsole.composer.Facts.Fact;
import io.crisisconsole.composer.Facts.Kind;
import io.crisisconsole.composer.Finding.Level;
import io.crisisconsole.playbooks.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks of every variant against the core message and the case, with exact spans:
 * {@code fact-mismatch} (a number, time, date, amount, link, phone, hashtag or handle the core message
 * does not have; error), {@code missing-hashtag} (x, facebook, instagram, linkedin; warning),
 * {@code missing-hub-link} (every public channel: all but staff-memo and call-centre; error),
 * {@code missing-call-to-action} (warning), {@code missing-apology} (error, when the case or the core
 * message requires one), {@code forbidden-phrase} (the playbook's, for the context language; error),
 * {@code blaming} and {@code defensive} (bundled cue lists; warning; not reported again where a
 * forbidden phrase already is) and {@code over-limit} (error over the part that does not fit).
 * Pure and thread-safe; no I/O after construction.
 */
public final class DefaultMessageChecker implements MessageChecker {

    private static final ChannelRules RULES = ChannelRules.bundled();

    private final ChannelLimits limits;

    public DefaultMessageChecker() {
        this(ChannelLimits.bundled());
    }

    public DefaultMessageChecker(ChannelLimits limits) {
        this.limits = limits;
    }

    public ChannelLimits limits() {
        return limits;
    }

    /**
     * Runs the checks on sample messages in every language until they are compiled, so that the first
     * keystrokes in a composer are as fast as the later ones: a check in a fresh JVM first loads the cue
     * lists and twitter-text (about a second) and then runs interpreted, 20-80 ms per check of ten
     * variants, for the first hundred or so keystrokes. Takes 0.5-1 s on a quiet machine; safe to call on any
     * thread, at the same time as real checks.
     */
    public static void warmUp() {
        DefaultMessageChecker c = new DefaultMessageChecker();
        String[][] samples = {
            {"en", "We are sorry: since 14:10 about 3,000 customers cannot log in. Please check https://status.example.com "
                    + "for updates. Next update at 16:30. #ExampleOutage 🙏"},
            {"ru", "Приносим извинения: с 14:10 около 3 000 клиентов не могут войти. Следите за https://status.example.com"},
            {"pl", "Przepraszamy: od 14:10 około 3 000 klientów nie może się zalogować. Sprawdź https://status.example.com"},
            {"es", "Lo sentimos: desde las 14:10 unos 3.000 clientes no pueden entrar. Consulte https://status.example.com"},
        };
        for (int round = 0; round < 150; round++) {
            for (String[] s : samples) {
                List<Variant> variants = new ArrayList<>();
                for (Channel ch : Channel.values()) {
                    variants.add(new Variant(ch, s[1] + (round % 7 == 0 ? "" : " " + round)));
                }
                c.check(new CoreMessage("since 14:10, 3,000 customers", "", "", "16:30", true, List.of()), variants,
                        new MessageContext(s[0], "#ExampleOutage", "https://status.example.com", true, java.util.Map.of()));
            }
        }
    }

    /** A template placeholder left in a message, e.g. {{brand}}. */
    private static final Pattern UNFILLED = Pattern.compile("\\{\\{\\s*[a-z_]+\\s*}}");

    @Override
    public CheckReport check(CoreMessage core, List<Variant> variants, MessageContext context) {
        CoreFacts coreFacts = coreFacts(core, context);
        boolean apologyRequired = context.apologyRequired() || core.apology();
        Analyses known = analyses;
        Analyses now = new Analyses(context, new EnumMap<>(Channel.class));
        Rules rules = known != null && known.context.equals(context) ? known.rules : new Rules(context);
        now.rules = rules;

        List<ChannelCount> counts = new ArrayList<>(variants.size());
        List<Finding> findings = new ArrayList<>();
        for (Variant v : variants) {
            String text = v.text() == null ? "" : v.text();
            Channel ch = v.channel();
            Analysis a = known == null || known.rules != rules ? null : known.byChannel.get(ch);
            if (a == null || !a.text.equals(text)) {
                a = analyse(ch, text, context, rules);
            }
            now.byChannel.put(ch, a);
            counts.add(a.count);
            if (text.isBlank()) {
                continue; // a channel left empty is not used for this statement: nothing to check
            }
            // the findings in the order they were always found (the sort below keeps it for equal spans)
            List<Finding> f = new ArrayList<>(a.head);
            for (Fact fact : a.facts) {
                if (!coreFacts.has(fact)) {
                    f.add(new Finding(ch, "fact-mismatch", Level.ERROR, fact.start(), fact.end(),
                            "'" + text.substring(fact.start(), fact.end()) + "' is not in the core message"
                                    + coreFacts.describe(fact.kind())));
                }
            }
            f.addAll(a.presence);
            if (apologyRequired && RULES.applies(ChannelRules.Rule.APOLOGY, ch) && !a.apologises) {
                f.add(missing(ch, text, "missing-apology", Level.ERROR,
                        "an apology is required (e.g. " + examples(rules.cues.apology) + ")"));
            }
            f.addAll(a.phrases);
            f.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
            findings.addAll(f);
        }
        analyses = now;
        return new CheckReport(List.copyOf(counts), List.copyOf(findings));
    }

    /**
     * What a check finds in one variant's text alone, under one context: everything but what depends
     * on the core message (its facts, whether it offers an apology). Kept from the last check so that
     * a keystroke analyses the one variant it changed, and a keystroke in the core message none.
     */
    private static final class Analysis {
        final String text;
        final ChannelCount count;
        /** over-limit, unfilled placeholders */
        final List<Finding> head = new ArrayList<>(2);
        final List<Fact> facts;
        /** missing hashtag, hub link, call to action */
        final List<Finding> presence = new ArrayList<>(3);
        final boolean apologises;
        /** forbidden phrases, blaming, defensive */
        final List<Finding> phrases = new ArrayList<>(2);

        Analysis(String text, ChannelCount count, List<Fact> facts, boolean apologises) {
            this.text = text;
            this.count = count;
            this.facts = facts;
            this.apologises = apologises;
        }
    }

    /** What the checks take from a context, worked out once for it. */
    private static final class Rules {
        final Cues cues;
        final List<Cues.Phrase> forbidden;
        final String hashtagKey;
        final String hubKey;

        Rules(MessageContext context) {
            cues = Cues.bundled(context.language());
            forbidden = forbidden(context);
            hashtagKey = context.hashtag() == null || context.hashtag().isBlank() ? null
                    : "#" + context.hashtag().strip().replaceFirst("^#", "").toLowerCase(java.util.Locale.ROOT);
            hubKey = context.hubUrl() == null || context.hubUrl().isBlank() ? null : Facts.url(context.hubUrl().strip());
        }
    }

    /** The analyses of the last check, by channel, and the context they were made under. */
    private static final class Analyses {
        final MessageContext context;
        final Map<Channel, Analysis> byChannel;
        Rules rules;

        Analyses(MessageContext context, Map<Channel, Analysis> byChannel) {
            this.context = context;
            this.byChannel = byChannel;
        }
    }

    /** Replaced whole by each check (never changed after), so checks on several threads only miss it. */
    private volatile Analyses analyses;

    private Analysis analyse(Channel ch, String text, MessageContext context, Rules rules) {
        List<Finding> head = new ArrayList<>(2);
        ChannelCount count = count(ch, text, head);
        if (text.isBlank()) {
            Analysis a = new Analysis(text, count, List.of(), false);
            a.head.addAll(head);
            return a;
        }
        Matcher unfilled = UNFILLED.matcher(text);
        while (unfilled.find()) {
            head.add(new Finding(ch, "unfilled-placeholder", Level.ERROR, unfilled.start(), unfilled.end(),
                    "'" + unfilled.group() + "' is still a placeholder: write the real text"));
        }
        List<Fact> facts = Facts.extract(text);
        Folded folded = Folded.of(text);
        Cues cues = rules.cues;
        Analysis a = new Analysis(text, count, facts, first(folded, cues.apology) != null);
        a.head.addAll(head);
        List<Finding> f = a.presence;
        if (rules.hashtagKey != null && RULES.applies(ChannelRules.Rule.HASHTAG, ch)
                && facts.stream().noneMatch(x -> x.kind() == Kind.HASHTAG && x.key().equals(rules.hashtagKey))) {
            f.add(missing(ch, text, "missing-hashtag", Level.WARNING, "the official hashtag " + rules.hashtagKey
                    + " is missing"));
        }
        if (rules.hubKey != null && ch != context.hub() && RULES.applies(ChannelRules.Rule.HUB_LINK, ch)
                && facts.stream().noneMatch(x -> x.kind() == Kind.URL && x.key().equals(rules.hubKey))) {
            f.add(missing(ch, text, "missing-hub-link", Level.ERROR, "the hub link " + context.hubUrl().strip()
                    + " is missing"));
        }
        if (RULES.applies(ChannelRules.Rule.CALL_TO_ACTION, ch) && first(folded, cues.callToAction) == null) {
            f.add(missing(ch, text, "missing-call-to-action", Level.WARNING,
                    "no call to action: tell people what to do (e.g. " + examples(cues.callToAction) + ")"));
        }
        List<int[]> forbiddenSpans = new ArrayList<>();
        for (Cues.Phrase p : rules.forbidden) {
            for (int[] span : all(folded, p)) {
                forbiddenSpans.add(span);
                a.phrases.add(new Finding(ch, "forbidden-phrase", Level.ERROR, span[0], span[1],
                        "'" + p.written() + "' is a forbidden phrase in this playbook"));
            }
        }
        tone(ch, text, folded, cues.blaming, "blaming",
                "blames a person, team or supplier: own it as the brand", forbiddenSpans, a.phrases);
        tone(ch, text, folded, cues.defensive, "defensive",
                "sounds defensive: acknowledge, don't argue or minimise", forbiddenSpans, a.phrases);
        return a;
    }

    /** The last core message and context with their facts: a live re-check mostly changes only variants. */
    private volatile Object[] lastCore;

    private CoreFacts coreFacts(CoreMessage core, MessageContext context) {
        Object[] last = lastCore;
        if (last != null && last[0].equals(core) && last[1].equals(context)) {
            return (CoreFacts) last[2];
        }
        CoreFacts f = CoreFacts.of(core, context);
        lastCore = new Object[] {core, context, f};
        return f;
    }

    /** The count of one variant; adds the over-limit finding to {@code f}. */
    ChannelCount count(Channel ch, String text, List<Finding> f) {
        ChannelLimits.Limit limit = limits.get(ch);
        int max = limit.limit();
        switch (limit.unit()) {
            case WEIGHTED: {
                int[] lo = Counters.xLengthAndOverflow(text, max);
                if (max > 0 && lo[0] > max) {
                    f.add(new Finding(ch, "over-limit", Level.ERROR, lo[1], text.length(),
                            "over the limit: " + lo[0] + " of " + max + " (weighted: links 23, emoji and CJK 2)"));
                }
                return new ChannelCount(ch, lo[0], max, 0, null);
            }
            case SEGMENTS: {
                Counters.Sms sms = Counters.sms(text);
                int capacity = Counters.smsCapacity(sms.encoding(), max);
                if (max > 0 && sms.segments() > max) {
                    f.add(new Finding(ch, "over-limit", Level.ERROR, Counters.smsOverflowStart(text, max), text.length(),
                            "over the limit: " + sms.segments() + " SMS parts, at most " + max + " (" + capacity + " "
                                    + sms.encoding() + " characters)" + (Counters.UCS2.equals(sms.encoding())
                                            ? "; a character outside GSM-7 makes every part hold only 67" : "")));
                }
                return new ChannelCount(ch, sms.length(), capacity, sms.segments(), sms.encoding(), max);
            }
            default: {
                int cps = Counters.codePoints(text);
                if (max > 0 && cps > max) {
                    f.add(new Finding(ch, "over-limit", Level.ERROR, text.offsetByCodePoints(0, max), text.length(),
                            "over the limit: " + cps + " of " + max + " characters"));
                }
                return new ChannelCount(ch, cps, max, 0, null);
            }
        }
    }

    private static void tone(Channel ch, String text, Folded folded, List<Cues.Phrase> phrases, String code,
            String message, List<int[]> skip, List<Finding> f) {
        List<int[]> seen = new ArrayList<>(skip);
        for (Cues.Phrase p : phrases) {
            for (int[] span : all(folded, p)) {
                if (overlaps(seen, span)) {
                    continue;
                }
                seen.add(span);
                String shown = p.pattern() != null ? text.substring(span[0], span[1]) : p.written().replace("*", "");
                f.add(new Finding(ch, code, Level.WARNING, span[0], span[1], "'" + shown + "' " + message));
            }
        }
    }

    private static boolean overlaps(List<int[]> spans, int[] s) {
        for (int[] o : spans) {
            if (s[0] < o[1] && o[0] < s[1]) {
                return true;
            }
        }
        return false;
    }

    private static List<Cues.Phrase> forbidden(MessageContext context) {
        if (context.forbiddenPhrases() == null || context.language() == null) {
            return List.of();
        }
        List<String> list = context.forbiddenPhrases().get(context.language());
        if (list == null) {
            return List.of();
        }
        List<Cues.Phrase> out = new ArrayList<>(list.size());
        for (String s : list) {
            if (s != null && !s.isBlank()) {
                String folded = Folded.phrase(s);
                out.add(new Cues.Phrase(s.strip(), folded, false));
            }
        }
        return out;
    }

    private static Finding missing(Channel ch, String text, String code, Level level, String message) {
        return new Finding(ch, code, level, text.length(), text.length(), message);
    }

    private static int[] first(Folded folded, List<Cues.Phrase> phrases) {
        for (Cues.Phrase p : phrases) {
            if (p.pattern() != null) {
                Matcher m = p.pattern().matcher(folded.text);
                if (m.find()) {
                    return new int[] {m.start()};
                }
                continue;
            }
            int at = folded.find(p.folded(), p.prefix(), 0);
            if (at >= 0) {
                return new int[] {at};
            }
        }
        return null;
    }

    /** Every match of a phrase, as original spans; a prefix phrase's span runs to the end of the word. */
    private static List<int[]> all(Folded folded, Cues.Phrase p) {
        List<int[]> out = null;
        if (p.pattern() != null) {
            Matcher m = p.pattern().matcher(folded.text);
            while (m.find()) {
                if (m.end() > m.start()) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    out.add(new int[] {folded.start(m.start()), folded.end(m.end())});
                }
            }
            return out == null ? List.of() : out;
        }
        int at = folded.find(p.folded(), p.prefix(), 0);
        while (at >= 0) {
            int fe = at + p.folded().length();
            if (p.prefix()) {
                while (fe < folded.text.length() && Folded.isWord(folded.text.charAt(fe))) {
                    fe++;
                }
            }
            if (out == null) {
                out = new ArrayList<>(2);
            }
            out.add(new int[] {folded.start(at), folded.end(fe)});
            at = folded.find(p.folded(), p.prefix(), fe);
        }
        return out == null ? List.of() : out;
    }

    private static String examples(List<Cues.Phrase> phrases) {
        return phrases.stream().limit(3).map(p -> "'" + p.written().replace("*", "") + "'")
                .collect(Collectors.joining(", "));
    }

    /** The facts of the core message and the case, by kind, with the numbers inside them. */
    static final class CoreFacts {
        final Map<Kind, Set<String>> keys = new EnumMap<>(Kind.class);
        final Map<Kind, Set<String>> shown = new EnumMap<>(Kind.class);
        /** Every number in the core, also those inside times, dates and amounts. */
        final Set<String> numbers = new HashSet<>();

        static CoreFacts of(CoreMessage core, MessageContext context) {
            CoreFacts c = new CoreFacts();
            c.add(core.whatHappened());
            c.add(core.whatWeAreDoing());
            c.add(core.whatYouShouldDo());
            c.add(core.nextUpdate());
            if (core.keyFacts() != null) {
                core.keyFacts().forEach(c::add);
            }
            if (context.hashtag() != null && !context.hashtag().isBlank()) {
                String h = context.hashtag().strip();
                c.add(h.startsWith("#") ? h : "#" + h);
            }
            if (context.hubUrl() != null && !context.hubUrl().isBlank()) {
                String hub = context.hubUrl().strip();
                c.put(Kind.URL, Facts.url(hub), hub);
            }
            return c;
        }

        private void add(String text) {
            if (text == null || text.isEmpty()) {
                return;
            }
            for (Fact f : Facts.extract(text)) {
                put(f.kind(), f.key(), text.substring(f.start(), f.end()));
                if (f.kind() != Kind.URL && f.kind() != Kind.EMAIL && f.kind() != Kind.HASHTAG
                        && f.kind() != Kind.HANDLE && f.kind() != Kind.PHONE) {
                    for (String part : f.key().split("[^0-9.]+")) {
                        if (!part.isEmpty()) {
                            numbers.add(Facts.number(part));
                        }
                    }
                }
            }
        }

        private void put(Kind kind, String key, String asWritten) {
            keys.computeIfAbsent(kind, k -> new HashSet<>()).add(key);
            shown.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(asWritten);
        }

        boolean has(Fact f) {
            Set<String> set = keys.get(f.kind());
            if (set != null && set.contains(f.key())) {
                return true;
            }
            switch (f.kind()) {
                case NUMBER:
                    return numbers.contains(f.key());
                case PHONE:
                    if (set != null) {
                        for (String k : set) {
                            if (k.length() >= 7 && f.key().length() >= 7 && (k.endsWith(f.key()) || f.key().endsWith(k))) {
                                return true;
                            }
                        }
                    }
                    return false;
                default:
                    return false;
            }
        }

        String describe(Kind kind) {
            Set<String> s = shown.get(kind);
            if (s == null || s.isEmpty()) {
                return " (it has no " + kind.plural + ")";
            }
            return " (" + kind.plural + " there: " + s.stream().limit(5).collect(Collectors.joining(", ")) + ")";
        }
    }
}
