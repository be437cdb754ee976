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
}
