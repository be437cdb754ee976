package io.github.xianjie.params;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.Allocation;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.ManagementFee;
import io.github.xianjie.domain.Task;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.input.PlanValidator;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Plans;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parameter files and jurisdiction profiles: dated values by fund, and a profile (fixtures/profiles/example-province)
 * with a 3% fee cap on provincial funds and a fee base that excludes 以工代赈 task funds, without touching the DRL.
 */
class ProfileTest {
    private static final ParameterSet BASE = ParameterSet.load(Path.of("rules"));
    private static final ParameterSet PROFILE = BASE.overlay(ParameterSet.loadProfile(Path.of("fixtures/profiles/example-province"), BASE));

    private static CountyPlan plan(FundSource fund, String fee, String workForRelief) {
        CountyPlan p = new CountyPlan();
        p.county = "示例县";
        p.year = 2024;
        p.fundSource = fund;
        Map<Task, BigDecimal> tasks = workForRelief == null ? Map.of()
                : Map.of(Task.CONSOLIDATION, new BigDecimal("1000").subtract(new BigDecimal(workForRelief)), Task.WORK_FOR_RELIEF, new BigDecimal(workForRelief));
        p.allocation = new Allocation(new BigDecimal("1000"), null, null, null, null, tasks);
        p.managementFee = new ManagementFee(new BigDecimal(fee), List.of("监理"));
        p.projects.add(Plans.project("P1", "某村肉牛养殖项目", new BigDecimal("1000").subtract(new BigDecimal(fee)).toPlainString(), x -> { }));
        PlanValidator.validate(p, "test");
        return p;
    }

    private static Evaluation evaluate(CountyPlan plan, ParameterSet params) {
        return Engines.engine().evaluate(plan, params, RuleEngine.referenceDate(2024));
    }

    @Test
    void baseProfileCapsTheFeeAtOnePercentForBothFunds() {
        assertOutcome(evaluate(plan(FundSource.REGIONAL, "30", null), BASE), "AF-01", "plan", Outcome.FAIL, "ERROR");
        assertOutcome(evaluate(plan(FundSource.REGIONAL, "10", null), BASE), "AF-01", "plan", Outcome.PASS, null);
    }

    @Test
    void theProfileAllowsThreePercentOnProvincialFundsOnly() {
        Evaluation ev = evaluate(plan(FundSource.REGIONAL, "30", null), PROFILE);
        assertOutcome(ev, "AF-01", "plan", Outcome.PASS, null);
        assertEquals("0.03", evidence(ev, "AF-01", "plan", "limit"));
        assertOutcome(evaluate(plan(FundSource.REGIONAL, "30.01", null), PROFILE), "AF-01", "plan", Outcome.FAIL, "ERROR");
        assertOutcome(evaluate(plan(FundSource.CENTRAL, "30", null), PROFILE), "AF-01", "plan", Outcome.FAIL, "ERROR");
    }

    @Test
    void theProfileExcludesWorkForReliefFundsFromTheFeeBase() {
        // base 1000 − 200 以工代赈 = 800; 1% of 800 = 8 on central funds
        assertOutcome(evaluate(plan(FundSource.CENTRAL, "8", "200"), PROFILE), "AF-01", "plan", Outcome.PASS, null);
        Evaluation ev = evaluate(plan(FundSource.CENTRAL, "8.01", "200"), PROFILE);
        assertOutcome(ev, "AF-01", "plan", Outcome.FAIL, "ERROR");
        assertEquals("800", evidence(ev, "AF-01", "plan", "allocation"));
        assertEquals("200", evidence(ev, "AF-01", "plan", "excludedWorkForRelief"));
        // the base profile keeps the whole allocation as the base
        assertOutcome(evaluate(plan(FundSource.CENTRAL, "10", "200"), BASE), "AF-01", "plan", Outcome.PASS, null);
    }

    @Test
    void datedValuesAreChosenByTheReferenceDate() {
        ParameterDefinition d = BASE.get("industry-share.minimum");
        assertEquals("0.50", d.resolve(LocalDate.of(2023, 12, 31), FundSource.CENTRAL).orElseThrow().value().toPlainString());
        assertEquals("0.65", d.resolve(LocalDate.of(2024, 1, 1), FundSource.CENTRAL).orElseThrow().value().toPlainString());
        assertTrue(d.resolve(LocalDate.of(2024, 1, 1), FundSource.REGIONAL).isEmpty());
        assertTrue(BASE.get("management-fee.cap").resolve(LocalDate.of(2021, 8, 4), FundSource.CENTRAL).isEmpty());
        assertTrue(BASE.get("management-fee.cap").resolve(LocalDate.of(2021, 8, 5), FundSource.CENTRAL).isPresent());
    }

    @Test
    void aMalformedParameterFileNamesTheFileAndKey() {
        ParameterException e = assertThrows(ParameterException.class, () -> ParameterSet.parse("x", "parameters/x.yaml",
                "description: d\nunit: fraction\nreference: r\nvalues:\n  2021-13-01:\n    value: 0.1\n"));
        assertTrue(e.getMessage().contains("parameters/x.yaml") && e.getMessage().contains("2021-13-01"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> ParameterSet.parse("x", "parameters/x.yaml",
                "description: d\nunit: fraction\nreference: r\nvalues:\n  2021-01-01:\n    value: abc\n"));
        assertTrue(e.getMessage().contains("value"), e.getMessage());
    }

    @Test
    void aFindingUnderAProfileCitesTheProfileForTheParameterItReplaced() {
        // fruit-broad replaces industry-share.fruit-reading: IS-02 cites the notices and the profile; AF-01 (not replaced) does not
        ParameterSet broad = BASE.overlay(ParameterSet.loadProfile(Path.of("fixtures/profiles/fruit-broad"), BASE));
        Evaluation ev = evaluate(Plans.read("fixtures/wusu-2024/central.json"), broad);
        String is02 = io.github.xianjie.support.Outcomes.result(ev, "IS-02", "plan").source();
        assertTrue(is02.startsWith("塔地财振〔2023〕11号 (二)；乌财振〔2023〕9号 二；地方配置 fruit-broad："), is02);
        assertEquals("新财规〔2021〕11号 第九条", io.github.xianjie.support.Outcomes.result(ev, "AF-01", "plan").source());
        // example-province replaces the fee cap: AF-01 cites the profile
        Evaluation fee = evaluate(plan(FundSource.REGIONAL, "30", null), PROFILE);
        assertTrue(io.github.xianjie.support.Outcomes.result(fee, "AF-01", "plan").source().contains("地方配置 example-province："),
                io.github.xianjie.support.Outcomes.result(fee, "AF-01", "plan").source());
    }
}
