package io.crisisconsole.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.inbox.IncomingMention;
import io.crisisconsole.inbox.MentionFilePreview;
import io.crisisconsole.inbox.MentionFileReader;
import io.crisisconsole.inbox.MentionReadResult;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.playbooks.PlaybookReader;
import io.crisisconsole.rehearsal.Scenario.ExpectationType;
import io.crisisconsole.rehearsal.Scenario.InjectType;
import io.crisisconsole.rehearsal.Scenario.PersonaType;
import io.crisisconsole.rehearsal.Scenario.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledScenariosTest {

    @TempDir
    Path tmp;
    private final ScenarioReader reader = new ScenarioReader();

    private Map<String, Scenario> all() {
        Map<String, Scenario> byName = new HashMap<>();
        for (BundledPlaybooks.Bundled b : BundledScenarios.list()) {
            ScenarioReader.Parsed parsed = reader.read(b.fileName(), b.yaml());
            assertThat(parsed.problems()).as(b.fileName()).extracting(PlaybookProblem::format).isEmpty();
            byName.put(b.fileName(), parsed.scenario());
        }
        return byName;
    }

    private static Playbook playbook(String fileName) {
        BundledPlaybooks.Bundled b = BundledPlaybooks.list().stream().filter(p -> p.fileName().equals(fileName))
                .findFirst().orElseThrow();
        return new PlaybookReader().read(b.fileName(), b.yaml()).playbook();
    }

    @Test
    void oneScenarioPerBundledPlaybookEachReadingCleanlyUnderItsOwnName() {
        Map<String, Scenario> all = all();
        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(
                BundledPlaybooks.list().stream().map(BundledPlaybooks.Bundled::fileName).toList());
        all.forEach((name, s) -> assertThat(s.id() + "." + s.language() + ".yaml").isEqualTo(name));
    }

    @Test
    void everyScenarioFitsItsBundledPlaybookWithDeadlinesNoLaterThanItsSlas() {
        all().forEach((name, s) -> {
            Playbook p = playbook(s.playbook() + "." + s.language() + ".yaml");
            assertThat(ScenarioValidator.againstPlaybook(s, p)).as(name).isEmpty();
            for (Scenario.Expectation e : s.expectations()) {
                Integer sla = ScenarioValidator.defaultDeadlineMinutes(e, p);
                if (e.deadlineMinutes() != null && sla != null) {
                    assertThat(e.deadlineMinutes()).as(name + " " + e.id()).isLessThanOrEqualTo(sla);
                }
            }
        });
    }

    @Test
    void eachScenarioIsRichEnoughForAnHourOrTwo() {
        all().forEach((name, s) -> {
            assertThat(s.personas()).as(name).hasSizeBetween(4, 8);
            assertThat(s.personas().stream().map(Scenario.Persona::type).collect(Collectors.toSet()))
                    .as(name).hasSizeGreaterThanOrEqualTo(4);
            assertThat(s.injects()).as(name).hasSizeBetween(10, 20);
            assertThat(s.expectations()).as(name).hasSizeBetween(6, 10);
            assertThat(s.expectations().stream().map(Scenario.Expectation::type).collect(Collectors.toSet()))
                    .as(name + ": every expectation type").containsExactlyInAnyOrder(ExpectationType.values());
            int last = s.injects().stream().filter(i -> i.trigger() == Trigger.AT)
                    .mapToInt(Scenario.Inject::atMinutes).max().orElse(0);
            assertThat(last).as(name + ": the last timed inject").isBetween(60, 120);
            Set<String> backed = s.expectations().stream().map(Scenario.Expectation::objective)
                    .collect(Collectors.toSet());
            assertThat(s.objectives()).as(name).allMatch(o -> backed.contains(o.id()));
            assertThat(s.injects()).as(name + ": a wave, an inquiry with a deadline, an after and a manual inject")
                    .anyMatch(i -> i.type() == InjectType.SOCIAL_WAVE)
                    .anyMatch(i -> i.type() == InjectType.MEDIA_INQUIRY && i.deadlineMinutes() != null)
                    .anyMatch(i -> i.trigger() == Trigger.MANUAL)
                    .anyMatch(i -> i.trigger() == Trigger.AFTER);
        });
    }

    @Test
    void theSetUsesEveryInjectTypePersonaTypeAndAFailedOrExpiredTrigger() {
        Map<String, Scenario> all = all();
        Set<InjectType> injects = EnumSet.noneOf(InjectType.class);
        Set<PersonaType> personas = EnumSet.noneOf(PersonaType.class);
        all.values().forEach(s -> {
            s.injects().forEach(i -> injects.add(i.type()));
            s.personas().forEach(p -> personas.add(p.type()));
        });
        assertThat(injects).containsExactlyInAnyOrder(InjectType.values());
        assertThat(personas).containsExactlyInAnyOrder(PersonaType.values());
        assertThat(all.values().stream().flatMap(s -> s.injects().stream()))
                .anyMatch(i -> i.whenResult() == Scenario.Result.EXPIRED || i.whenResult() == Scenario.Result.FAILED);
        assertThat(all.get("service-outage.en.yaml").injects()).as("a fact change moves the fix time")
                .anyMatch(i -> i.type() == InjectType.FACT_CHANGE && i.facts().containsKey("fix_time"));
    }

    @Test
    void theTranslationsShareTheEnglishIdsAndStructure() {
        Map<String, Scenario> all = all();
        Scenario en = all.get("service-outage.en.yaml");
        for (String language : List.of("ru", "pl", "es")) {
            Scenario t = all.get("service-outage." + language + ".yaml");
            assertThat(t).as(language).isNotNull();
            assertThat(t.objectives()).extracting(Scenario.Objective::id)
                    .isEqualTo(en.objectives().stream().map(Scenario.Objective::id).toList());
            assertThat(t.personas()).extracting(p -> p.id() + "/" + p.type())
                    .isEqualTo(en.personas().stream().map(p -> p.id() + "/" + p.type()).toList());
            assertThat(t.injects()).extracting(i -> i.id() + "/" + i.type() + "/" + i.atMinutes() + "/" + i.trigger())
                    .isEqualTo(en.injects().stream().map(i -> i.id() + "/" + i.type() + "/" + i.atMinutes() + "/"
                            + i.trigger()).toList());
            assertThat(t.expectations()).extracting(e -> e.id() + "/" + e.type() + "/" + e.deadlineMinutes())
                    .isEqualTo(en.expectations().stream().map(e -> e.id() + "/" + e.type() + "/" + e.deadlineMinutes())
                            .toList());
            assertThat(t.variables().keySet()).isEqualTo(en.variables().keySet());
            assertThat(t.title()).isNotEqualTo(en.title());
        }
    }

    @Test
    void theReplayedExportIsABrandwatchFileTheInboxImporterReads() throws Exception {
        Scenario.Inject replay = all().get("service-outage.en.yaml").injects().stream()
                .filter(i -> i.type() == InjectType.REPLAY).findFirst().orElseThrow();
        byte[] bytes = BundledScenarios.resource(replay.file());
        assertThat(bytes).as(replay.file()).isNotNull();
        Path f = tmp.resolve("service-outage-wave.csv");
        Files.write(f, bytes);
        MentionFilePreview preview = MentionFileReader.preview(f, ZoneOffset.UTC);
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.layout()).isEqualTo("Brandwatch");
        MentionReadResult read = MentionFileReader.read(f, preview, preview.mapping(), ZoneOffset.UTC,
                MentionFileReader.Progress.none(), () -> false);
        assertThat(read.problems()).isEmpty();
        assertThat(read.mentions()).hasSizeBetween(200, 400);
        List<IncomingMention> m = read.mentions();
        Duration span = Duration.between(m.get(0).publishedAt(), m.get(m.size() - 1).publishedAt());
        assertThat(span.toMinutes()).as("three hours of export, 20 exercise minutes at ×10").isBetween(120L, 240L);
        assertThat(m).extracting(IncomingMention::platform).contains("x", "facebook", "instagram", "forum");
        assertThat(m).allMatch(x -> !x.text().isBlank());
    }
}
