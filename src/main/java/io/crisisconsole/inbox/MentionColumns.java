package io.crisisconsole.inbox;

import io.crisisconsole.inbox.MentionValues.DateOrder;
import io.crisisconsole.inbox.MentionValues.SentimentScale;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which header words name which {@link MentionField} (in en, ru, pl and es, compared
 * {@link MentionValues#normalise normalised}: case, accents and punctuation do not matter), and the
 * known layouts of the listening tools' exports. For each field the words are in order of
 * preference: when a header has {@code Full Text} and {@code Title}, the text is {@code Full Text}.
 */
public final class MentionColumns {

    private MentionColumns() {
    }

    private static final Map<MentionField, List<String>> WORDS = words();

    private static Map<MentionField, List<String>> words() {
        Map<MentionField, List<String>> m = new EnumMap<>(MentionField.class);
        m.put(MentionField.DATE, List.of("date", "published", "published date", "publish date", "date published",
                "published at", "publication date", "created at", "created", "created time", "timestamp", "datetime",
                "date time", "post date", "message date", "date of publication", "fecha", "fecha de publicacion",
                "fecha publicacion", "fecha y hora", "дата", "дата публикации", "дата и время", "data",
                "data publikacji", "data i godzina", "data wpisu"));
        m.put(MentionField.TIME, List.of("time", "hour", "published time", "hora", "время", "время публикации",
                "czas", "godzina", "godzina publikacji"));
        m.put(MentionField.TEXT, List.of("full text", "text", "mention text", "content", "mention content",
                "message", "message text", "post text", "body", "hit sentence", "post", "mention", "snippet",
                "opening text", "texto", "contenido", "mensaje", "texto de la mencion", "текст", "текст сообщения",
                "текст упоминания", "содержание", "сообщение", "tresc", "tekst", "tresc wzmianki", "wpis",
                "title", "headline", "заголовок", "tytul", "titulo"));
        m.put(MentionField.AUTHOR, List.of("author", "author name", "author username", "author handle", "username",
                "user name", "screen name", "twitter screen name", "from", "sender", "influencer", "user",
                "contact primary identifier", "extra author attributes name", "profile", "full name", "autor",
                "usuario", "nombre de usuario", "автор", "имя автора", "пользователь", "uzytkownik",
                "nazwa autora"));
        m.put(MentionField.URL, List.of("url", "link", "permalink", "post url", "mention url", "post link",
                "message link", "original url", "enlace", "enlace a la mencion", "ссылка", "ссылка на сообщение",
                "ссылка на пост", "адрес", "adres url", "adres", "odnosnik", "link do wzmianki"));
        m.put(MentionField.SENTIMENT, List.of("sentiment", "sentiment score", "tone", "polarity", "sentimiento",
                "tono", "тональность", "сентимент", "sentyment", "wydzwiek"));
        m.put(MentionField.REACH, List.of("reach", "potential reach", "audience", "followers", "author followers",
                "follower count", "followers count", "twitter followers", "subscribers", "охват", "аудитория",
                "подписчики", "число подписчиков", "zasieg", "obserwujacy", "liczba obserwujacych", "alcance",
                "seguidores", "audiencia"));
        m.put(MentionField.PLATFORM, List.of("platform", "page type", "source type", "network", "social network",
                "medium", "media type", "channel", "source", "domain", "site", "fuente", "plataforma", "red social",
                "tipo de fuente", "источник", "площадка", "тип источника", "соцсеть", "zrodlo", "platforma",
                "typ zrodla", "kanal", "serwis"));
        m.put(MentionField.LANGUAGE, List.of("language", "lang", "idioma", "lengua", "язык", "jezyk"));
        m.put(MentionField.REPLY_TO, List.of("reply to", "in reply to", "parent", "parent id", "parent url",
                "thread id", "thread", "thread url", "conversation id", "en respuesta a", "respuesta a", "hilo",
                "в ответ на", "родительское сообщение", "ветка", "w odpowiedzi na", "watek"));
        m.put(MentionField.ID, List.of("id", "mention id", "resource id", "post id", "tweet id", "document id",
                "message id", "source id", "guid", "идентификатор", "ид", "id упоминания", "identyfikator",
                "id wzmianki", "identificador", "id de la mencion"));
        m.replaceAll((f, words) -> words.stream().map(MentionValues::normalise).toList());
        return m;
    }

    /** The field a header cell names and how preferred that word is (0 best), or null. */
    record Match(MentionField field, int rank) {
    }

    static Match match(String headerCell) {
        String n = MentionValues.normalise(headerCell);
        if (n.isEmpty()) {
            return null;
        }
        for (Map.Entry<MentionField, List<String>> e : WORDS.entrySet()) {
            int i = e.getValue().indexOf(n);
            if (i >= 0) {
                return new Match(e.getKey(), i);
            }
        }
        return null;
    }

    /** How many cells of a row are known header words (a header row has at least two, one of them a text or date). */
    static int headerScore(List<String> cells) {
        int known = 0;
        boolean textOrDate = false;
        for (String c : cells) {
            Match m = match(c);
            if (m != null) {
                known++;
                textOrDate |= m.field() == MentionField.TEXT || m.field() == MentionField.DATE;
            }
        }
        return known >= 2 && textOrDate ? known : 0;
    }

    /** A known layout of a listening tool's export. */
    public record Layout(String name, Set<String> signature, Map<MentionField, String> preferred, DateOrder dateOrder,
            SentimentScale sentimentScale) {
    }

    /**
     * The layouts recognised by their header words (normalised). What each is based on is in the
     * README ("Importing mentions"): Meltwater and Brandwatch from published column lists, the others
     * from their help pages' field names.
     */
    public static final List<Layout> LAYOUTS = List.of(
            new Layout("Brandwatch", Set.of("query id", "full text", "page type"),
                    Map.of(MentionField.PLATFORM, "page type", MentionField.ID, "resource id",
                            MentionField.REACH, "twitter followers", MentionField.REPLY_TO, "thread id"),
                    DateOrder.DAY_FIRST, SentimentScale.MINUS_ONE_TO_ONE),
            new Layout("Meltwater", Set.of("hit sentence", "opening text", "input name"),
                    Map.of(MentionField.TEXT, "hit sentence", MentionField.AUTHOR, "influencer",
                            MentionField.PLATFORM, "source", MentionField.ID, "tweet id"),
                    DateOrder.MONTH_FIRST, SentimentScale.MINUS_ONE_TO_ONE),
            new Layout("Talkwalker", Set.of("published", "content", "source type", "lang"),
                    Map.of(MentionField.DATE, "published", MentionField.REPLY_TO, "parent url"),
                    DateOrder.DAY_FIRST, SentimentScale.MINUS_FIVE_TO_FIVE),
            new Layout("Brand24", Set.of("influence score", "hour", "content"),
                    Map.of(MentionField.TIME, "hour", MentionField.PLATFORM, "source"),
                    DateOrder.DAY_FIRST, SentimentScale.MINUS_ONE_TO_ONE),
            new Layout("YouScan", Set.of("аудитория", "тональность", "тип поста"),
                    Map.of(MentionField.REACH, "аудитория"), DateOrder.DAY_FIRST, SentimentScale.MINUS_ONE_TO_ONE),
            new Layout("YouScan", Set.of("audience", "sentiment", "post type", "source"),
                    Map.of(MentionField.REACH, "audience"), DateOrder.DAY_FIRST, SentimentScale.MINUS_ONE_TO_ONE),
            new Layout("Sprout Social", Set.of("network", "message type", "from", "message"),
                    Map.of(MentionField.PLATFORM, "network", MentionField.AUTHOR, "from"),
                    DateOrder.MONTH_FIRST, SentimentScale.MINUS_ONE_TO_ONE),
            new Layout("Hootsuite", Set.of("conversation id", "medium", "contact primary identifier"),
                    Map.of(MentionField.PLATFORM, "medium", MentionField.REPLY_TO, "conversation id",
                            MentionField.ID, "message id"),
                    DateOrder.MONTH_FIRST, SentimentScale.MINUS_ONE_TO_ONE));

    /** The layout whose every signature word is a cell of {@code header}, or null. */
    public static Layout layoutOf(List<String> header) {
        Set<String> cells = Set.copyOf(normalised(header));
        for (Layout l : LAYOUTS) {
            if (cells.containsAll(l.signature())) {
                return l;
            }
        }
        return null;
    }

    static List<String> normalised(List<String> header) {
        List<String> out = new ArrayList<>(header.size());
        for (String h : header) {
            out.add(MentionValues.normalise(h));
        }
        return out;
    }

    /** The column of each field a header names (the most preferred word; a layout's choice first). */
    static Map<MentionField, Integer> guess(List<String> header, Layout layout) {
        Map<MentionField, Integer> best = new LinkedHashMap<>();
        Map<MentionField, Integer> bestRank = new EnumMap<>(MentionField.class);
        List<String> norm = normalised(header);
        for (int i = 0; i < header.size(); i++) {
            Match m = match(header.get(i));
            if (m == null) {
                continue;
            }
            int rank = m.rank();
            if (layout != null && norm.get(i).equals(layout.preferred().get(m.field()))) {
                rank = -1;
            }
            Integer r = bestRank.get(m.field());
            if (r == null || rank < r) {
                bestRank.put(m.field(), rank);
                best.put(m.field(), i);
            }
        }
        if (layout != null) {
            // a preferred column under a word of another field (Meltwater's "Source" is a platform)
            for (Map.Entry<MentionField, String> p : layout.preferred().entrySet()) {
                int i = norm.indexOf(p.getValue());
                if (i >= 0) {
                    best.values().removeIf(v -> v == i);
                    best.put(p.getKey(), i);
                }
            }
        }
        return best;
    }
}
