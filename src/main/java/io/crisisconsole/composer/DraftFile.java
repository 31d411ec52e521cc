package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.toolkit.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A draft to check from a file ({@code draft check FILE}): YAML ({@code .yaml}, {@code .yml}) or JSON
 * ({@code .json}), read strictly (at most {@value #MAX_BYTES} bytes; anchors, aliases, tags, duplicate
 * and unknown keys refused, with line and column).
 */
public record DraftFile(String language, String hashtag, String hubUrl, Boolean apologyRequired,
        Map<String, List<String>> forbiddenPhrases, Core core, LinkedHashMap<String, String> variants) {

    public static final int MAX_BYTES = 1024 * 1024;

    /** The core message as written in the file. */
    public record Core(String whatHappened, String whatWeAreDoing, String whatYouShouldDo, String nextUpdate,
            Boolean apology, List<String> keyFacts) {
    }

    /** Reads and checks the file; a {@link ComposerInputException} says what is wrong and where. */
    public static DraftFile read(Path file) {
        String name = file.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean json = lower.endsWith(".json");
        if (!json && !lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
            throw new ComposerInputException(name, 1, 1, "expected a .yaml, .yml or .json file");
        }
        String text = StrictInput.readFile(file, MAX_BYTES);
        DraftFile d = json ? StrictInput.json(name, text, DraftFile.class) : StrictInput.yaml(name, text, DraftFile.class);
        d.validate(name);
        return d;
    }

    private void validate(String name) {
        if (language == null || !Language.codes().contains(language)) {
            throw new ComposerInputException(name, 1, 1, "language: " + (language == null ? "missing" : "unknown language '"
                    + language + "'") + " (one of " + String.join(", ", Language.codes()) + ")");
        }
        if (core == null) {
            throw new ComposerInputException(name, 1, 1, "core: missing");
        }
        if (variants == null || variants.isEmpty()) {
            throw new ComposerInputException(name, 1, 1, "variants: at least one is needed");
        }
        for (Map.Entry<String, String> e : variants.entrySet()) {
            try {
                Channel.fromYaml(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new ComposerInputException(name, 1, 1, "variants." + e.getKey() + ": " + ex.getMessage());
            }
            if (e.getValue() == null) {
                throw new ComposerInputException(name, 1, 1, "variants." + e.getKey() + ": empty value");
            }
        }
        if (forbiddenPhrases != null) {
            for (Map.Entry<String, List<String>> e : forbiddenPhrases.entrySet()) {
                if (e.getValue() == null || e.getValue().stream().anyMatch(s -> s == null)) {
                    throw new ComposerInputException(name, 1, 1, "forbidden_phrases." + e.getKey() + ": empty value");
                }
            }
        }
    }

    public CoreMessage coreMessage() {
        return new CoreMessage(nz(core.whatHappened()), nz(core.whatWeAreDoing()), nz(core.whatYouShouldDo()),
                nz(core.nextUpdate()), Boolean.TRUE.equals(core.apology()),
                core.keyFacts() == null ? List.of() : List.copyOf(core.keyFacts()));
    }

    public MessageContext context() {
        return new MessageContext(language, hashtag, hubUrl, Boolean.TRUE.equals(apologyRequired),
                forbiddenPhrases == null ? Map.of() : Map.copyOf(forbiddenPhrases));
    }

    public List<Variant> variantList() {
        List<Variant> out = new ArrayList<>();
        variants.forEach((k, v) -> out.add(new Variant(Channel.fromYaml(k), v)));
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
