package io.crisisconsole.inbox;

import io.crisisconsole.playbooks.Channel;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The playbook {@link Channel} of a mention's free-text platform, for the limit and checks of a
 * reply there: {@code x}, {@code twitter}, {@code x.com}, {@code twitter.com} are X; {@code facebook}
 * ({@code fb}), {@code instagram} ({@code ig}), {@code linkedin} their channels. Any other platform
 * (TikTok, YouTube, forums, news...) has no channel: its reply has no limit but every other check.
 */
public final class PlatformChannels {

    private static final Map<String, Channel> NAMES = Map.ofEntries(
            Map.entry("x", Channel.X), Map.entry("twitter", Channel.X), Map.entry("tweet", Channel.X),
            Map.entry("facebook", Channel.FACEBOOK), Map.entry("fb", Channel.FACEBOOK),
            Map.entry("instagram", Channel.INSTAGRAM), Map.entry("ig", Channel.INSTAGRAM),
            Map.entry("insta", Channel.INSTAGRAM),
            Map.entry("linkedin", Channel.LINKEDIN));

    private PlatformChannels() {
    }

    /** The channel of {@code platform} (any letter case, with or without {@code www.} and {@code .com}); empty when it has none. */
    public static Optional<Channel> of(String platform) {
        if (platform == null) {
            return Optional.empty();
        }
        String p = platform.strip().toLowerCase(Locale.ROOT);
        if (p.startsWith("www.")) {
            p = p.substring(4);
        }
        if (p.endsWith(".com")) {
            p = p.substring(0, p.length() - 4);
        }
        return Optional.ofNullable(NAMES.get(p));
    }
}
