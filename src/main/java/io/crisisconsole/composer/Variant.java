package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Channel;

/** The text of the message for one channel. */
public record Variant(Channel channel, String text) {
}
