package io.crisisconsole.composer.bench;

import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.DefaultMessageChecker;
import io.crisisconsole.composer.Drafts;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.composer.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One full re-check of ten realistic variants (the English outage draft in {@link Drafts}), as the
 * composer does on every keystroke; "withEmoji" adds an emoji to the X post and a typo to another
 * variant, so the slow paths (emoji pattern, changed text) are measured too. Run:
 * {@code mvn -B -q test-compile && java -cp "target/test-classes:target/classes:$(cat cp.txt)"
 * io.crisisconsole.composer.bench.CheckBenchmark} (classpath from {@code dependency:build-classpath}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CheckBenchmark {

    DefaultMessageChecker checker;
    CoreMessage core;
    MessageContext context;
    List<Variant> variants;
    List<Variant> withEmoji;

    @Setup
    public void setUp() {
        checker = new DefaultMessageChecker();
        core = Drafts.core();
        context = Drafts.context();
        variants = Drafts.variants();
        withEmoji = new ArrayList<>(variants);
        Variant x = withEmoji.get(0);
        withEmoji.set(0, new Variant(x.channel(), "🙏 " + x.text()));
        Variant fb = withEmoji.get(1);
        withEmoji.set(1, new Variant(fb.channel(), fb.text().replace("16:30", "16:00") + " Not our fault."));
    }

    @Benchmark
    public CheckReport tenVariants() {
        return checker.check(core, variants, context);
    }

    @Benchmark
    public CheckReport tenVariantsWithEmojiAndFindings() {
        return checker.check(core, withEmoji, context);
    }

    public static void main(String[] args) throws Exception {
        run(CheckBenchmark.class);
    }

    /** Runs the benchmarks of {@code benchmark}: one fork, 3 warm-ups and 5 measurements of a second each. */
    public static void run(Class<?> benchmark) throws Exception {
        Options opt = new OptionsBuilder()
                .include(benchmark.getSimpleName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .build();
        new Runner(opt).run();
    }
}
