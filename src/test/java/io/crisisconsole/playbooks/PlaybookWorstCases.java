package io.crisisconsole.playbooks;

import static io.crisisconsole.playbooks.Fixtures.SMALL;
import static io.crisisconsole.testsupport.WorstCases.ACCEPTED;
import static io.crisisconsole.testsupport.WorstCases.MIB;
import static io.crisisconsole.testsupport.WorstCases.fill;

import io.crisisconsole.testsupport.WorstCases;
import io.crisisconsole.testsupport.WorstCases.Case;
import java.nio.file.Path;
import java.util.List;

/** Generated playbook files of about 1 MiB in every shape that once was, or could be, slow. */
public final class PlaybookWorstCases {

    private PlaybookWorstCases() {
    }

    /** Reads the file as {@code playbook import} does, and says the first problem and how many. */
    public static final WorstCases.Judge JUDGE = PlaybookWorstCases::judge;

    static String judge(Path file) {
        PlaybookReader.Parsed p = new PlaybookReader().read(file);
        if (p.problems().isEmpty()) {
            return ACCEPTED;
        }
        return p.problems().get(0).format() + " [" + p.problems().size() + " listed]";
    }

    /** 63 mappings inside each other, each key 1000 characters long. */
    private static String longKeys() {
        StringBuilder sb = new StringBuilder();
        for (int depth = 0; depth < 63; depth++) {
            sb.append("  ".repeat(depth)).append("k".repeat(999)).append(depth % 10).append(":\n");
        }
        return sb.toString();
    }

    /** SMALL up to {@code marker}. */
    private static String before(String marker) {
        return SMALL.substring(0, at(marker));
    }

    /** SMALL after {@code marker}. */
    private static String after(String marker) {
        return SMALL.substring(at(marker) + marker.length());
    }

    private static int at(String marker) {
        int i = SMALL.indexOf(marker);
        if (i < 0 || SMALL.indexOf(marker, i + 1) >= 0) {
            throw new IllegalArgumentException("not exactly one '" + marker + "'");
        }
        return i;
    }

