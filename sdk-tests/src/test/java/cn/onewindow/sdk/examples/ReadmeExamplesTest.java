package cn.onewindow.sdk.examples;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.FlushResult;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.it.LocalPlatform;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.DecisionOutcome;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import cn.onewindow.sdk.model.StatsReport;
import cn.onewindow.sdk.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of {@code sdk/README.md} are these classes, verbatim: this test checks that the README holds them,
 * that they compile with {@code --release 8} against the SDK alone (what a department's Java 8 system would do),
 * and runs them against the local system.
 */
@ExtendWith(LocalPlatform.class)
class ReadmeExamplesTest {
    static final Path EXAMPLES = Path.of("src/test/java/cn/onewindow/sdk/examples");
    static final List<String> NAMES = List.of("DepartmentInbox", "VillageAgent", "VillageTerminalOffline",
            "SupervisorFigures", "TerminalRating");

    @TempDir
    Path tmp;

    @Test
    void theReadmeShowsTheExamplesVerbatim() throws Exception {
        String readme = Files.readString(Path.of("../sdk/README.md"));
        for (String name : NAMES) {
            String code = Files.readString(EXAMPLES.resolve(name + ".java")).replaceFirst("package [^;]+;\\s*", "");
            assertTrue(readme.contains(code.trim()), "sdk/README.md must show " + name + ".java verbatim");
        }
    }

    @Test
    void theExamplesCompileForJava8AgainstTheSdkAlone() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path sdk = Path.of(OneWindowClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<Path> sources = NAMES.stream().map(n -> EXAMPLES.resolve(n + ".java")).collect(Collectors.toList());
            boolean ok = javac.getTask(null, files, diagnostics,
                    List.of("--release", "8", "-classpath", sdk.toString(), "-d", tmp.toString(), "-Xlint:-options"),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(ok, diagnostics.getDiagnostics().toString());
        }
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(NAMES.size(), s.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$"))
                    .count());
        }
    }

    @Test
    void theDepartmentExampleDecidesItsPendingTasks() throws InterruptedException {
        OneWindowClient window = LocalPlatform.client("demo-window");
        ServiceCase c = window.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_FIXED_ASSET_INVESTMENT)
                .channel(Channel.WINDOW).applicant(LocalPlatform.company())
                .materials(Material.of("M01", 2), Material.of("M02"), Material.of("M03"), Material.of("M04"),
                        Material.of("M05")).build());
        OneWindowClient fgw = LocalPlatform.client("demo-dept-fgw");
        long end = System.nanoTime() + 90_000_000_000L;
        while (fgw.tasks().pending("fgw").stream().noneMatch(t -> t.caseId().equals(c.id()))) {
            assertTrue(System.nanoTime() < end, "the task never reached the inbox");
            Thread.sleep(250);
        }
        assertTrue(DepartmentInbox.pollOnce(fgw, "fgw") >= 1);
        assertTrue(fgw.tasks().list("fgw", TaskStatus.APPROVED).stream().anyMatch(t -> t.caseId().equals(c.id())));
    }

    @Test
    void theAgentExampleRunsFromApplicationToDelivery() {
        OneWindowClient agent = LocalPlatform.client("demo-agent");
        ServiceCase c = VillageAgent.apply(agent, LocalPlatform.villager());
        assertEquals(CaseStatus.AWAITING_MATERIALS, c.status());
        c = VillageAgent.answerNotice(agent, c);
        assertEquals(CaseStatus.ACCEPTED, c.status());
        OneWindowClient window = LocalPlatform.client("demo-window");
        window.cases().decide(c.id(), DecisionOutcome.APPROVE, null);
        window.cases().issueResult(c.id(), null);
        assertTrue(VillageAgent.deliverReadyResults(agent) >= 1);
        assertEquals(CaseStatus.DELIVERED, agent.cases().get(c.id()).status());
    }

    @Test
    void theTerminalExampleQueuesAndSends() {
        OneWindowClient terminal = LocalPlatform.builder("demo-agent").outbox(tmp.resolve("outbox")).build();
        VillageTerminalOffline.queueApplication(terminal, LocalPlatform.villager());
        assertEquals(1, terminal.outbox().pending().size());
        FlushResult r = VillageTerminalOffline.sendWhatWaits(terminal);
        assertEquals(1, r.sent().size());
        assertTrue(terminal.outbox().pending().isEmpty());
    }

    @Test
    void theRatingExampleRatesOnceAndUploadsADay() throws InterruptedException {
        OneWindowClient terminal = LocalPlatform.client("demo-terminal");
        String rated = cn.onewindow.sdk.it.EvaluationTest.delivered().id();
        String inBatch = cn.onewindow.sdk.it.EvaluationTest.delivered().id();
        cn.onewindow.sdk.model.Rating rating = cn.onewindow.sdk.model.Rating.builder().caseId(rated)
                .level(cn.onewindow.sdk.model.EvaluationLevel.SATISFIED)
                .channel(cn.onewindow.sdk.model.EvaluationChannel.TERMINAL).applicantConfirmation("5678").build();
        assertEquals(rated + "-E1", TerminalRating.rate(terminal, rating, "readme-" + rated).id());
        assertTrue(TerminalRating.rate(terminal, rating, "readme-" + rated).replayed());
        cn.onewindow.sdk.model.EvaluationBatchStatus s = TerminalRating.uploadDay(terminal,
                List.of(rating, rating.toBuilder().caseId(inBatch).build()));
        assertEquals(2, s.accepted(), "the first record repeats a stored rating: kept once, not refused");
        assertTrue(s.errors().isEmpty());
    }

    @Test
    void theSupervisorExampleReadsTheMonth() {
        LocalPlatform.client("demo-agent").cases().submit(NewCase.builder().itemCode(DemoData.ITEM_TREE_FELLING)
                .channel(Channel.VILLAGE_AGENT).applicant(LocalPlatform.villager()).materials(Material.of("M01"))
                .build());
        OneWindowClient supervisor = LocalPlatform.client("demo-supervisor");
        StatsReport r = SupervisorFigures.monthByItem(supervisor, DemoData.COUNTY_CENTER, YearMonth.of(2025, 4));
        SupervisorFigures.print(r);
        assertTrue(r.total().received() >= 1);
    }
}
