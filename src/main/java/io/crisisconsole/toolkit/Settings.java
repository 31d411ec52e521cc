package io.crisisconsole.toolkit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the app remembers between runs (stored as settings.json in the data folder).
 *
 * @param language the language of the window ({@code en}, {@code ru}, {@code pl}, {@code es}), or
 *        null to follow the system; read at start-up, see {@link UiLocale}
 * @param lastCaseId the case selected last in the case list, selected again at start-up (null: none yet)
 * @param brandName the brand the messages speak for, filled into {@code {{brand}}} of templates; null
 *        (the default) when not set, then {@code {{brand}}} stays visible in drafts
 * @param planReviewDays a playbook not reviewed in this many days is flagged in the Playbooks area;
 *        null for the default, {@link #DEFAULT_PLAN_REVIEW_DAYS}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(String authorName, Theme theme, String language, Long lastCaseId, String brandName,
        Integer planReviewDays) {

    public static final int DEFAULT_PLAN_REVIEW_DAYS = 180;

    public Settings(String authorName, Theme theme, String language, Long lastCaseId, String brandName) {
        this(authorName, theme, language, lastCaseId, brandName, null);
    }

    public Settings(String authorName, Theme theme, String language) {
        this(authorName, theme, language, null, null);
    }

    public Settings(String authorName, Theme theme, String language, Long lastCaseId) {
        this(authorName, theme, language, lastCaseId, null);
    }

    public static Settings defaults() {
        return new Settings(System.getProperty("user.name", "me"), Theme.LIGHT, null, null, null);
    }

    public Settings withAuthorName(String name) {
        return new Settings(name, theme, language, lastCaseId, brandName, planReviewDays);
    }

    public Settings withTheme(Theme t) {
        return new Settings(authorName, t, language, lastCaseId, brandName, planReviewDays);
    }

    public Settings withLastCaseId(Long id) {
        return new Settings(authorName, theme, language, id, brandName, planReviewDays);
    }

    /** With the plan-review interval set; null (or less than 1 day) means the default. */
    public Settings withPlanReviewDays(Integer days) {
        return new Settings(authorName, theme, language, lastCaseId, brandName,
                days == null || days < 1 ? null : days);
    }

    /** The plan-review interval in days: the setting, else {@link #DEFAULT_PLAN_REVIEW_DAYS}. */
    public int reviewDays() {
        return planReviewDays == null || planReviewDays < 1 ? DEFAULT_PLAN_REVIEW_DAYS : planReviewDays;
    }

    /** With the brand name set; a blank name means not set (null). */
    public Settings withBrandName(String name) {
        return new Settings(authorName, theme, language, lastCaseId,
                name == null || name.isBlank() ? null : name.strip(), planReviewDays);
    }
}
