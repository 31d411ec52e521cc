package io.crisisconsole.review;

/**
 * The texts a reviewer writes (issue #13 items 1 and 2). Plain text; line breaks kept. The
 * went-well / went-wrong / lucky texts are the debrief's hot-wash and the improvement plan its
 * lessons (package {@code debrief}); they are not repeated here.
 *
 * @param impact what the crisis cost beyond the figures (customers, sales, staff)
 * @param contributingFactors what made it happen or worse, one per line
 * @param lessons what we learned, one per line
 * @param externalWhatHappened the external summary (ready to publish): what happened
 * @param externalWhatWeDid what we did
 * @param externalWhatChanges what changes
 */
public record ReviewText(String summary, String impact, String contributingFactors, String lessons,
        String externalWhatHappened, String externalWhatWeDid, String externalWhatChanges) {

    public static ReviewText empty() {
        return new ReviewText("", "", "", "", "", "", "");
    }
}
