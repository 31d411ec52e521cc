package io.crisisconsole.composer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.ui.ComposerChecks;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookReader;
import io.crisisconsole.playbooks.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every bundled playbook has a template for each channel its WHERE lists and each stage, and every
 * template, filled with sample values in the playbook's language, passes the composer's own checks for
 * its channel without an error.
 */
class BundledTemplatesTest {

    /**
     * Sample core messages per bundled playbook (file name without .yaml): what happened, what people
     * should do, the next update; written the way a lead would fill them for that kind of crisis.
     */
    private static final Map<String, String[]> SAMPLES = Map.of(
            "service-outage.en", new String[] {"Our booking app does not load for many customers.",
                "Please book by phone or on our website meanwhile.", "16:30"},
            "service-outage.ru", new String[] {"Приложение для бронирования не открывается у многих клиентов.",
                "Пожалуйста, оформите бронирование по телефону или на сайте.", "16:30"},
            "service-outage.pl", new String[] {"Aplikacja rezerwacyjna nie działa u wielu klientów.",
                "Prosimy o rezerwację telefonicznie lub na naszej stronie.", "16:30"},
            "service-outage.es", new String[] {"La aplicación de reservas no funciona para muchos clientes.",
                "Por favor, reserve por teléfono o en nuestra web.", "16:30"},
            "data-breach.en", new String[] {"Unauthorised access to customer names and e-mail addresses.",
                "Please change your password and ignore e-mails that ask for it.", "18:00"},
            "offensive-brand-post.en", new String[] {"Our post that mocked people with disabilities.",
                "Please write to us through the contact form on our website.", "12:00"},
            "troll-abuse-wave.en", new String[] {"Posts claiming that our baby formula contains banned chemicals.",
                "Please check the test results before you share such posts.", "17:00"},
            "viral-product-complaint.en", new String[] {"Our kettle overheating in a customer's video.",
                "Please stop using the kettle and contact us for a free replacement.", "15:00"});

    private static final String BRAND = "Northwind";

    private final DefaultMessageChecker checker = new DefaultMessageChecker();

    private static List<Playbook> bundled() {
        PlaybookReader reader = new PlaybookReader();
        List<Playbook> out = new ArrayList<>();
        for (BundledPlaybooks.Bundled b : BundledPlaybooks.list()) {
            PlaybookReader.Parsed parsed = reader.read(b.fileName(), b.yaml());
            assertThat(parsed.problems()).as(b.fileName()).isEmpty();
            out.add(parsed.playbook());
        }
        return out;
    }

    @Test
    void everyBundledPlaybookHasATemplateForEachOfItsChannelsAndEachStage() {
        List<Playbook> playbooks = bundled();
        assertThat(playbooks).hasSize(8);
        for (Playbook p : playbooks) {
            Set<String> missing = new LinkedHashSet<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Playbook.ChannelRole role : p.where().channels()) {
                for (Stage stage : Stage.values()) {
                    String key = role.channel().yamlName() + "/" + stage.yamlName();
                    boolean has = p.how().templates().stream()
                            .anyMatch(t -> t.channel() == role.channel() && t.stage() == stage);
                    if (!has) {
                        missing.add(key);
                    }
                }
            }
            for (Playbook.Template t : p.how().templates()) {
                assertThat(seen.add(t.channel().yamlName() + "/" + t.stage().yamlName()))
                        .as("%s.%s: one template per channel and stage, %s/%s twice", p.id(), p.language(),
                                t.channel().yamlName(), t.stage().yamlName()).isTrue();
                assertThat(p.where().channels()).as("%s.%s: a template for %s, a channel it does not list", p.id(),
                        p.language(), t.channel().yamlName()).anyMatch(r -> r.channel() == t.channel());
            }
            assertThat(missing).as("%s.%s: channel/stage without a template", p.id(), p.language()).isEmpty();
        }
    }

    @Test
    void everyFilledTemplatePassesTheChecksOfItsChannelWithoutAnError() {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int checked = 0;
        for (Playbook p : bundled()) {
            String[] sample = SAMPLES.get(p.id() + "." + p.language());
            assertThat(sample).as("sample values for " + p.id() + "." + p.language()).isNotNull();
            CoreMessage core = new CoreMessage(sample[0], "", sample[1], sample[2], true, List.of());
            CrisisCase c = new CrisisCase(1, "Booking app outage", 2, CaseStatus.ACTIVE, "anna", null, null,
                    Instant.EPOCH, null, Instant.EPOCH, 1);
            Map<String, String> values = new java.util.HashMap<>(Placeholders.values(c, p, core));
            values.put("brand", BRAND);
            MessageContext context = ComposerChecks.context(c, p, core.apology());
            for (Playbook.Template t : p.how().templates()) {
                String text = Placeholders.fill(t.text(), values);
                assertThat(Placeholders.hasPlaceholder(text)).as(text).isFalse();
                CheckReport r = checker.check(core, List.of(new Variant(t.channel(), text)), context);
                checked++;
                String where = p.id() + "." + p.language() + " " + t.channel().yamlName() + "/" + t.stage().yamlName();
                for (Finding f : r.findings()) {
                    String line = where + ": " + f.code() + " " + f.message() + " in: " + text;
                    (f.level() == Finding.Level.ERROR ? errors : warnings).add(line);
                }
            }
        }
        System.out.println("BundledTemplatesTest: " + checked + " templates checked, " + warnings.size()
                + " warnings" + warnings.stream().map(w -> "\n  " + w).collect(Collectors.joining()));
        assertThat(checked).isEqualTo(4 * (4 * 6 + 4 * 8));
        assertThat(errors).isEmpty();
    }

    @Test
    void smsTemplatesStartWithTheBrandAndCarryNoHashtag() {
        for (Playbook p : bundled()) {
            for (Playbook.Template t : p.how().templates()) {
                if (t.channel() == Channel.SMS) {
                    assertThat(t.text()).as(p.id() + "." + p.language()).startsWith("{{brand}}:")
                            .doesNotContain("{{hashtag}}");
                }
                if (t.channel() == Channel.X || t.channel() == Channel.FACEBOOK || t.channel() == Channel.INSTAGRAM) {
                    assertThat(t.text()).as(p.id() + "." + p.language() + " " + t.channel().yamlName() + "/"
                            + t.stage().yamlName()).contains("{{hub_url}}", "{{hashtag}}");
                }
            }
        }
    }
}
