package io.crisisconsole.bench;

import io.crisisconsole.composer.DefaultMessageChecker;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.Drafts;
import io.crisisconsole.composer.ui.ComposerChecks;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.ManualTimer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A keystroke in the composer as the window handles it, measured from the change to the findings of
 * every channel being published ({@link ComposerChecks}: the check of ten variants, the report, the
 * ten findings lists), in a fresh JVM as the window is: the first keystrokes run cold (classes
 * loaded, cue lists read, code interpreted), the later ones warm. Run with {@code warm} as the first
 * argument to warm the checker first, as the composer now does in the background when it opens
 * ({@link DefaultMessageChecker#warmUp()}). Prints figures, asserts nothing. Run:
 * {@code java -cp "target/test-classes:target/classes:$(cat cp.txt)" io.crisisconsole.bench.ComposerKeystrokeBench [warm]}.
 */
public final class ComposerKeystrokeBench {

    public static void main(String[] args) {
        boolean warm = args.length > 0 && args[0].equals("warm");
        long t0 = System.nanoTime();
        if (warm) {
            DefaultMessageChecker.warmUp();
            System.out.printf("warm-up: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        }
        DraftContent start = new DraftContent(Drafts.core(), Drafts.variants());
        AtomicReference<DraftContent> content = new AtomicReference<>(start);
        ComposerChecks checks = new ComposerChecks(new DefaultMessageChecker(), English.MESSAGES, new ManualTimer(),
                content::get, Drafts::context);
        String typed = " We will keep you posted, and we are sorry for the trouble this causes today.";
        int n = 400;
        double[] ms = new double[n];
        String x = start.text(Channel.FACEBOOK);
        for (int i = 0; i < n; i++) {
            x = x + typed.charAt(i % typed.length());
            content.set(content.get().withText(Channel.FACEBOOK, x));
            long s = System.nanoTime();
            checks.recheck();
            checks.findings(Channel.FACEBOOK).size();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        System.out.printf("%s, ten variants, keystroke -> findings published:%n", warm ? "warmed" : "cold JVM");
        System.out.printf("  keystroke 1: %.1f ms, 2: %.1f ms, 3: %.1f ms%n", ms[0], ms[1], ms[2]);
        System.out.printf("  keystrokes 4-20: median %.2f ms, max %.2f ms%n", median(ms, 3, 20), max(ms, 3, 20));
        System.out.printf("  keystrokes 21-100: median %.2f ms, max %.2f ms%n", median(ms, 20, 100), max(ms, 20, 100));
        System.out.printf("  keystrokes 301-400: median %.2f ms, max %.2f ms%n", median(ms, 300, 400), max(ms, 300, 400));
        int over = 0;
        for (double m : ms) {
            over += m > 16 ? 1 : 0;
        }
        System.out.printf("  over one frame (16 ms): %d of %d%n", over, n);
    }

    private static double median(double[] a, int from, int to) {
        double[] b = Arrays.copyOfRange(a, from, to);
        Arrays.sort(b);
        return b[b.length / 2];
    }

    private static double max(double[] a, int from, int to) {
        return Arrays.stream(a, from, to).max().orElse(0);
    }
}
