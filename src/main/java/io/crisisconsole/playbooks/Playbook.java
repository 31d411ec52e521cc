package io.crisisconsole.playbooks;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.util.List;
import java.util.Map;

/**
 * A crisis playbook: the plan a PR lead prepares before a crisis and follows during one. Read from
 * and written to YAML (snake_case keys, see playbooks/FORMAT.md); the sections answer WHEN to act,
 * WHO acts, HOW to act and WHERE to speak.
 *
 * @param format the file format version (1)
 * @param id stable identifier, lowercase letters, digits and dashes; the same id in several
 *        languages is one playbook in translation
 * @param language en, ru, pl or es
 */
public record Playbook(int format, String id, String language, String title, String summary, When when, Who who,
        How how, Where where) {

    /**
     * What the reader puts in an optional number key the file leaves out (the reader fails on a
     * missing or null key otherwise); the record holds null for it.
     */
    static final String ABSENT_NUMBER = "playbook.absent.number";
    static final int ABSENT_NUMBER_VALUE = Integer.MIN_VALUE;
    /** As {@link #ABSENT_NUMBER}, for an optional text key. */
    static final String ABSENT_TEXT = "playbook.absent.text";
    static final String ABSENT_TEXT_VALUE = "";
    /** As {@link #ABSENT_NUMBER}, for an optional true/false key: left out is false. */
    static final String ABSENT_FLAG = "playbook.absent.flag";

    /** WHEN: what starts the playbook, how bad it is, and how fast to answer. */
    public record When(List<Trigger> triggers, List<SeverityLevel> severityLevels, Slas slas,
            List<EscalationThreshold> escalationThresholds) {
    }

    /** A signal that activates the playbook, with the severity it suggests (1 critical to 4 low). */
    public record Trigger(String id, String description, int severity) {
    }

    /** One of the four severity levels with the criteria that put a case there and who to escalate to. */
    public record SeverityLevel(int level, String name, List<String> criteria, List<String> escalateTo) {
    }

    /** Response-time targets in minutes. */
    public record Slas(int internalAlertMinutes, int firstPublicReplyMinutes, int updateIntervalMinutes,
            int updateIntervalAppliesForMinutes, int complaintReplyMinutes) {
    }

    /**
     * When to raise the severity and whom to tell. {@code when} is the prose; the optional keys
     * beside it say the same in a form the workspace can check (any of them met is the threshold
     * met; a threshold with none stays prose-only and is shown as a reminder).
     *
     * @param mentionsPerHour met at this many mentions published in the last 60 minutes, or null
     * @param spike met when a 15-minute bucket's mentions spike against the case's own baseline (true), or null
     * @param negativeShareSpike met when the negative share of a bucket spikes against the baseline share, or null
     * @param durationMinutes met when the case has been open this long and is not resolved, or null
     * @param mediaInquiry met when a media inquiry in the inbox is not yet handled (true), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EscalationThreshold(String when, int raiseToSeverity,
            @JsonProperty("notify") List<String> notifyRoles, Integer mentionsPerHour, Boolean spike,
            Boolean negativeShareSpike, Integer durationMinutes, Boolean mediaInquiry) {

        @JsonCreator
        public EscalationThreshold(@JsonProperty("when") String when,
                @JsonProperty("raise_to_severity") int raiseToSeverity,
                @JsonProperty("notify") List<String> notifyRoles,
                @JacksonInject(value = ABSENT_NUMBER, useInput = OptBoolean.TRUE)
                @JsonProperty("mentions_per_hour") Integer mentionsPerHour,
                @JacksonInject(value = ABSENT_FLAG, useInput = OptBoolean.TRUE)
                @JsonProperty("spike") Boolean spike,
                @JacksonInject(value = ABSENT_FLAG, useInput = OptBoolean.TRUE)
                @JsonProperty("negative_share_spike") Boolean negativeShareSpike,
                @JacksonInject(value = ABSENT_NUMBER, useInput = OptBoolean.TRUE)
                @JsonProperty("duration_minutes") Integer durationMinutes,
                @JacksonInject(value = ABSENT_FLAG, useInput = OptBoolean.TRUE)
                @JsonProperty("media_inquiry") Boolean mediaInquiry) {
            this.when = when;
            this.raiseToSeverity = raiseToSeverity;
            this.notifyRoles = notifyRoles;
            this.mentionsPerHour = number(mentionsPerHour);
            this.spike = flag(spike);
            this.negativeShareSpike = flag(negativeShareSpike);
            this.durationMinutes = number(durationMinutes);
            this.mediaInquiry = flag(mediaInquiry);
        }

        /** A prose-only threshold. */
        public EscalationThreshold(String when, int raiseToSeverity, List<String> notifyRoles) {
            this(when, raiseToSeverity, notifyRoles, null, null, null, null, null);
        }

        /** Whether any machine-readable key is set (else the threshold is a reminder only). */
        public boolean checkable() {
            return mentionsPerHour != null || spike != null || negativeShareSpike != null || durationMinutes != null
                    || mediaInquiry != null;
        }

        private static Integer number(Integer n) {
            return n != null && n == ABSENT_NUMBER_VALUE ? null : n;
        }

        /** false and left out are the same (no): null, so a written file leaves the key out. */
        private static Boolean flag(Boolean b) {
            return Boolean.TRUE.equals(b) ? Boolean.TRUE : null;
        }
    }

    /** WHO: the roles of the crisis team, mapped to contacts or contact groups, with backups. */
    public record Who(List<Role> roles, List<String> notifyOnActivation) {
    }

    /**
     * A role. {@code people} and {@code backups} name contacts by e-mail address; {@code groups} name
     * contact groups (crisis-team, spokespeople, customer-care, legal, executives, media, agencies,
     * specialists) whose members can fill the role.
     */
    public record Role(String id, String name, String duties, List<String> people, List<String> groups,
            List<String> backups) {
    }

    /** HOW: principles, steps, tone, the response matrix and message templates. */
    public record How(Principles principles, List<Step> steps, Tone tone, List<Response> responseMatrix,
            List<Template> templates) {
    }

    /** The five principles: acknowledge, apologize, admit (if at fault), fix, compensate. */
    public record Principles(String acknowledge, String apologize, String admit, String fix, String compensate) {
    }

    /**
     * A checklist step with its owner role and when it is due (minutes after activation).
     *
     * @param required the case cannot be resolved until this step is done, or skipped with a reason
     *        (optional key {@code required}, true or false; left out is false, and false is not written)
     */
    public record Step(String id, String title, String owner, int dueMinutes, String details,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean required) {

        @JsonCreator
        public Step(@JsonProperty("id") String id, @JsonProperty("title") String title,
                @JsonProperty("owner") String owner, @JsonProperty("due_minutes") int dueMinutes,
                @JsonProperty("details") String details,
                @JacksonInject(value = ABSENT_FLAG, useInput = OptBoolean.TRUE)
                @JsonProperty("required") boolean required) {
            this.id = id;
            this.title = title;
            this.owner = owner;
            this.dueMinutes = dueMinutes;
            this.details = details;
            this.required = required;
        }

        public Step(String id, String title, String owner, int dueMinutes, String details) {
            this(id, title, owner, dueMinutes, details, false);
        }
    }

    /**
     * Tone rules, and phrases that must not appear in any message, per language (en, ru, pl, es),
     * e.g. "no comment" or blaming a named employee.
     */
    public record Tone(List<String> rules, Map<String, List<String>> forbiddenPhrases) {
    }

    /**
     * What to do with one type of inbound mention.
     *
     * @param replyMinutes the first-response target of this type in minutes, or null for
     *        {@code when.slas.complaint_reply_minutes} (optional key {@code reply_minutes}; left out or empty is none)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(MentionType type, ResponseAction action, String guidance, Integer replyMinutes) {

        /** The injection sits on the creator's parameter only: on the component, Jackson would also set the final field. */
        @JsonCreator
        public Response(@JsonProperty("type") MentionType type, @JsonProperty("action") ResponseAction action,
                @JsonProperty("guidance") String guidance,
                @JacksonInject(value = ABSENT_NUMBER, useInput = OptBoolean.TRUE)
                @JsonProperty("reply_minutes") Integer replyMinutes) {
            this.type = type;
            this.action = action;
            this.guidance = guidance;
            this.replyMinutes = replyMinutes != null && replyMinutes == ABSENT_NUMBER_VALUE ? null : replyMinutes;
        }

        public Response(MentionType type, ResponseAction action, String guidance) {
            this(type, action, guidance, null);
        }
    }

    /** A message template for a channel at a statement stage, with {{placeholders}}. */
    public record Template(Channel channel, Stage stage, String text) {
    }

    /** WHERE: the one official hub, the official hashtag and each channel's role. */
    public record Where(Hub hub, String hashtag, List<ChannelRole> channels) {
    }

    /** The single official place where every update is published in full. */
    public record Hub(Channel channel, String url) {
    }

    /**
     * A channel and its role.
     *
     * @param account the brand's own account there (a handle such as {@code @acme_help}, or a page
     *        name), or null; rows an export has from it are the brand's answers, not inbox items
     *        (optional key {@code account}; left out, empty or blank is none)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChannelRole(Channel channel, String role, String account) {

        @JsonCreator
        public ChannelRole(@JsonProperty("channel") Channel channel, @JsonProperty("role") String role,
                @JacksonInject(value = ABSENT_TEXT, useInput = OptBoolean.TRUE)
                @JsonProperty("account") String account) {
            this.channel = channel;
            this.role = role;
            this.account = account == null || account.isBlank() ? null : account;
        }

        public ChannelRole(Channel channel, String role) {
            this(channel, role, null);
        }
    }
}
