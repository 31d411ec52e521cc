package io.crisisconsole.bench;

import atlantafx.base.theme.PrimerLight;
import io.crisisconsole.app.AppContext;
import io.crisisconsole.app.MainWindow;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.DefaultMessageChecker;
import io.crisisconsole.composer.MessageChecker;
import io.crisisconsole.composer.ui.ComposerChecks;
import io.crisisconsole.composer.ui.ComposerController;
import io.crisisconsole.composer.ui.ComposerViewModel;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.ManualTimer;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.FxOneShotTimer;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * A keystroke in the composer window, measured as the window handles it: the real composer (its
 * FXML, controller and view-model, the real message checks, AtlantaFX's CSS) on a case that follows
 * the bundled service-outage playbook, with a draft whose ten channel variants are filled from the
 * core message. Each keystroke is a key event fired at a text field on the FX thread; the re-check
 * the composer schedules ({@link ComposerChecks#DELAY} later, the pause that lets a fast typist
 * finish a word) is then run at once, and the scene's CSS and layout pass, which the next pulse makes
 * before it draws, is made. The time from the key event to the end of that layout, with the ten
 * variants' findings lists, counters and channel states shown, is one keystroke; the target is one
 * frame (16 ms). The deliberate pause is not counted; drawing is not either (under Monocle it is a
 * software raster that says nothing about a real screen).
 *
 * <p>Two kinds of keystrokes: in the X variant (its findings and count change), and in the core
 * message's "what happened" (every variant is checked against it). Each kind types a sentence and
 * deletes it again with Backspace, so the text stays realistic. The first {@link #WARM_UP} keystrokes
 * of each kind are reported apart (cold JVM) and not in the figures.
 *
 * <p>Run headless: {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw
 * -cp "target/test-classes:target/classes:$(cat target/cp.txt)" io.crisisconsole.bench.ComposerWindowBenchmark
 * [--quick]} (the properties are set by the benchmark when absent).
 */
public final class ComposerWindowBenchmark {

    static final double TARGET_MS = 16;
    static final int WARM_UP = 50;
    private static final String TYPED = " Our team is on it and we will post the next update here at 16:30.";

    private final ManualTimer checkTimer = new ManualTimer();
    private TextArea variantX;
    private TextArea whatHappened;
    private Scene scene;
    private ComposerViewModel vm;
    private int width = 1280;
    private int height = 800;
    /** Nanoseconds spent in the key event, the check and what it shows, the pulse's CSS and layout. */
    private final long[] phases = new long[4];
    private volatile CompletableFuture<Long> nextPulse;

    public static void main(String[] args) throws Exception {
        boolean quick = Benchmarks.quick(args);
        // --look WIDTHxHEIGHT: the same window on the real screen, left open to be looked at (no figures)
        int look = Arrays.asList(args).indexOf("--look");
        if (look < 0) {
            setIfAbsent("glass.platform", "Monocle");
            setIfAbsent("monocle.platform", "Headless");
        }
        setIfAbsent("headless.geometry", "1920x1080-32");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path dir = Files.createTempDirectory("composer-bench");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        int perKind = quick ? 150 : 1_000;
        ComposerWindowBenchmark bench = new ComposerWindowBenchmark();
        if (look >= 0) {
            String[] size = args[look + 1].split("x");
            bench.width = Integer.parseInt(size[0]);
            bench.height = Integer.parseInt(size[1]);
        }
        AppContext context = onFx(() -> bench.open(new DataHome(dir.resolve("data"))));
        try {
            bench.waitForVariants();
            if (look >= 0) {
                System.out.println("LOOK the composer is shown; stop the process to close it");
                Thread.sleep(Long.MAX_VALUE);
            }
            double[] variant = bench.type(() -> bench.variantX, perKind);
            double[] core = bench.type(() -> bench.whatHappened, perKind);
            report("keystroke in the X variant", variant);
            report("keystroke in the core message", core);
            double[] all = concat(warm(variant), warm(core));
            BenchFigure.atMost("composer.keystroke-p50", percentile(all, 50), "ms", TARGET_MS).print();
            BenchFigure.atMost("composer.keystroke-p99", percentile(all, 99), "ms", TARGET_MS).print();
        } finally {
            onFx(() -> {
                context.flushAutosave();
                context.close();
                return null;
            });
            Platform.exit();
        }
    }

    /** The app over a fresh data folder, a case with the playbook, and its composer window. */
    private AppContext open(DataHome home) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppContext context = AppContext.open(home, Clock.systemUTC());
        Services services = context.services();
        CrisisCase outage = services.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak",
                "CheckoutStatus", "https://status.example.com"), "anna");
        services.casePlaybooks().assign(outage.id(),
                services.playbooks().find("service-outage", "en").orElseThrow().id(), "anna");
        EditorAutosave autosave = new EditorAutosave(services.autosave(), context.tasks(), FxOneShotTimer::new,
                context.notifier(), context.messages(), context.formats());
        ComposerViewModel vm = new ComposerViewModel(outage, services.drafts(), services.contacts(),
                timed(new DefaultMessageChecker()), context.tasks(), context.notifier(), context.messages(), context.formats(),
                () -> "bench", () -> "Brand", autosave, () -> { }, Clock.systemUTC(), checkTimer);
        ViewLoader.Loaded<Parent> loaded = context.views().load(FxmlView.COMPOSER);
        ComposerController controller = loaded.controller(ComposerController.class);
        scene = new Scene(loaded.root(), width, height);
        scene.getStylesheets().setAll(MainWindow.createScene(context, 1280, 800).getStylesheets());
        Stage stage = new Stage();
        stage.setScene(scene);
        controller.bind(vm);
        stage.show();
        timePulses();
        vm.createDraft("Holding statement");
        this.vm = vm;
        whatHappened = (TextArea) scene.lookup("#whatHappenedText");
        variantX = (TextArea) scene.lookup("#variant-" + Channel.X.yamlName());
        return context;
    }

    /** Waits until the draft is made, then fills its ten variants from the core message. */
    private void waitForVariants() throws Exception {
        waitFor(() -> vm.draftProperty().get() != null && !variantX.getText().isBlank());
        onFx(() -> {
            vm.whatHappenedProperty().set("card payments fail for about 3,000 customers");
            vm.whatWeAreDoingProperty().set("Our engineers are restoring the payment service.");
            vm.whatYouShouldDoProperty().set("Please pay by bank transfer meanwhile.");
            vm.nextUpdateProperty().set("16:30");
            vm.fillPlaceholders();
            return null;
        });
        waitFor(() -> variantX.getText().contains("16:30"));
        onFx(() -> {
            if (checkTimer.isRunning()) {
                checkTimer.fire();
            }
            ListView<?> findings = (ListView<?>) scene.lookup("#findings-" + Channel.X.yamlName());
            System.out.printf(Locale.ROOT, "draft open: X variant %d characters, %d findings shown%n",
                    variantX.getLength(), findings.getItems().size());
            return null;
        });
    }

    /** Types {@code n} keystrokes into the field, a sentence and back again; returns each one's milliseconds. */
    private double[] type(Callable<TextInputControl> field, int n) throws Exception {
        Arrays.fill(phases, 0);
        double[] ms = new double[n];
        for (int i = 0; i < n; i += 1) {
            int at = i;
            CompletableFuture<Long> pulse = new CompletableFuture<>();
            long handled = onFx(() -> keystroke(field.call(), at, pulse));
            ms[i] = (handled + pulse.get(10, TimeUnit.SECONDS)) / 1e6;
            if (System.getProperty("bench.slow") != null && i >= WARM_UP && ms[i] > 10) {
                System.out.printf(Locale.ROOT, "  slow keystroke %d (cycle %d, length %d): %.1f ms%n", i,
                        i % (2 * TYPED.length()), onFx(() -> field.call().getLength()), ms[i]);
            }
        }
        System.out.printf(Locale.ROOT, "  mean per keystroke: key event %.2f ms, check %.2f ms and what shows it %.2f ms,"
                + " the pulse's CSS and layout %.2f ms%n", phases[0] / 1e6 / n, phases[3] / 1e6 / n,
                (phases[1] - phases[3]) / 1e6 / n, phases[2] / 1e6 / n);
        return ms;
    }

    /**
     * One keystroke on the FX thread: the key event, then the check it scheduled; the CSS and layout
     * of the pulse that follows are timed by the scene's pulse listeners and complete {@code pulse}.
     * Returns the nanoseconds of the first part.
     */
    private long keystroke(TextInputControl field, int i, CompletableFuture<Long> pulse) {
        field.positionCaret(field.getLength());
        int cycle = i % (2 * TYPED.length());
        long start = System.nanoTime();
        if (cycle < TYPED.length()) {
            String ch = String.valueOf(TYPED.charAt(cycle));
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_TYPED, ch, ch, KeyCode.UNDEFINED, false, false, false,
                    false));
        } else {
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.BACK_SPACE, false, false, false,
                    false));
        }
        if (!checkTimer.isRunning()) {
            throw new IllegalStateException("the keystroke did not schedule a check");
        }
        long typed = System.nanoTime();
        checkTimer.fire();
        long end = System.nanoTime();
        phases[0] += typed - start;
        phases[1] += end - typed;
        nextPulse = pulse;
        Platform.requestNextPulse();
        return end - start;
    }

    /** The checks, with the time they take added to {@link #phases} (the rest of the check's part is showing it). */
    private MessageChecker timed(MessageChecker checker) {
        return (core, variants, context) -> {
            long start = System.nanoTime();
            try {
                return checker.check(core, variants, context);
            } finally {
                phases[3] += System.nanoTime() - start;
            }
        };
    }

    /** Times the CSS and layout passes of the scene's pulses into {@link #nextPulse}. */
    private void timePulses() {
        long[] began = new long[1];
        scene.addPreLayoutPulseListener(() -> began[0] = System.nanoTime());
        scene.addPostLayoutPulseListener(() -> {
            CompletableFuture<Long> waiting = nextPulse;
            if (waiting != null) {
                nextPulse = null;
                long took = System.nanoTime() - began[0];
                phases[2] += took;
                waiting.complete(took);
            }
        });
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onFx(condition)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the composer's draft did not open within 30 s; the X variant: '"
                        + onFx(variantX::getText) + "'");
            }
            Thread.sleep(50);
        }
    }

    private static double[] warm(double[] ms) {
        return Arrays.copyOfRange(ms, Math.min(WARM_UP, ms.length), ms.length);
    }

    private static void report(String what, double[] ms) {
        double[] cold = Arrays.copyOf(ms, Math.min(WARM_UP, ms.length));
        double[] w = warm(ms);
        System.out.printf(Locale.ROOT, "%s: first %.1f ms, first %d max %.1f ms; then %d: p50 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms, over 16 ms: %d%n", what, ms[0], cold.length, percentile(cold, 100), w.length,
                percentile(w, 50), percentile(w, 99), percentile(w, 100),
                Arrays.stream(w).filter(x -> x > TARGET_MS).count());
    }

    /** The value at percentile {@code p} by nearest rank ({@link Benchmarks.Timings}). */
    static double percentile(double[] ms, double p) {
        return new Benchmarks.Timings(Arrays.stream(ms).mapToLong(m -> Math.round(m * 1e6)).toArray()).ms(p / 100);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
