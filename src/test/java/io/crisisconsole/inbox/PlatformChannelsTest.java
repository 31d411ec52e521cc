package io.crisisconsole.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.playbooks.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The channel (limit and checks) of a reply on a mention's platform. */
class PlatformChannelsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"x, X", "X, X", "twitter, X", "Twitter.com, X", "x.com, X", "www.twitter.com, X",
        "facebook, FACEBOOK", "fb, FACEBOOK", "Facebook.com, FACEBOOK", "instagram, INSTAGRAM", "ig, INSTAGRAM",
        "linkedin, LINKEDIN", "' LinkedIn ', LINKEDIN"})
    void socialPlatformsHaveTheirChannel(String platform, Channel channel) {
        assertThat(PlatformChannels.of(platform)).contains(channel);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"tiktok", "youtube", "telegram", "vk", "reddit", "news", "blog", "forum", "review",
        "other", "", "  ", "xing", "threads"})
    void anyOtherPlatformHasNone(String platform) {
        assertThat(PlatformChannels.of(platform)).isEmpty();
        assertThat(PlatformChannels.of(null)).isEmpty();
    }
}
