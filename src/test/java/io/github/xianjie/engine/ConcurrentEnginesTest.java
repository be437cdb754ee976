package io.github.xianjie.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.ManagementFee;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.params.ParameterSet;
import io.github.xianjie.report.JsonReportWriter;
import io.github.xianjie.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No global mutable state: two engines over different rulesets (one with an extra permitted
 * management-fee use) and two profiles, evaluated at once from many threads, each give exactly the
 * report they give alone; one engine serves many threads.
 */
class ConcurrentEnginesTest {
    private static final Path PLAN = Path.of("fixtures/acceptance/breaches-2024-central.json");

    private static String report(RuleEngine engine, ParameterSet params) {
        CountyPlan plan = PlanReaders.read(PLAN);
        plan.managementFee = new ManagementFee(plan.getManagementFee().amount(), List.of("前期设计", "项目宣传费"));
        Evaluation ev = engine.evaluate(plan, params, RuleEngine.referenceDate(plan.getYear()));
        return JsonReportWriter.write(Report.of(ev, engine.ruleset(), PLAN.toString(), "-", plan.getYear(), null));
    }

    @Test
    void twoRulesetsAndTwoProfilesSideBySideInManyThreads(@TempDir Path dir) throws Exception {
        Ruleset base = Ruleset.load(Path.of("rules"));
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
        // The plan spends its management fee on publicity, which AF-02 refuses; the edited ruleset permits it.
        Path kw = copy.resolve(RulesetData.FEE_USES);
        Files.writeString(kw, Files.readString(kw, StandardCharsets.UTF_8) + "PERMITTED,宣传,test,\n", StandardCharsets.UTF_8);
        Ruleset edited = Ruleset.load(copy);
        RuleEngine a = RuleEngine.build(base);
        RuleEngine b = RuleEngine.build(edited);
        ParameterSet profile = base.parameters().overlay(
                ParameterSet.loadProfile(Path.of("fixtures/profiles/example-province"), base.parameters()));

        String aAlone = report(a, base.parameters());
        String aProfileAlone = report(a, profile);
        String bAlone = report(b, edited.parameters());
        assertNotEquals(aAlone, bAlone, "the edited word list must change AF-02");
        assertEquals(true, aAlone.contains("项目宣传费") && bAlone.contains("\"ruleId\" : \"AF-02\""));
        assertNotEquals(aAlone, aProfileAlone, "the profile must change a threshold");

        List<Callable<Boolean>> jobs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int k = i % 3;
            jobs.add(() -> switch (k) {
                case 0 -> report(a, base.parameters()).equals(aAlone);
                case 1 -> report(a, profile).equals(aProfileAlone);
                default -> report(b, edited.parameters()).equals(bAlone);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            int ok = 0;
            for (Future<Boolean> f : pool.invokeAll(jobs)) {
                ok += f.get() ? 1 : 0;
            }
            assertEquals(jobs.size(), ok, "every concurrent report equals the one computed alone");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(aAlone, report(a, base.parameters()), "engine A is unchanged after engine B was built");
    }
}
