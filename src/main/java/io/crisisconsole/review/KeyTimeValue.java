package io.crisisconsole.review;

import java.time.Instant;

/**
 * One key time of a review as it stands.
 *
 * @param at the time the review uses: the reviewer's when edited, else the derived one; null when
 *        neither exists (no publication yet, say)
 * @param derivedAt what the store says, null when it says nothing
 * @param edited the reviewer set {@code at} by hand ({@code setBy}, {@code setAt}, {@code note}
 *        say who, when and why; all null when not edited)
 */
public record KeyTimeValue(KeyTime kind, Instant at, Instant derivedAt, boolean edited, String setBy, Instant setAt,
        String note) {
}
