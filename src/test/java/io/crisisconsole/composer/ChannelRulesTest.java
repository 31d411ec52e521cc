package io.crisisconsole.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.composer.ChannelRules.Rule;
import io.crisisconsole.playbooks.Channel;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table of check × channel, and the checker following it. */
class ChannelRulesTest {

    final ChannelRules rules = ChannelRules.bundled();
    final DefaultMessageChecker checker = new DefaultMessageChecker();
    static final String HUB = "https://status.example.com";

    @Test
    void theBundledTable() {
        assertThat(rules.channels(Rule.HASHTAG)).containsExactlyInAnyOrder(Channel.X, Channel.FACEBOOK,
                Channel.INSTAGRAM, Channel.LINKEDIN);
        assertThat(rules.channels(Rule.HUB_LINK)).doesNotContain(Channel.STAFF_MEMO, Channel.CALL_CENTRE)
                .contains(Channel.PRESS, Channel.SMS, Channel.EMAIL);
        assertThat(rules.channels(Rule.CALL_TO_ACTION)).isEqualTo(EnumSet.complementOf(EnumSet.of(Channel.PRESS)));
        assertThat(rules.channels(Rule.APOLOGY)).isEqualTo(EnumSet.complementOf(EnumSet.of(Channel.STAFF_MEMO)));
    }

    List<String> codes(Channel ch, String text, Channel hubChannel) {
        MessageContext ctx = new MessageContext("en", "#Outage", HUB, true, Map.of(), hubChannel);
        CoreMessage core = new CoreMessage("", "", "", "", true, List.of());
        return checker.check(core, List.of(new Variant(ch, text)), ctx).findings().stream().map(Finding::code).toList();
    }

    @Test
    void theHubPageNeedsNoLinkToItself() {
        String page = "We are sorry: checkout fails for some of you. Please try again later; we update this page every hour.";
        assertThat(codes(Channel.WEBSITE, page, null)).as("the website is the hub when the playbook names none").isEmpty();
        assertThat(codes(Channel.WEBSITE, page, Channel.WEBSITE)).isEmpty();
        assertThat(codes(Channel.WEBSITE, page, Channel.FACEBOOK)).as("the hub is the Facebook page: the website links to it")
                .containsExactly("missing-hub-link");
        assertThat(codes(Channel.FACEBOOK, page + " #Outage", Channel.FACEBOOK)).isEmpty();
    }

    @Test
    void theStaffMemoNeedsNoApologyNorHashtagNorHubButSaysWhatToDo() {
        assertThat(codes(Channel.STAFF_MEMO, "Checkout fails since this morning. Please forward media questions to the press office.", null))
                .isEmpty();
        assertThat(codes(Channel.STAFF_MEMO, "Checkout fails since this morning.", null)).containsExactly("missing-call-to-action");
    }

    @Test
    void hashtagOnlyOnSocialPosts() {
        String text = "We are sorry. Please check " + HUB;
        for (Channel ch : List.of(Channel.PRESS, Channel.SMS, Channel.EMAIL, Channel.WEBSITE, Channel.CALL_CENTRE)) {
            assertThat(codes(ch, text, null)).as(ch.yamlName()).doesNotContain("missing-hashtag");
        }
        for (Channel ch : List.of(Channel.X, Channel.FACEBOOK, Channel.INSTAGRAM, Channel.LINKEDIN)) {
            assertThat(codes(ch, text, null)).as(ch.yamlName()).containsExactly("missing-hashtag");
        }
    }

    @Test
    void thePressStatementNeedsNoCallToActionTheScriptNoHubButAnApology() {
        assertThat(codes(Channel.PRESS, "We apologise to our customers. Details: " + HUB, null)).isEmpty();
        assertThat(codes(Channel.CALL_CENTRE, "Tell the caller: we know checkout fails; please try again later.", null))
                .containsExactly("missing-apology");
    }

    @Test
    void anUnknownRuleOrChannelIsRefused() {
        assertThatThrownBy(() -> ChannelRules.parse("r.yaml", "format: 1\nrules:\n  hashtag: [x]\n  hub_link: []\n"
                + "  call_to_action: []\n  apology: []\n  emoji: [x]\n")).hasMessageContaining("rules.emoji: unknown rule");
        assertThatThrownBy(() -> ChannelRules.parse("r.yaml", "format: 1\nrules:\n  hashtag: [tiktok]\n  hub_link: []\n"
                + "  call_to_action: []\n  apology: []\n")).hasMessageContaining("rules.hashtag");
        assertThatThrownBy(() -> ChannelRules.parse("r.yaml", "format: 1\nrules:\n  hashtag: [x]\n"))
                .hasMessageContaining("rules.hub_link: list the channels");
    }
}
