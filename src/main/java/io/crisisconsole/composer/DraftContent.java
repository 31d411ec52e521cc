package io.crisisconsole.composer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crisisconsole.playbooks.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a draft says: the core message and one variant per channel, in {@link Channel} order. Stored
 * as JSON in {@code draft_version.content}.
 */
public record DraftContent(CoreMessage core, List<Variant> variants) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public DraftContent {
        core = normalise(core);
        Map<Channel, String> byChannel = new EnumMap<>(Channel.class);
        if (variants != null) {
            for (Variant v : variants) {
                if (v != null && v.channel() != null) {
                    byChannel.put(v.channel(), v.text() == null ? "" : v.text());
                }
            }
        }
        List<Variant> all = new ArrayList<>();
        for (Channel c : Channel.values()) {
            all.add(new Variant(c, byChannel.getOrDefault(c, "")));
        }
        variants = List.copyOf(all);
    }

    /** Nothing written yet. */
    public static DraftContent empty() {
        return new DraftContent(null, List.of());
    }

    public String text(Channel channel) {
        return variants.get(channel.ordinal()).text();
    }

    /** A copy with the text of one channel replaced. */
    public DraftContent withText(Channel channel, String text) {
        List<Variant> changed = new ArrayList<>(variants);
        changed.set(channel.ordinal(), new Variant(channel, text == null ? "" : text));
        return new DraftContent(core, changed);
    }

    public DraftContent withCore(CoreMessage newCore) {
        return new DraftContent(newCore, variants);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write draft content", e);
        }
    }

    public static DraftContent fromJson(String json) {
        try {
            return JSON.readValue(json, DraftContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not draft content: " + e.getOriginalMessage(), e);
        }
    }

    private static CoreMessage normalise(CoreMessage c) {
        if (c == null) {
            return new CoreMessage("", "", "", "", false, List.of());
        }
        List<String> facts = c.keyFacts() == null ? List.of()
                : c.keyFacts().stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new CoreMessage(orEmpty(c.whatHappened()), orEmpty(c.whatWeAreDoing()), orEmpty(c.whatYouShouldDo()),
                orEmpty(c.nextUpdate()), c.apology(), facts);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
