package io.crisisconsole.composer;

import java.util.List;

/**
 * The one core message of a case that every channel variant must agree with: what happened, what
 * we are doing, what people should do, when the next update comes, whether we apologize, and the
 * key facts (numbers, times, amounts, links) the variants may quote.
 *
 * @param nextUpdate the time of the next update as written, e.g. "16:30" or "16:30 CET"
 * @param keyFacts short facts, one per item, e.g. "about 3,000 orders", "refund within 5 working days"
 */
public record CoreMessage(String whatHappened, String whatWeAreDoing, String whatYouShouldDo, String nextUpdate,
        boolean apology, List<String> keyFacts) {
}
