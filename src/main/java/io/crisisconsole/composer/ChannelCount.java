package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Channel;

/**
 * The length of a variant as its platform counts it.
 *
 * @param length X: weighted length (twitter-text); SMS: characters in the chosen encoding (GSM-7
 *        extension characters count 2); others: characters (code points)
 * @param limit the channel's limit, or 0 when the channel has none
 * @param segments SMS only: how many messages it takes (160/153 GSM-7, 70/67 UCS-2); 0 otherwise
 * @param encoding SMS only: "GSM-7" or "UCS-2"; null otherwise
 * @param maxSegments SMS only: the most parts the channel allows (0: no limit, or not SMS)
 */
public record ChannelCount(Channel channel, int length, int limit, int segments, String encoding, int maxSegments) {

    public ChannelCount(Channel channel, int length, int limit, int segments, String encoding) {
        this(channel, length, limit, segments, encoding, 0);
    }

    public boolean overLimit() {
        if (maxSegments > 0) {
            return segments > maxSegments;
        }
        return limit > 0 && length > limit;
    }
}
