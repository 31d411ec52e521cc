package io.crisisconsole.bench;

import io.crisisconsole.composer.DraftFileWorstCases;
import io.crisisconsole.contacts.ContactFileWorstCases;
import io.crisisconsole.playbooks.PlaybookWorstCases;
import io.crisisconsole.store.SmallFileWorstCases;
import io.crisisconsole.store.crypto.KeyFileWorstCases;
import io.crisisconsole.testsupport.WorstCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints how long each reader of outside files takes to judge every generated worst case (issue
 * 9.8), the fastest of 3 runs after a warm-up; contact files are read and checked, not stored.
 * Run: {@code mvn -B -q test-compile && java -cp "target/test-classes:target/classes:$(cat cp.txt)"
 * io.crisisconsole.bench.ReaderBenchmark} (classpath from {@code dependency:build-classpath}).
 * With {@code --judge DIR} it judges, once each, the files {@link #writeAll} wrote there:
 * {@code ReaderMemoryTest} runs that in a JVM with a small heap.
 */
public final class ReaderBenchmark {

    private ReaderBenchmark() {
    }

    record Reader(String name, List<WorstCases.Case> cases, WorstCases.Judge judge) {
    }

    static List<Reader> readers() {
        return List.of(
                new Reader("playbook YAML", PlaybookWorstCases.cases(), PlaybookWorstCases.JUDGE),
                new Reader("draft YAML/JSON", DraftFileWorstCases.cases(), DraftFileWorstCases.JUDGE),
                new Reader("contacts CSV/vCard", ContactFileWorstCases.cases(), ContactFileWorstCases.READ_ONLY),
                new Reader("key file", KeyFileWorstCases.cases(), KeyFileWorstCases.JUDGE),
                new Reader("backup manifest", SmallFileWorstCases.manifestCases(), SmallFileWorstCases.MANIFEST),
                new Reader("settings.json", SmallFileWorstCases.settingsCases(), SmallFileWorstCases.SETTINGS));
    }

    /** Writes every case of every reader into {@code dir}, named {@code <reader number>-<file name>}. */
    static void writeAll(Path dir) throws IOException {
        List<Reader> readers = readers();
        for (int i = 0; i < readers.size(); i++) {
            for (WorstCases.Case c : readers.get(i).cases()) {
                Files.write(dir.resolve(i + "-" + c.fileName()), c.content());
            }
        }
    }

    /** Judges each file of {@code dir} once with its reader; false when a reader threw. */
    static boolean judgeAll(Path dir) throws IOException {
        List<WorstCases.Judge> judges = List.of(PlaybookWorstCases.JUDGE, DraftFileWorstCases.JUDGE,
                ContactFileWorstCases.READ_ONLY, KeyFileWorstCases.JUDGE, SmallFileWorstCases.MANIFEST,
                SmallFileWorstCases.SETTINGS);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        boolean ok = true;
        for (Path f : files) {
            String name = f.getFileName().toString();
            WorstCases.Judge judge = judges.get(Integer.parseInt(name.substring(0, name.indexOf('-'))));
            // a file name that says which reader reads it (contacts by extension)
            Path named = f.resolveSibling(name.substring(name.indexOf('-') + 1));
            Files.move(f, named);
            String verdict;
            try {
                verdict = judge.judge(named);
            } catch (Exception e) {
                verdict = "threw " + e;
                ok = false;
            }
            Files.move(named, f);
            System.out.println(name + ": " + (verdict.length() > 100 ? verdict.substring(0, 100) : verdict));
        }
        System.out.println("judged " + files.size() + " files; heap at most "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        return ok;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--judge")) {
            System.exit(judgeAll(Path.of(args[1])) ? 0 : 1);
        }
        boolean once = false;
        Path dir = Files.createTempDirectory("reader-bench");
        try {
            long worst = 0;
            for (Reader r : readers()) {
                System.out.println("== " + r.name());
                for (WorstCases.Result res : WorstCases.run(dir, r.cases(), r.judge(), once ? 0 : 2, once ? 1 : 3)) {
                    System.out.println(WorstCases.describe(res));
                    worst = Math.max(worst, res.minMillis());
                    if (res.verdict().startsWith("threw ")) {
                        System.exit(1);
                    }
                }
            }
            System.out.println("slowest: " + worst + " ms; heap in use now "
                    + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024)
                    + " MiB of at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
