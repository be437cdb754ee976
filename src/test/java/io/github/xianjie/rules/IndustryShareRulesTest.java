package io.github.xianjie.rules;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static io.github.xianjie.support.Plans.classified;
import static io.github.xianjie.support.Plans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.support.Engines;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules/industry-share.drl — IS-01 (central funds to industry ≥ 50% WARNING to 2023, ≥ 65% ERROR from 2024;
 * 新财规〔2021〕11号 第三条(二)1, 塔地财振〔2023〕11号) and IS-02 (粮棉果畜 ≥ 65% of industry, WARNING, from 2024).
 */
class IndustryShareRulesTest {

    /** Industry (livestock) of {@code industry}, the rest of 10000 infrastructure. */
    private static Evaluation share(int year, FundSource fund, String industry) {
        String rest = new BigDecimal("10000").subtract(new BigDecimal(industry)).toPlainString();
        return Engines.evaluate(plan(year, fund, "10000", "0",
                classified("IND", industry, Category.INDUSTRY, IndustryChain.LIVESTOCK, VillageType.POVERTY_EXITED),
                classified("INF", rest, Category.INFRASTRUCTURE, null, VillageType.POVERTY_EXITED)));
    }

    @ParameterizedTest(name = "{0} central, industry {1} of 10000 → {2} {3}")
    @CsvSource({
            "2024, 6500,    PASS, ERROR",   // exactly 65.00%
            "2024, 6499.99, FAIL, ERROR",   // one hundredth of a 万元 under
            "2024, 6499,    FAIL, ERROR",   // 64.99%
            "2023, 6499,    PASS, WARNING", // 2023: 50%
            "2023, 5000,    PASS, WARNING", // exactly 50%
            "2023, 4999.99, FAIL, WARNING", // 原则上 → WARNING before 2024
            "2021, 4999.99, FAIL, WARNING",
    })
    void is01ByYear(int year, String industry, Outcome outcome, String severity) {
        assertOutcome(share(year, FundSource.CENTRAL, industry), "IS-01", "plan", outcome,
                outcome == Outcome.FAIL ? severity : "ERROR".equals(severity) ? "ERROR" : null);
    }

    @Test
    void is01CitesTheParameterInForce() {
        Evaluation ev = share(2024, FundSource.CENTRAL, "6499");
        assertEquals("0.6499", evidence(ev, "IS-01", "plan", "actual"));
        assertEquals("0.65", evidence(ev, "IS-01", "plan", "limit"));
        assertEquals("6500", evidence(ev, "IS-01", "plan", "limitAmount"));
        assertEquals("[IND]", evidence(ev, "IS-01", "plan", "projects"));
        @SuppressWarnings("unchecked")
        var param = (java.util.Map<String, Object>) io.github.xianjie.support.Outcomes.result(ev, "IS-01", "plan").evidence().get("parameter");
        assertEquals("2024-01-01", param.get("effectiveFrom"));
    }

    @Test
    void is01DoesNotApplyToRegionalFunds() {
        assertOutcome(share(2024, FundSource.REGIONAL, "100"), "IS-01", "plan", Outcome.NOT_APPLICABLE, null);
    }

