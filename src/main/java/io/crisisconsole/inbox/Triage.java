package io.crisisconsole.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.crisisconsole.toolkit.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Suggests a mention's type and scores its priority. Immutable.
 *
 * <p>Type: the source first (platform {@code news}, a news domain in the URL, or an author who is
 * a journalist, editor or press desk make a media inquiry), then cue words of the mention's
 * language (bundled {@code inbox/cues/LANG.yaml}; English cues are looked for in every language,
 * since mentions mix them): the type with most hits wins, ties in the order media inquiry,
 * misinformation, troll/abuse, complaint, question, praise; a question mark (or ¿) counts as one
 * question cue. No hit: other.
 *
 * <p>Priority (0 to 115, higher first): reach up to 60 points (10 per power of ten of the
 * followers/reach: 1,000 is 30, 100,000 is 50, 1,000,000 and more is 60), negative sentiment 20,
 * media (a media inquiry, or platform news) 25, a repeat author (another mention of the same author
 * in the case) 10.
 */
public final class Triage {

    public static final int MAX_REACH_POINTS = 60;
    public static final int NEGATIVE_POINTS = 20;
    public static final int MEDIA_POINTS = 25;
    public static final int REPEAT_AUTHOR_POINTS = 10;

    /** Ties between types go to the earlier one. */
    private static final List<InboxType> ORDER = List.of(InboxType.MEDIA_INQUIRY, InboxType.MISINFORMATION,
            InboxType.TROLL, InboxType.COMPLAINT, InboxType.QUESTION, InboxType.PRAISE);

    record CueFile(String language, List<String> complaint, List<String> question, List<String> troll,
            List<String> mediaInquiry, List<String> misinformation, List<String> praise, List<String> newsDomains,
            List<String> pressAuthors) {
    }

    /** A cue: one word (whole or, with *, a prefix) or a phrase of several words, folded. */
    private record Cue(int id, InboxType type, String word, String spaced, boolean prefix) {
        static Cue of(int id, InboxType type, String written) {
            String w = written.strip();
            boolean prefix = w.endsWith("*");
            List<String> words = Fold.words(prefix ? w.substring(0, w.length() - 1) : w);
            if (words.size() == 1) {
                return new Cue(id, type, words.get(0), null, prefix);
            }
            String folded = Fold.spaced(prefix ? w.substring(0, w.length() - 1) : w);
            // " two words " matches whole words; a prefix cue drops the space after its last word
            return new Cue(id, type, null, prefix ? folded.substring(0, folded.length() - 1) : folded, prefix);
        }
    }

    /** The cues of one language, by how they are looked for. */
    private record Cues(Map<String, List<Cue>> words, List<Cue> prefixes, List<Cue> phrases, List<Cue> all,
            List<String> newsDomains, List<Cue> pressAuthors) {
        int count() {
            return all.size();
        }
    }

