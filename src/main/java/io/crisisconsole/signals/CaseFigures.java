package io.crisisconsole.signals;

import java.time.Duration;

/**
 * What the detectors look at for one case at one moment, already counted (see
 * {@link EscalationService#figures}).
 *
 * @param mentionsLastHour mentions published in the 60 minutes up to now
 * @param counts mentions per 15-minute bucket, oldest first, the last one in progress; {@code negative}
 *        and {@code withSentiment} (positive, neutral or negative) likewise
 * @param open how long the case has been open, or null when it is resolved or reviewed
 * @param unhandledMediaInquiries media inquiries in the inbox that are new or assigned
 */
public record CaseFigures(long mentionsLastHour, long[] counts, long[] negative, long[] withSentiment, Duration open,
        int unhandledMediaInquiries) {

    /** A case with no mentions at all, open for {@code open}. */
    public static CaseFigures quiet(Duration open) {
        return new CaseFigures(0, new long[0], new long[0], new long[0], open, 0);
    }
}
