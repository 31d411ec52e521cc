package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which check applies to which channel, as data: the bundled {@code channel-rules.yaml}, a table of
 * {@link Rule} × {@link Channel} (why each channel is in or out is written there). Immutable.
 */
public final class ChannelRules {

    /** Where the bundled table is, on the class path. */
    public static final String RESOURCE = "/io/crisisconsole/composer/channel-rules.yaml";

    /** The checks that apply per channel. */
    public enum Rule {
        HASHTAG("hashtag"), HUB_LINK("hub_link"), CALL_TO_ACTION("call_to_action"), APOLOGY("apology");

        private final String key;

        Rule(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    record RulesFile(Integer format, Map<String, List<String>> rules) {
    }

    private static final ChannelRules BUNDLED = load();

    private final Map<Rule, Set<Channel>> table;

    private ChannelRules(Map<Rule, Set<Channel>> table) {
        this.table = Collections.unmodifiableMap(table);
    }

    public static ChannelRules bundled() {
        return BUNDLED;
    }

    /** Whether {@code rule} applies to {@code channel}. */
    public boolean applies(Rule rule, Channel channel) {
        return table.get(rule).contains(channel);
    }

    /** The channels a rule applies to. */
    public Set<Channel> channels(Rule rule) {
        return Collections.unmodifiableSet(table.get(rule));
    }

    private static ChannelRules load() {
        try (InputStream in = ChannelRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChannelRules parse(String name, String yaml) {
        RulesFile f = StrictInput.yaml(name, yaml, RulesFile.class);
        if (f.format() == null || f.format() != 1 || f.rules() == null) {
            throw new ComposerInputException(name, 1, 1, "format: 1 and rules are needed");
        }
        Map<Rule, Set<Channel>> table = new EnumMap<>(Rule.class);
        for (Rule r : Rule.values()) {
            List<String> names = f.rules().get(r.key());
            if (names == null) {
                throw new ComposerInputException(name, 1, 1, "rules." + r.key() + ": list the channels it applies to");
            }
            Set<Channel> set = EnumSet.noneOf(Channel.class);
            for (String n : names) {
                try {
                    set.add(Channel.fromYaml(n));
                } catch (IllegalArgumentException e) {
                    throw new ComposerInputException(name, 1, 1, "rules." + r.key() + ": " + e.getMessage());
                }
            }
            table.put(r, set);
        }
        for (String key : f.rules().keySet()) {
            if (java.util.Arrays.stream(Rule.values()).noneMatch(r -> r.key().equals(key))) {
                throw new ComposerInputException(name, 1, 1, "rules." + key + ": unknown rule (one of hashtag, "
                        + "hub_link, call_to_action, apology)");
            }
        }
        return new ChannelRules(table);
    }
}
