package io.crisisconsole.cases;

import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The editable descriptive fields of a case, normalised and validated on construction: blank
 * optional fields become {@code null}, a hashtag gets its leading {@code #}.
 */
public record CaseDetails(String title, int severity, String owner, String hashtag, String hubUrl) {

    public static final int MAX_TITLE = 200;
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]{1,138}");

    public CaseDetails {
        title = title == null ? "" : title.strip();
        if (title.isEmpty()) {
            throw new ValidationException("title", "a case needs a title");
        }
        if (title.length() > MAX_TITLE) {
            throw new ValidationException("title", "the title is longer than " + MAX_TITLE + " characters");
        }
        Severity.check(severity);
        owner = blankToNull(owner);
        if (owner != null && owner.length() > 200) {
            throw new ValidationException("owner", "the owner is longer than 200 characters");
        }
        hashtag = blankToNull(hashtag);
        if (hashtag != null) {
            if (!hashtag.startsWith("#")) {
                hashtag = "#" + hashtag;
            }
            if (!HASHTAG.matcher(hashtag).matches()) {
                throw new ValidationException("hashtag",
                        "'" + hashtag + "' is not a hashtag: use letters, digits and _ only, no spaces");
            }
        }
        hubUrl = blankToNull(hubUrl);
        if (hubUrl != null) {
            checkHubUrl(hubUrl);
        }
    }

    /**
     * This, when the title, owner and hub hold no control character ({@link PlainText}); else
     * throws. Not checked by the constructor, so that cases stored before the rule can still be
     * read and corrected; {@link CaseService} checks it on every write, the form as you type.
     */
    public CaseDetails checkPlainText() {
        PlainText.line("title", "the title", title);
        PlainText.line("owner", "the owner", owner);
        PlainText.line("hubUrl", "the hub URL", hubUrl);
        return this;
    }

    private static void checkHubUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    || uri.getHost() == null) {
                throw new ValidationException("hubUrl", "the hub URL must be a full http(s) address, e.g. https://status.example.com");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException("hubUrl", "the hub URL is not a valid address: " + e.getReason());
        }
        if (url.length() > 2000) {
            throw new ValidationException("hubUrl", "the hub URL is longer than 2000 characters");
        }
    }

    static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