    @Test
    void is01UnknownCategoriesAreUndeterminedUnlessTheKnownPartAlreadyPasses() {
        var unknown = io.github.xianjie.support.Plans.project("X", "某项目", "3500", p -> { });
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "10000", "0",
                classified("IND", "6500", Category.INDUSTRY, IndustryChain.GRAIN, VillageType.POVERTY_EXITED), unknown));
        assertOutcome(ev, "IS-01", "plan", Outcome.PASS, null);
        ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "10000", "0",
                classified("IND", "6000", Category.INDUSTRY, IndustryChain.GRAIN, VillageType.POVERTY_EXITED),
                io.github.xianjie.support.Plans.project("X", "某项目", "4000", p -> { })));
        assertEquals(List.of("projects[X].category"),
                assertOutcome(ev, "IS-01", "plan", Outcome.UNDETERMINED, null).missing());
    }

    @ParameterizedTest(name = "chain {0} of industry 10000 → {1}")
    @CsvSource({
            "6500,    PASS",
            "6499.99, FAIL",
            "10000,   PASS",
            "0,       FAIL",
    })
    void is02ChainShareOfIndustry(String chain, Outcome outcome) {
        String other = new BigDecimal("10000").subtract(new BigDecimal(chain)).toPlainString();
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.REGIONAL, "10000", "0",
                classified("FRUIT", chain, Category.INDUSTRY, IndustryChain.FRUIT, VillageType.POVERTY_EXITED),
                classified("CHILI", other, Category.INDUSTRY, IndustryChain.OTHER, VillageType.POVERTY_EXITED)));
        assertOutcome(ev, "IS-02", "plan", outcome, outcome == Outcome.FAIL ? "WARNING" : null);
    }

    @Test
    void is02AppliesFrom2024Only() {
        assertOutcome(share(2023, FundSource.CENTRAL, "6000"), "IS-02", "plan", Outcome.NOT_APPLICABLE, null);
    }

    @Test
    void is02JustifiedAtPlanLevelBecomesInfo() {
        var p = plan(2024, FundSource.CENTRAL, "10000", "0",
                classified("CHILI", "10000", Category.INDUSTRY, IndustryChain.OTHER, VillageType.POVERTY_EXITED));
        p.justifications.put("IS-02", "本县辣椒产业为主导产业，经地区乡村振兴局同意");
        var r = assertOutcome(Engines.evaluate(p), "IS-02", "plan", Outcome.FAIL, "INFO");
        assertEquals("本县辣椒产业为主导产业，经地区乡村振兴局同意", r.evidence().get("justification"));
    }

    @Test
    void is02UndeterminedNamesProjectsWithoutChain() {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "10000", "0",
                classified("A", "5000", Category.INDUSTRY, null, VillageType.POVERTY_EXITED),
                classified("B", "5000", Category.INDUSTRY, IndustryChain.COTTON, VillageType.POVERTY_EXITED)));
        assertEquals(List.of("projects[A].industryChain"),
                assertOutcome(ev, "IS-02", "plan", Outcome.UNDETERMINED, null).missing());
    }

    @Test
    void is01FailsWhenEvenEveryUnclassifiedProjectCouldNotReachTheMinimum() {
        // known industry 5000 + unclassified 1000 = 6000 < 6500 of 10000: fails whatever the unknown project is
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "10000", "0",
                classified("IND", "5000", Category.INDUSTRY, IndustryChain.GRAIN, VillageType.POVERTY_EXITED),
                classified("INF", "4000", Category.INFRASTRUCTURE, null, VillageType.POVERTY_EXITED),
                io.github.xianjie.support.Plans.project("X", "某项目", "1000", p -> { })));
        assertOutcome(ev, "IS-01", "plan", Outcome.FAIL, "ERROR");
        assertEquals("1000", evidence(ev, "IS-01", "plan", "unclassifiedAmount"));
    }

    @Test
    void aProjectOnTheNegativeListDoesNotCountAsIndustry() {
        // 6000 genuine industry + 1000 "industry" that sets up a fund (NL-10): 60% < 65%
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "10000", "0",
                classified("IND", "6000", Category.INDUSTRY, IndustryChain.GRAIN, VillageType.POVERTY_EXITED),
                io.github.xianjie.support.Plans.project("FUND", "某县设立乡村振兴产业发展基金", "1000", p -> {
                    p.category = Category.INDUSTRY;
                    p.industryChain = IndustryChain.GRAIN;
                }),
                classified("INF", "3000", Category.INFRASTRUCTURE, null, VillageType.POVERTY_EXITED)));
        assertOutcome(ev, "NL-10", "FUND", Outcome.FAIL, "ERROR");
        assertOutcome(ev, "IS-01", "plan", Outcome.FAIL, "ERROR");
        assertEquals("6000", evidence(ev, "IS-01", "plan", "industryAmount"));
        assertEquals("[FUND]", evidence(ev, "IS-01", "plan", "excluded"));
    }

    @ParameterizedTest(name = "chain {0}, other industry {1}, unclassified {2} → {3}")
    @CsvSource({
            "6500, 2500, 1000, PASS",          // lowest possible 6500/10000 = 65%
            "6499, 2500, 1000, UNDETERMINED",  // lowest 64.99%, highest 74.99%
            "5000, 4000, 1000, FAIL",          // highest (5000+1000)/10000 = 60%
    })
    void is02IsBoundedByTheUnclassifiedProjects(String chain, String other, String unknown, Outcome outcome) {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.REGIONAL, "20000", "0",
                classified("FRUIT", chain, Category.INDUSTRY, IndustryChain.FRUIT, VillageType.POVERTY_EXITED),
                classified("CHILI", other, Category.INDUSTRY, IndustryChain.OTHER, VillageType.POVERTY_EXITED),
                io.github.xianjie.support.Plans.project("X", "某项目", unknown, p -> { })));
        assertOutcome(ev, "IS-02", "plan", outcome, null);
    }

    // ---- #8 item 2: what M 第三条(二)1 counts, and the two bases ----

    @ParameterizedTest(name = "{1} ({0}) counts towards IS-01")
    @CsvSource({
            "CREDIT_SUBSIDY,  某乡脱贫户小额信贷贴息",
            "INFRASTRUCTURE,  某村产业路建设项目",
            "EMPLOYMENT,      某村帮扶车间建设项目",
            "ETHNIC_MINORITY, 某乡少数民族特色产业发展项目",
    })
    void industryIncludesWhatTheMeasuresCount(Category category, String name) {
        // 6000 livestock + 500 of the kind = 6500 of 10000: exactly 65%, PASS; without it 60% would FAIL
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "10000", "0",
                classified("IND", "6000", Category.INDUSTRY, IndustryChain.LIVESTOCK, VillageType.POVERTY_EXITED),
                io.github.xianjie.support.Plans.project("X", name, "500", p -> p.category = category),
                classified("INF", "3500", Category.INFRASTRUCTURE, null, VillageType.POVERTY_EXITED)));
        assertOutcome(ev, "IS-01", "plan", Outcome.PASS, "ERROR");
        assertEquals("6500", evidence(ev, "IS-01", "plan", "industryAmount"));
        assertEquals("[IND, X]", evidence(ev, "IS-01", "plan", "projects"));
    }

    @Test
    void aPlainRoadDoesNotCount() {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "10000", "0",
                classified("IND", "6000", Category.INDUSTRY, IndustryChain.LIVESTOCK, VillageType.POVERTY_EXITED),
                io.github.xianjie.support.Plans.project("X", "某村村内道路硬化项目", "4000", p -> p.category = Category.INFRASTRUCTURE)));
        assertOutcome(ev, "IS-01", "plan", Outcome.FAIL, "ERROR");
        assertEquals("6000", evidence(ev, "IS-01", "plan", "industryAmount"));
    }

    /** 和布克赛尔县 (塔地财振〔2023〕11号 附件1 row 3): 4143 = 巩固拓展 2393 + 以工代赈 1261 + 少数民族发展 489. */
    private static io.github.xianjie.domain.CountyPlan hoboksar(boolean ethnicIndustry) {
        var plan = plan(2024, FundSource.CENTRAL, null, "0",
                classified("H-1", "2393", Category.INDUSTRY, IndustryChain.LIVESTOCK, VillageType.POVERTY_EXITED),
                io.github.xianjie.support.Plans.project("H-2", "和布克赛尔县村组道路建设项目（以工代赈资金）", "1261", p -> p.category = Category.INFRASTRUCTURE),
                io.github.xianjie.support.Plans.project("H-3", ethnicIndustry ? "蒙古族刺绣特色产业发展项目（少数民族发展资金）" : "民族村寨文化广场项目（少数民族发展资金）",
                        "489", p -> p.category = Category.ETHNIC_MINORITY));
        plan.allocation = new io.github.xianjie.domain.Allocation(new BigDecimal("4143"), null, null, null, null,
                java.util.Map.of(io.github.xianjie.domain.Task.CONSOLIDATION, new BigDecimal("2393"),
                        io.github.xianjie.domain.Task.WORK_FOR_RELIEF, new BigDecimal("1261"),
                        io.github.xianjie.domain.Task.ETHNIC_MINORITY, new BigDecimal("489")));
        return plan;
    }

    @Test
    void hoboksarPutsAllItsConsolidationFundsIntoLivestockAndDoesNotFail() {
        // the text's base: (2393 + 489) / 4143 = 0.695631… → 69.56%; the second reading: 2393 / (4143 − 1261 − 489) = 100%
        Evaluation ev = Engines.evaluate(hoboksar(true));
        assertOutcome(ev, "IS-01", "plan", Outcome.PASS, "ERROR");
        assertEquals("2882", evidence(ev, "IS-01", "plan", "industryAmount"));
        assertEquals("0.6956", evidence(ev, "IS-01", "plan", "actual"));
        assertEquals("2393", evidence(ev, "IS-01", "plan", "otherBaseAmount"));
        assertEquals("100.00%", evidence(ev, "IS-01", "plan", "otherBasePercent"));
        // without the ethnic industry project the text's base gives 2393 / 4143 = 57.76% (the figure): FAIL,
        // and the evidence shows the second reading beside it
        ev = Engines.evaluate(hoboksar(false));
        assertOutcome(ev, "IS-01", "plan", Outcome.FAIL, "ERROR");
        assertEquals("0.5776", evidence(ev, "IS-01", "plan", "actual"));
        assertEquals("100.00%", evidence(ev, "IS-01", "plan", "otherBasePercent"));
    }

    @Test
    void aProfileMayChooseTheBaseLessTaskFundsAndIsCited() {
        var params = io.github.xianjie.support.Engines.engine().ruleset().parameters().overlay(
                io.github.xianjie.params.ParameterSet.loadProfile(java.nio.file.Path.of("fixtures/profiles/base-less-tasks"),
                        io.github.xianjie.support.Engines.engine().ruleset().parameters()));
        Evaluation ev = Engines.engine().evaluate(hoboksar(false), params, io.github.xianjie.engine.RuleEngine.referenceDate(2024));
        var r = assertOutcome(ev, "IS-01", "plan", Outcome.PASS, "ERROR");
        assertEquals("2393", evidence(ev, "IS-01", "plan", "allocation"));
        assertEquals("1.0000", evidence(ev, "IS-01", "plan", "actual"));
        assertEquals("57.76%", evidence(ev, "IS-01", "plan", "otherBasePercent"));
        org.junit.jupiter.api.Assertions.assertTrue(r.source().contains("地方配置 base-less-tasks："), r.source());
    }

    // ---- #8 item 9: IS-03 逐年提高 ----

    @ParameterizedTest(name = "last year {0}, this year {1} of 10000 → {2}")
    @CsvSource({"0.70, 7001, PASS", "0.70, 7000, FAIL", "0.70, 6999, FAIL"})
    void is03RisesStrictly(String previous, String industry, Outcome outcome) {
        var plan = plan(2024, FundSource.CENTRAL, "10000", "0",
                classified("IND", industry, Category.INDUSTRY, IndustryChain.LIVESTOCK, VillageType.POVERTY_EXITED),
                classified("INF", new BigDecimal("10000").subtract(new BigDecimal(industry)).toPlainString(), Category.INFRASTRUCTURE, null, VillageType.POVERTY_EXITED));
        plan.previousIndustryShare = new BigDecimal(previous);
        assertOutcome(Engines.evaluate(plan), "IS-03", "plan", outcome, "WARNING");
    }

    @Test
    void is03WithoutLastYearIsUndeterminedAndRegionalNotApplicable() {
        assertEquals(List.of("previousIndustryShare"),
                assertOutcome(share(2024, FundSource.CENTRAL, "7000"), "IS-03", "plan", Outcome.UNDETERMINED, "WARNING").missing());
        assertOutcome(share(2024, FundSource.REGIONAL, "7000"), "IS-03", "plan", Outcome.NOT_APPLICABLE, null);
    }
}
