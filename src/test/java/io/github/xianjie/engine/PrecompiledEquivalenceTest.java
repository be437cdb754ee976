package io.github.xianjie.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.input.PlanFacts;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.report.JsonReportWriter;
import io.github.xianjie.report.Report;
import io.github.xianjie.support.Case;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules precompiled into the build (executable model) and the same DRL compiled at run time
 * ({@code --rules rules/}) give byte-identical JSON reports on every fixture plan: the Wusu plans and
 * notice tables, the acceptance plans and every case under fixtures/cases/.
 */
class PrecompiledEquivalenceTest {
    private static Ruleset rules;
    private static RuleEngine precompiled;
    private static RuleEngine compiled;

    @BeforeAll
    static void build() {
        rules = Ruleset.load(Path.of("rules"));
        precompiled = RuleEngine.build(rules);
        compiled = RuleEngine.compile(rules);
    }

    @Test
    void theCheckoutsRulesStartFromTheModelCompiledIntoTheBuild() {
        assertNotNull(Precompiled.drlSha256(), "the build wrote no xianjie-model/model.properties");
        assertEquals(Precompiled.drlSha256(), Ruleset.drlDigest(rules.drl()));
        assertTrue(precompiled.precompiled());
        assertFalse(compiled.precompiled());
        assertEquals(compiled.rules().stream().map(r -> r.getName()).toList(),
                precompiled.rules().stream().map(r -> r.getName()).toList());
    }

    @Test
    void editedDrlIsCompiledAtRunTimeButEditedDataIsNot(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("rules");
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Path t = copy.resolve(Path.of("rules").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        Path kw = copy.resolve(RulesetData.FEE_USES);
        Files.writeString(kw, Files.readString(kw, StandardCharsets.UTF_8) + "PERMITTED,宣传,测试,\n", StandardCharsets.UTF_8);
        assertTrue(RuleEngine.build(Ruleset.load(copy)).precompiled(), "keyword data is not DRL: no recompile");
        Path drl = copy.resolve("allocation.drl");
        Files.writeString(drl, Files.readString(drl, StandardCharsets.UTF_8) + "\n// edited\n", StandardCharsets.UTF_8);
        assertFalse(RuleEngine.build(Ruleset.load(copy)).precompiled(), "edited DRL must be compiled at run time");
    }

    record Fixture(String name, Path file, Case c) {
        @Override
        public String toString() {
            return name;
        }

        CountyPlan plan() throws IOException {
            if (c != null) {
                return Case.load(c.file()).plan();
            }
            String n = file.getFileName().toString();
            if (n.endsWith(".json")) {
                return PlanReaders.read(file);
            }
            Path meta = file.resolveSibling(n.substring(0, n.lastIndexOf('.')) + ".meta.json");
            return PlanReaders.read(file, PlanFacts.fromOptions(null, null, null, null, null, null, meta, null));
        }

        int measuresYear(CountyPlan p) {
            return c != null ? c.measuresYear() : p.getYear();
        }
    }

    static List<Fixture> fixtures() throws IOException {
        List<Fixture> out = new ArrayList<>();
        for (String f : List.of("wusu-2024/central.json", "wusu-2024/regional.json", "wusu-2024/central-names-only.json",
                "wusu-2024/regional-names-only.json", "wusu-2024/central-notice.csv", "wusu-2024/regional-notice.xlsx",
                "acceptance/at-limits-2024-central.json", "acceptance/breaches-2024-central.json")) {
            out.add(new Fixture(f, Path.of("fixtures", f), null));
        }
        for (Path f : Case.files()) {
            out.add(new Fixture(Case.ROOT.relativize(f).toString(), f, Case.load(f)));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void bothPathsWriteTheSameJsonReport(Fixture f) throws IOException {
        assertEquals(json(compiled, f), json(precompiled, f), f.name());
    }

    private static String json(RuleEngine engine, Fixture f) throws IOException {
        CountyPlan plan = f.plan();
        int year = f.measuresYear(plan);
        Evaluation ev = engine.evaluate(plan, rules.parameters(), RuleEngine.referenceDate(year));
        assertFalse(ev.results().isEmpty());
        return JsonReportWriter.write(Report.of(ev, rules, f.file().toString(), "-", year, null));
    }
}
