package io.crisisconsole.bench;

import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.DefaultMessageChecker;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.composer.Variant;
import io.crisisconsole.composer.bench.CheckBenchmark;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionState;
import io.crisisconsole.inbox.ReplyChecks;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.playbooks.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One check of a reply as the inbox's reply pane runs it about 150 ms after typing stops: an X
 * reply of about 270 weighted characters against an approved core message, with a forbidden
 * phrase and a fact mismatch ("withFindings") or clean. Run: {@code mvn -B -q test-compile && java
 * -cp "target/test-classes:target/classes:$(cat cp.txt)" io.crisisconsole.bench.ReplyCheckBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReplyCheckBenchmark {

    DefaultMessageChecker checker;
    CoreMessage core;
    MessageContext context;
    List<Variant> clean;
    List<Variant> withFindings;

    @Setup
    public void setUp() {
        checker = new DefaultMessageChecker();
        Mention m = new Mention(1, 1, null, "https://x.com/jane_doe/status/1", "x", "@jane_doe",
                Instant.parse("2026-12-01T09:00:00Z"), "My card payment failed three times", "en",
                Sentiment.NEGATIVE, 1200L, null, InboxType.COMPLAINT, false, 80, MentionState.NEW, null, null, null,
                null, null, Instant.parse("2026-12-01T09:01:00Z"), Instant.parse("2026-12-01T09:01:00Z"));
        core = ReplyChecks.core(Optional.of(new CoreMessage("Card payments fail at checkout",
                "Engineers are rolling back the release", "Pay by bank transfer meanwhile", "16:30", true,
                List.of("refund within 5 working days", "about 3,000 orders"))), m);
        context = ReplyChecks.context(new MessageContext("en", "#CheckoutStatus", "https://status.example.com",
                true, Map.of("en", List.of("no comment", "not our fault", "calm down"))), m.type());
        String ok = "@jane_doe We're sorry for the trouble at checkout. Engineers are rolling back the release; "
                + "please pay by bank transfer meanwhile. You get a refund within 5 working days. Next update at "
                + "16:30 on https://status.example.com #CheckoutStatus";
        clean = List.of(new Variant(Channel.X, ok));
        withFindings = List.of(new Variant(Channel.X,
                ok.replace("5 working", "10 working") + " It was not our fault."));
    }

    @Benchmark
    public CheckReport cleanReply() {
        return ReplyChecks.forReply(checker.check(core, clean, context), true);
    }

    @Benchmark
    public CheckReport replyWithFindings() {
        return ReplyChecks.forReply(checker.check(core, withFindings, context), true);
    }

    public static void main(String[] args) throws Exception {
        CheckBenchmark.run(ReplyCheckBenchmark.class);
    }
}
