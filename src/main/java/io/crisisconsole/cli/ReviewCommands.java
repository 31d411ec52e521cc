package io.crisisconsole.cli;

import io.crisisconsole.review.report.ExportProgress;
import io.crisisconsole.review.report.ReportFormat;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.SettingsStore;
import io.crisisconsole.toolkit.UiLocale;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The review of a case from the command line: its report written to a file. */
final class ReviewCommands {

    private ReviewCommands() {
    }

    @Command(name = "review", description = "The review of a case: export its report.", mixinStandardHelpOptions = true)
    static final class ReviewGroup extends CommandGroup {
        ReviewGroup() {
            super("export");
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the review report of a case (real or exercise) to a file, in the language of the "
                    + "settings (else English); prints the file written.")
    static final class Export extends StoreCommand {
        @Option(names = "--case", required = true, paramLabel = "ID")
        long caseId;
        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "md, html, pdf or json.")
        String format;
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;
        @Option(names = "--force", description = "Replace FILE when it exists.")
        boolean force;
        @Option(names = "--author", description = "Who writes the report (named on its cover).")
        String author;

        Export(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) throws Exception {
            ReportFormat f;
            try {
                f = ReportFormat.fromName(format);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("format", e.getMessage());
            }
            String setting = new SettingsStore(home.settingsFile()).load().language();
            Locale locale = UiLocale.resolve(null, setting, Locale.ENGLISH, l -> true);
            Messages messages = Messages.forLocale(locale);
            Formats formats = new Formats(messages, cli.clock.getZone());
            Path written = services.reviewExports().export(caseId, f, out, force, blankToNull(cli.author(author, home)), messages,
                    formats, ExportProgress.none());
            cli.out.println(written);
            return Cli.OK;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