    private static final Map<String, Cues> BUNDLED = Language.codes().stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), Triage::load));

    private static final Triage INSTANCE = new Triage();

    private Triage() {
    }

    public static Triage bundled() {
        return INSTANCE;
    }

    /** The suggested type of a mention (see the class comment). */
    public InboxType suggestType(String text, String language, String platform, String url, String author) {
        Cues own = BUNDLED.get(language == null ? "" : language.toLowerCase(Locale.ROOT));
        Cues en = BUNDLED.get(Language.EN.code());
        if ("news".equals(platform) || isPressSource(url, author, own) || isPressSource(url, author, en)) {
            return InboxType.MEDIA_INQUIRY;
        }
        List<String> words = Fold.words(text);
        String spaced = " " + String.join(" ", words) + " ";
        Map<InboxType, Integer> hits = new EnumMap<>(InboxType.class);
        count(words, spaced, en, hits);
        if (own != null && own != en) {
            count(words, spaced, own, hits);
        }
        if (text.indexOf('?') >= 0 || text.indexOf('\u00bf') >= 0) {
            hits.merge(InboxType.QUESTION, 1, Integer::sum);
        }
        InboxType best = null;
        int most = 0;
        for (InboxType t : ORDER) {
            int h = hits.getOrDefault(t, 0);
            if (h > most) {
                best = t;
                most = h;
            }
        }
        if (best != null) {
            return best;
        }
        return InboxType.OTHER;
    }

    /** The priority score of a mention (see the class comment). */
    public int priority(Long reach, Sentiment sentiment, InboxType type, String platform, boolean repeatAuthor) {
        int score = 0;
        if (reach != null && reach > 0) {
            score += (int) Math.min(MAX_REACH_POINTS, Math.floor(Math.log10(reach) * 10 + 1e-9));
        }
        if (sentiment == Sentiment.NEGATIVE) {
            score += NEGATIVE_POINTS;
        }
        if (type == InboxType.MEDIA_INQUIRY || "news".equals(platform)) {
            score += MEDIA_POINTS;
        }
        if (repeatAuthor) {
            score += REPEAT_AUTHOR_POINTS;
        }
        return score;
    }

    /** Adds to {@code hits} one per cue of {@code cues} found (a cue found twice counts once). */
    private static void count(List<String> words, String spaced, Cues cues, Map<InboxType, Integer> hits) {
        BitSet found = new BitSet(cues.count());
        for (String w : words) {
            for (Cue c : cues.words().getOrDefault(w, List.of())) {
                found.set(c.id());
            }
            for (Cue c : cues.prefixes()) {
                if (w.startsWith(c.word())) {
                    found.set(c.id());
                }
            }
        }
        for (Cue c : cues.phrases()) {
            if (spaced.contains(c.spaced())) {
                found.set(c.id());
            }
        }
        List<Cue> all = cues.all();
        for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
            hits.merge(all.get(i).type(), 1, Integer::sum);
        }
    }

    private static boolean isPressSource(String url, String author, Cues cues) {
        if (cues == null) {
            return false;
        }
        String host = host(url);
        if (host != null) {
            for (String d : cues.newsDomains()) {
                if (host.equals(d) || host.endsWith("." + d)) {
                    return true;
                }
            }
        }
        if (author != null) {
            String spaced = Fold.spaced(author);
            for (Cue c : cues.pressAuthors()) {
                String find = c.spaced() != null ? c.spaced() : " " + c.word() + (c.prefix() ? "" : " ");
                if (spaced.contains(find)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String h = URI.create(url.strip()).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Cues load(String language) {
        String resource = "/io/crisisconsole/inbox/cues/" + language + ".yaml";
        YAMLMapper yaml = YAMLMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .build();
        try (InputStream in = Triage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            CueFile f = yaml.readValue(in, CueFile.class);
            if (!language.equals(f.language())) {
                throw new IllegalStateException(resource + ": language " + f.language() + ", expected " + language);
            }
            List<Cue> all = new ArrayList<>();
            add(all, InboxType.COMPLAINT, f.complaint());
            add(all, InboxType.QUESTION, f.question());
            add(all, InboxType.TROLL, f.troll());
            add(all, InboxType.MEDIA_INQUIRY, f.mediaInquiry());
            add(all, InboxType.MISINFORMATION, f.misinformation());
            add(all, InboxType.PRAISE, f.praise());
            Map<String, List<Cue>> words = new HashMap<>();
            List<Cue> prefixes = new ArrayList<>();
            List<Cue> phrases = new ArrayList<>();
            for (Cue c : all) {
                if (c.word() == null) {
                    phrases.add(c);
                } else if (c.prefix()) {
                    prefixes.add(c);
                } else {
                    words.computeIfAbsent(c.word(), x -> new ArrayList<>()).add(c);
                }
            }
            List<Cue> press = new ArrayList<>();
            add(press, InboxType.MEDIA_INQUIRY, f.pressAuthors());
            List<String> domains = f.newsDomains().stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
            return new Cues(Map.copyOf(words), List.copyOf(prefixes), List.copyOf(phrases), List.copyOf(all),
                    domains, List.copyOf(press));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(List<Cue> into, InboxType type, List<String> written) {
        for (String w : written) {
            if (!Fold.words(w).isEmpty()) {
                into.add(Cue.of(into.size(), type, w));
            }
        }
    }
}