    public static List<Case> cases() {
        int size = MIB - 64;
        String small = SMALL;
        return List.of(
                Case.of("unknown keys at the top", "unknown-top.yaml",
                        fill(small, i -> "extra" + i + ": 1\n", "", size),
                        ":82:1: unknown key 'extra0' (expected: format, id"),
                Case.of("unknown keys deep inside", "unknown-deep.yaml",
                        fill(small.substring(0, small.indexOf("  slas:\n") + 8), i -> "    extra" + i + ": 1\n",
                                small.substring(small.indexOf("  slas:\n") + 8), size),
                        ":29:5: when.slas: unknown key 'extra0' (expected: internal_alert_minutes"),
                Case.of("one unknown key, a huge subtree", "unknown-subtree.yaml",
                        fill(small + "extra:\n", i -> "  k" + i + ": [a, {b: c}]\n", "", size),
                        ":82:1: unknown key 'extra' (expected: format"),
                Case.of("known key repeated", "duplicate.yaml",
                        fill(small, i -> "title: again\n", "", size),
                        ":82:1: duplicate key 'title' (first at line 4)"),
                Case.of("known keys in many list items", "many-triggers.yaml",
                        fill(small.substring(0, small.indexOf("  triggers:\n") + 12),
                                i -> "    - {id: t" + i + ", description: d, severity: 9}\n",
                                small.substring(small.indexOf("  severity_levels:")), size),
                        "when.triggers[0].severity: 9 is not a severity"),
                Case.of("many unknown role references", "role-refs.yaml",
                        fill(small.substring(0, small.indexOf("  roles:\n") + 9),
                                i -> "    - {id: r" + i + ", name: n, duties: d, people: [], groups: [], backups: []}\n",
                                "  notify_on_activation: [" + "nobody, ".repeat(20_000) + "lead]\n"
                                        + small.substring(small.indexOf("how:\n")), size),
                        "when.severity_levels[0].escalate_to[0]: unknown role 'lead' (roles: r0, r1, r10, r100, r1000,"),
                Case.of("deep flow nesting [[[[", "flow-nesting.yaml",
                        fill("title: ", i -> "[ ", "", size), ":1:134: nesting deeper than 64 levels"),
                Case.of("deep flow nesting [[[[ without spaces", "flow-nesting-tight.yaml",
                        fill("title: ", i -> "[", "", size), ":1:8: a word longer than 16384 characters"),
                Case.of("deep flow nesting {a: {a:", "flow-map-nesting.yaml",
                        fill("", i -> "{a: ", "", size), "nesting deeper than 64 levels"),
                Case.of("deep block nesting - - - -", "block-nesting.yaml",
                        fill("", i -> "- ", "x\n", size), "nesting deeper than 64 levels"),
                Case.of("deep block nesting by indent", "indent-nesting.yaml",
                        fill("", i -> " ".repeat(i % 2000) + "k:\n", "", size), "nesting deeper than 64 levels"),
                Case.of("one huge line (a plain title)", "huge-line.yaml",
                        fill(before("Small test\n"), i -> "word ", "\n" + after("Small test\n"), size),
                        ":4:8: title: the title is longer than 200 characters"),
                Case.of("huge quoted text with escapes", "huge-quoted.yaml",
                        fill(before("A tiny playbook for tests.\n") + "\"", i -> "say \\\"sorry\\\" \\u00e9 ",
                                "\"\n" + after("A tiny playbook for tests.\n"), size),
                        ACCEPTED),
                Case.of("huge comment", "huge-comment.yaml",
                        fill(small + "#", i -> "x", "\n", size), ":82:1: a comment longer than 16384 characters on one line"),
                Case.of("comments of 16 KiB", "long-comments.yaml",
                        fill(small, i -> "#" + "x".repeat(YamlScan.MAX_RUN - 1) + "\n", "", size), ACCEPTED),
                Case.of("huge word", "huge-word.yaml",
                        fill(before("Small test\n"), i -> "x", "\n" + after("Small test\n"), size),
                        ":4:8: a word longer than 16384 characters"),
                Case.of("huge run of spaces", "huge-spaces.yaml",
                        fill(before("Small test\n") + "a", i -> " ", "b\n" + after("Small test\n"), size),
                        ":4:9: more than 16384 spaces in a row"),
                Case.of("many list items (phrases)", "many-phrases.yaml",
                        fill(small.substring(0, small.indexOf("      en: [no comment]\n")) + "      en:\n",
                                i -> "        - phrase number " + i + "\n",
                                small.substring(small.indexOf("  response_matrix:")), size),
                        ACCEPTED),
                Case.of("100,000+ integers as phrases", "integer-phrases.yaml",
                        fill(small.substring(0, small.indexOf("      en: [no comment]\n")) + "      en: [0",
                                i -> ", " + i, "]\n" + small.substring(small.indexOf("  response_matrix:")), size),
                        ":63:12: how.tone.forbidden_phrases.en[0]: expected text, found the number 0"),
                Case.of("many small problems (e-mails)", "bad-emails.yaml",
                        fill(before("anna@example.com]") + "x", i -> ", x" + i, "]" + after("anna@example.com]"), size),
                        "who.roles[0].people[0]: 'x' is not an e-mail address"),
                Case.of("many unknown placeholders", "placeholders.yaml",
                        fill(before("We know {{issue}}"), i -> "{{p" + i + "}} ",
                                after("We know {{issue}}. Updates: {{hub_url}} {{hashtag}}"), size),
                        "how.templates[0].text: unknown placeholder {{p0}}"),
                Case.of("unterminated quote", "unterminated.yaml",
                        fill(before("Small test\n") + "\"", i -> "x ", "", size),
                        "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)"),
                Case.of("one huge key", "huge-key.yaml",
                        fill(small + "k", i -> "k", ": 1\n", size), ":82:1: a word longer than 16384 characters"),
                Case.of("long keys 64 deep, many children", "long-key-children.yaml",
                        fill(longKeys(), i -> "  ".repeat(63) + "c" + i + ": 1\n", "", size),
                        ":1:1: unknown key 'kkkkk"),
                Case.of("many empty flow lists", "empty-lists.yaml",
                        fill("title: [", i -> "[], ", "[]]\n", size), ":1:8: title: expected text, found a list"),
                Case.of("many anchors", "anchors.yaml",
                        fill(small, i -> "a" + i + ": &x" + i + " 1\n", "", size), ":82:5: YAML anchors (&x0)"),
                Case.of("many documents", "documents.yaml",
                        fill(small, i -> "---\nformat: 1\n", "", size), ":82:1: one playbook per file"));
    }
}
