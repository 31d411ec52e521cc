package io.crisisconsole.cli;

import io.crisisconsole.composer.ChannelCount;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.ComposerInputException;
import io.crisisconsole.composer.DefaultMessageChecker;
import io.crisisconsole.composer.DraftFile;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "draft", description = "Check message drafts against their core message (no store needed).",
        mixinStandardHelpOptions = true)
final class DraftCommands extends CommandGroup {

    DraftCommands() {
        super("check");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Count and check every channel variant of a draft (YAML or JSON, by extension); prints JSON.",
            footer = {"", "Exit codes: 0 no findings, 1 findings, 2 bad input (one line on stderr: file:line:col: problem)."})
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "Draft .yaml, .yml or .json file.")
        Path file;

        private final Cli cli;

        Check(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws Exception {
            DraftFile draft;
            try {
                draft = DraftFile.read(file);
            } catch (ComposerInputException e) {
                cli.err.println("error: " + Cli.oneLine(e.format()));
                return Cli.BAD_INPUT;
            }
            List<Variant> variants = draft.variantList();
            CheckReport report = new DefaultMessageChecker().check(draft.coreMessage(), variants, draft.context());
            Map<String, Object> out = new LinkedHashMap<>();
            List<Map<String, Object>> channels = new ArrayList<>();
            for (ChannelCount c : report.counts()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("channel", c.channel().yamlName());
                m.put("length", c.length());
                m.put("limit", c.limit());
                m.put("segments", c.segments());
                m.put("encoding", c.encoding());
                m.put("over_limit", c.overLimit());
                channels.add(m);
            }
            Map<io.crisisconsole.playbooks.Channel, String> texts = new LinkedHashMap<>();
            variants.forEach(v -> texts.put(v.channel(), v.text()));
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Finding f : report.findings()) {
                Map<String, Object> m = new LinkedHashMap<>();
                String text = texts.getOrDefault(f.channel(), "");
                m.put("channel", f.channel().yamlName());
                m.put("code", f.code());
                m.put("level", f.level().name().toLowerCase(Locale.ROOT));
                m.put("start", f.start());
                m.put("end", f.end());
                m.put("text", text.substring(Math.min(f.start(), text.length()), Math.min(f.end(), text.length())));
                m.put("message", f.message());
                findings.add(m);
            }
            out.put("channels", channels);
            out.put("findings", findings);
            cli.out.println(cli.json.writeValueAsString(out));
            return report.clean() ? Cli.OK : Cli.FAILED;
        }
    }
}
