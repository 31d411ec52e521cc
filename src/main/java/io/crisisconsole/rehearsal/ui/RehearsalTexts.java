package io.crisisconsole.rehearsal.ui;

import io.crisisconsole.rehearsal.ExerciseState;
import io.crisisconsole.rehearsal.ExpectationState;
import io.crisisconsole.rehearsal.Rating;
import io.crisisconsole.rehearsal.Scenario;
import io.crisisconsole.toolkit.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The words of the Rehearsal area for the engine's values (states, types, ratings, the exercise minute). */
public final class RehearsalTexts {

    private final Messages messages;

    public RehearsalTexts(Messages messages) {
        this.messages = messages;
    }

    /** Exercise time since the start as {@code mm:ss} (minutes go past 99 in a long exercise). */
    public String minute(Instant startedAt, Instant now) {
        Duration d = Duration.between(startedAt, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return messages.get("rehearsal.minute", Map.of("minutes", d.toMinutes(), "seconds", d.toSecondsPart()));
    }

    public String state(ExerciseState s) {
        return switch (s) {
            case RUNNING -> messages.get("rehearsal.state.running");
            case PAUSED -> messages.get("rehearsal.state.paused");
            case ENDED -> messages.get("rehearsal.state.ended");
        };
    }

    public String injectType(Scenario.InjectType t) {
        return switch (t) {
            case SOCIAL_POST -> messages.get("rehearsal.injectType.socialPost");
            case SOCIAL_WAVE -> messages.get("rehearsal.injectType.socialWave");
            case MEDIA_INQUIRY -> messages.get("rehearsal.injectType.mediaInquiry");
            case EXECUTIVE_QUESTION -> messages.get("rehearsal.injectType.executiveQuestion");
            case STAFF_LEAK -> messages.get("rehearsal.injectType.staffLeak");
            case FACT_CHANGE -> messages.get("rehearsal.injectType.factChange");
            case NEWS_STORY -> messages.get("rehearsal.injectType.newsStory");
            case REPLAY -> messages.get("rehearsal.injectType.replay");
        };
    }

    public String expectationType(Scenario.ExpectationType t) {
        return switch (t) {
            case RESPOND -> messages.get("rehearsal.expectationType.respond");
            case HOLDING_STATEMENT -> messages.get("rehearsal.expectationType.holdingStatement");
            case ESCALATED -> messages.get("rehearsal.expectationType.escalated");
            case STEP_DONE -> messages.get("rehearsal.expectationType.stepDone");
            case APPROVED_BEFORE_PUBLISHING -> messages.get("rehearsal.expectationType.approved");
            case MANUAL -> messages.get("rehearsal.expectationType.manual");
        };
    }

    public String expectationState(ExpectationState s) {
        return switch (s) {
            case PENDING -> messages.get("rehearsal.expectationState.pending");
            case PASSED -> messages.get("rehearsal.expectationState.passed");
            case FAILED -> messages.get("rehearsal.expectationState.failed");
            case EXPIRED -> messages.get("rehearsal.expectationState.expired");
        };
    }

    public String result(Scenario.Result r) {
        return expectationState(ExpectationState.of(r));
    }

    public String personaType(Scenario.PersonaType t) {
        return switch (t) {
            case CUSTOMER -> messages.get("rehearsal.personaType.customer");
            case JOURNALIST -> messages.get("rehearsal.personaType.journalist");
            case TROLL -> messages.get("rehearsal.personaType.troll");
            case INFLUENCER -> messages.get("rehearsal.personaType.influencer");
            case EMPLOYEE -> messages.get("rehearsal.personaType.employee");
            case EXECUTIVE -> messages.get("rehearsal.personaType.executive");
        };
    }

    public String rating(Rating r) {
        return switch (r) {
            case PERFORMED -> messages.get("rehearsal.rating.performed");
            case SOME_CHALLENGES -> messages.get("rehearsal.rating.someChallenges");
            case MAJOR_CHALLENGES -> messages.get("rehearsal.rating.majorChallenges");
            case NOT_PERFORMED -> messages.get("rehearsal.rating.notPerformed");
        };
    }
}
