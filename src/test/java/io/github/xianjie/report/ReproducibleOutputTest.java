package io.github.xianjie.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.input.PlanFacts;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.support.Engines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproducible workpapers: every plan fixture (the Wusu plans and notice tables, the acceptance plans and every
 * case under {@code fixtures/cases/}) read, evaluated and written twice gives byte-identical JSON reports and
 * XLSX workpapers — no timestamp, no map order, no run-dependent ZIP time.
 */
class ReproducibleOutputTest {
    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> cases = io.github.xianjie.support.Case.files().stream();
             Stream<Path> wusu = Files.list(Path.of("fixtures", "wusu-2024"));
             Stream<Path> acceptance = Files.list(Path.of("fixtures", "acceptance"))) {
            List<Path> all = Stream.of(cases, wusu, acceptance).flatMap(s -> s)
                    .filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".meta.json")
                            || p.toString().endsWith("-notice.csv") || p.toString().endsWith("-notice.xlsx"))
                    .sorted().toList();
            return all.stream();
        }
    }

    private static PlanFacts facts(Path p) {
        if (p.toString().endsWith(".json")) {
            return PlanFacts.NONE;
        }
        String base = p.getFileName().toString().replaceAll("\\.(csv|xlsx)$", "");
        return PlanFacts.fromOptions(null, null, null, null, null, null, p.resolveSibling(base + ".meta.json"), null);
    }

    private static byte[][] once(Path p) throws IOException {
        boolean isCase = p.startsWith(io.github.xianjie.support.Case.ROOT);
        io.github.xianjie.support.Case c = isCase ? io.github.xianjie.support.Case.load(p) : null;
        CountyPlan plan = isCase ? c.plan() : PlanReaders.read(p, facts(p));
        int year = isCase ? c.measuresYear() : plan.getYear();
        RuleEngine e = Engines.engine();
        Evaluation ev = e.evaluate(plan, e.ruleset().parameters(), RuleEngine.referenceDate(year));
        Report report = Report.of(ev, e.ruleset(), p.toString(), "0", year, null);
        ByteArrayOutputStream zh = new ByteArrayOutputStream();
        WorkpaperWriter.write(report, false, zh);
        return new byte[][] {JsonReportWriter.write(report).getBytes(StandardCharsets.UTF_8), zh.toByteArray()};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void twoRunsAreByteIdentical(Path fixture) throws Exception {
        byte[][] a = once(fixture);
        if (fixture.equals(Path.of("fixtures", "wusu-2024", "central.json"))) {
            Thread.sleep(2100); // across a ZIP time step (2 s): an entry time or creation timestamp would differ
        }
        byte[][] b = once(fixture);
        assertArrayEquals(a[0], b[0], fixture + ": JSON report differs");
        assertArrayEquals(a[1], b[1], fixture + ": workpaper (zh) differs");
        assertTrue(a[1].length > 1000, "a workpaper was written");
    }
}
