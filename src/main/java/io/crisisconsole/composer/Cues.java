package io.crisisconsole.composer;

import io.crisisconsole.toolkit.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cue lists of one language, from the bundled {@code cues/LANG.yaml}: words that count as a call
 * to action or an apology, and blaming or defensive wording. Folded once ({@link Folded}); a phrase
 * ending in {@code *} matches as a prefix. A phrase may hold groups of alternatives,
 * {@code (a|the|our) supplier(|s) failed}, which stand for every combination (an empty alternative
 * is allowed; groups do not nest). Immutable.
 */
public final class Cues {

    /**
     * A folded phrase as written in the list; a phrase with groups is matched by {@code pattern} (on
     * the folded text, whole words), one regular expression for all its combinations, not by
     * {@code folded}.
     */
    record Phrase(String written, String folded, boolean prefix, java.util.regex.Pattern pattern) {
        Phrase(String written, String folded, boolean prefix) {
            this(written, folded, prefix, null);
        }

        static Phrase of(String written) {
            String w = written.strip();
            boolean prefix = w.endsWith("*");
            String body = prefix ? w.substring(0, w.length() - 1) : w;
            if (body.indexOf('(') >= 0) {
                return new Phrase(w, Folded.phrase(expand(body).get(0)), prefix, pattern(body, prefix));
            }
            return new Phrase(w, Folded.phrase(body), prefix);
        }

        /** {@code (a|the) supplier(|s)} as a whole-word expression over folded text. */
        private static java.util.regex.Pattern pattern(String body, boolean prefix) {
            expand(body); // refuses unclosed and nested groups
            StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{Nd}\\p{Mn}])");
            String rest = body.strip().replaceAll("\\s+", " ");
            while (!rest.isEmpty()) {
                int open = rest.indexOf('(');
                if (open < 0) {
                    re.append(java.util.regex.Pattern.quote(Folded.of(rest).text));
                    break;
                }
                if (open > 0) {
                    re.append(java.util.regex.Pattern.quote(Folded.of(rest.substring(0, open)).text));
                }
                int close = rest.indexOf(')', open);
                re.append("(?:");
                String[] alts = rest.substring(open + 1, close).split("\\|", -1);
                for (int i = 0; i < alts.length; i++) {
                    re.append(i == 0 ? "" : "|").append(java.util.regex.Pattern.quote(Folded.of(alts[i]).text));
                }
                re.append(")");
                rest = rest.substring(close + 1);
            }
            re.append(prefix ? "[\\p{L}\\p{Nd}\\p{Mn}]*" : "(?![\\p{L}\\p{Nd}\\p{Mn}])");
            return java.util.regex.Pattern.compile(re.toString());
        }
    }

    record CueFile(String language, List<String> callToAction, List<String> apology, List<String> blaming,
            List<String> defensive) {
    }

    /** By language code: every {@link Language} has bundled cue lists. */
    private static final Map<String, Cues> BUNDLED = Language.codes().stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), Cues::load));

    final String language;
    final List<Phrase> callToAction;
    final List<Phrase> apology;
    final List<Phrase> blaming;
    final List<Phrase> defensive;

    private Cues(CueFile f) {
        this.language = f.language();
        this.callToAction = phrases(f.callToAction());
        this.apology = phrases(f.apology());
        this.blaming = phrases(f.blaming());
        this.defensive = phrases(f.defensive());
    }

    /** The bundled cues of {@code language} (a {@link Language} code); English for any other. */
    public static Cues bundled(String language) {
        Cues c = language == null ? null : BUNDLED.get(language);
        return c != null ? c : BUNDLED.get(Language.EN.code());
    }

    public String language() {
        return language;
    }

    public List<String> callToAction() {
        return written(callToAction);
    }

    public List<String> apology() {
        return written(apology);
    }

    public List<String> blaming() {
        return written(blaming);
    }

    public List<String> defensive() {
        return written(defensive);
    }

    private static List<String> written(List<Phrase> list) {
        return list.stream().map(Phrase::written).toList();
    }

    private static List<Phrase> phrases(List<String> list) {
        List<Phrase> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String s : list) {
            Phrase p = Phrase.of(s);
            if (!p.folded().isEmpty() && seen.add(p.written())) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Every phrase a cue with groups {@code (x|y)} stands for, in order; a cue without groups is itself.
     * (The checks match a cue with groups as one expression; this spells out what it means.)
     */
    static List<String> expand(String cue) {
        int open = cue.indexOf('(');
        if (open < 0) {
            return List.of(cue);
        }
        int close = cue.indexOf(')', open);
        if (close < 0 || cue.indexOf('(', open + 1) >= 0 && cue.indexOf('(', open + 1) < close) {
            throw new IllegalStateException("cue '" + cue + "': a group (a|b) is not closed, or groups nest");
        }
        List<String> out = new ArrayList<>();
        String head = cue.substring(0, open);
        List<String> tails = expand(cue.substring(close + 1));
        for (String alt : cue.substring(open + 1, close).split("\\|", -1)) {
            for (String tail : tails) {
                out.add(head + alt + tail);
            }
        }
        return out;
    }

    private static Cues load(String language) {
        String resource = "/io/crisisconsole/composer/cues/" + language + ".yaml";
        try (InputStream in = Cues.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            CueFile f = StrictInput.yaml(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), CueFile.class);
            if (!language.equals(f.language()) || f.callToAction() == null || f.apology() == null
                    || f.blaming() == null || f.defensive() == null) {
                throw new IllegalStateException(resource + ": language " + language
                        + " and the four lists call_to_action, apology, blaming, defensive are needed");
            }
            return new Cues(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
