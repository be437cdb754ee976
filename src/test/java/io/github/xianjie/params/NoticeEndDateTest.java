package io.github.xianjie.params;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static io.github.xianjie.support.Plans.classified;
import static io.github.xianjie.support.Plans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Outcomes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Parameters end when their instrument ends (issue 8 item 3): the 65% of 塔地财振〔2023〕11号 (ERROR), the 65% 粮棉果畜
 * share and the 30 days come from notices about 2024 funds ({@code until: 2024-12-31}); a 2025 plan falls back to the
 * Measures' 50% (WARNING, 新财规〔2021〕11号 第三条(二)1) and the report names the notice that is not loaded. A bureau
 * loads its 2025 notice as a parameter file (fixtures/profiles/notice-2025). Also item 11: IS-02 cites the notices of
 * the plan's own fund.
 */
class NoticeEndDateTest {
    private static final ParameterSet BASE = ParameterSet.load(Path.of("rules"));

    /** Livestock industry {@code industry} of 10000, the rest infrastructure. */
    private static CountyPlan share(int year, FundSource fund, String industry) {
        String rest = new java.math.BigDecimal("10000").subtract(new java.math.BigDecimal(industry)).toPlainString();
        return plan(year, fund, "10000", "0",
                classified("IND", industry, Category.INDUSTRY, IndustryChain.LIVESTOCK, VillageType.POVERTY_EXITED),
                classified("INF", rest, Category.INFRASTRUCTURE, null, VillageType.POVERTY_EXITED));
    }

    @Test
    void a2025PlanAt6499IsMeasuredAgainstTheMeasuresFiftyPercent() {
        Evaluation ev = Engines.evaluate(share(2025, FundSource.CENTRAL, "6499"));
        assertOutcome(ev, "IS-01", "plan", Outcome.PASS, null);     // 64.99% ≥ 50%; under 2024 it is an ERROR
        assertEquals("0.5", evidence(ev, "IS-01", "plan", "limit"));
        assertTrue(evidence(ev, "IS-01", "plan", "notLoaded").contains("未载入 2025 年的通知"));
        assertEquals("新财规〔2021〕11号 第三条(二)1", Outcomes.result(ev, "IS-01", "plan").source());
    }

    @Test
    void a2025PlanBelowFiftyPercentIsAWarningNamingTheMissingNotice() {
        Evaluation ev = Engines.evaluate(share(2025, FundSource.CENTRAL, "4999.99"));
        Result is01 = assertOutcome(ev, "IS-01", "plan", Outcome.FAIL, "WARNING");
        assertEquals("0.5", evidence(ev, "IS-01", "plan", "limit"));
        assertEquals("5000", evidence(ev, "IS-01", "plan", "limitAmount"));   // 0.50 × 10000
        assertTrue(is01.message().contains("塔地财振〔2023〕11号 (二)"), is01.message());
        assertTrue(is01.message().contains("未载入 2025 年的通知"), is01.message());
        assertTrue(!ev.hasErrors());
    }

    @Test
    void noticeOnlyParametersAreUndeterminedNotAbsentIn2025() {
        Evaluation ev = Engines.evaluate(share(2025, FundSource.CENTRAL, "6500"));
        Result is02 = assertOutcome(ev, "IS-02", "plan", Outcome.UNDETERMINED, null);
        assertTrue(is02.message().contains("未载入 2025 年的通知"), is02.message());
        assertEquals("2025 年的通知：产业发展资金中用于粮棉果畜产业的最低比例（参数文件 parameters/industry-share/chain-minimum.yaml）", is02.missing().get(0));
        assertOutcome(ev, "PM-13", "plan", Outcome.UNDETERMINED, null);
        // the lapsed instruments are the 2024 notices only: the Measures (新财规〔2021〕11号), still in force, are not named;
        // the parameter is named in words, its id only as a detail
        Result is01 = ev.results().stream().filter(r -> r.ruleId().equals("IS-01") && r.subject().equals("plan")).findFirst().orElseThrow();
        assertTrue(is01.message().contains("（塔地财振〔2023〕11号 (二)；乌财振〔2023〕9号 二 只适用于至 2024-12-31 的资金；未载入 2025 年的通知"
                + "（年度到县中央衔接资金用于产业发展的最低比例，参数 industry-share.minimum），适用办法原值）"), is01.message());
    }

    @Test
    void the2024NoticeStillAppliesIn2024() {
        Evaluation ev = Engines.evaluate(share(2024, FundSource.CENTRAL, "6499"));
        assertOutcome(ev, "IS-01", "plan", Outcome.FAIL, "ERROR");
        assertEquals("0.65", evidence(ev, "IS-01", "plan", "limit"));
        assertEquals(null, evidence(ev, "IS-01", "plan", "notLoaded"));
    }

    @Test
    void aBureauLoadsIts2025NoticeAsAParameterFile() {
        ParameterSet withNotice = BASE.overlay(ParameterSet.loadProfile(Path.of("fixtures/profiles/notice-2025"), BASE));
        Evaluation ev = Engines.engine().evaluate(share(2025, FundSource.CENTRAL, "5999.99"), withNotice,
                RuleEngine.referenceDate(2025));
        Result is01 = assertOutcome(ev, "IS-01", "plan", Outcome.FAIL, "ERROR");
        assertEquals("0.6", evidence(ev, "IS-01", "plan", "limit"));
        assertEquals("6000", evidence(ev, "IS-01", "plan", "limitAmount"));
        assertEquals(null, evidence(ev, "IS-01", "plan", "notLoaded"));
        assertTrue(is01.source().contains("示例地财振〔2024〕99号"), is01.source());
        // 2026: that notice ends too, back to 50% and the note names 2026
        Evaluation later = Engines.engine().evaluate(share(2026, FundSource.CENTRAL, "5999.99"), withNotice,
                RuleEngine.referenceDate(2026));
        assertOutcome(later, "IS-01", "plan", Outcome.PASS, null);
        assertTrue(evidence(later, "IS-01", "plan", "notLoaded").contains("未载入 2026 年的通知"));
    }

    @Test
    void regionalIs02CitesTheRegionalNoticesOnly() {
        Evaluation ev = Engines.evaluate(share(2024, FundSource.REGIONAL, "6000"));
        assertEquals("塔地财振〔2023〕13号 (二)；乌财振〔2024〕1号 二", Outcomes.result(ev, "IS-02", "plan").source());
        Evaluation central = Engines.evaluate(share(2024, FundSource.CENTRAL, "6500"));
        assertEquals("塔地财振〔2023〕11号 (二)；乌财振〔2023〕9号 二", Outcomes.result(central, "IS-02", "plan").source());
    }

    @Test
    void anEndDateBeforeItsStartIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> ParameterSet.parse("x", "x.yaml",
                "description: d\nunit: fraction\nreference: r\nvalues:\n  2024-01-01:\n    value: 0.5\n    until: 2023-12-31\n"));
        assertTrue(e.getMessage().contains("早于生效日期"), e.getMessage());
    }

    @Test
    void a2023UndeterminedIndustryShareCarriesThe2023Severity() {
        // no allocation amount: IS-01 cannot be computed; its severity is the one in force (原则上 → WARNING), not ERROR
        CountyPlan p = share(2023, FundSource.CENTRAL, "4000");
        p.allocation = null;
        Evaluation ev = Engines.evaluate(p);
        assertOutcome(ev, "IS-01", "plan", Outcome.UNDETERMINED, "WARNING");
        CountyPlan q = share(2024, FundSource.CENTRAL, "4000");
        q.allocation = null;
        assertOutcome(Engines.evaluate(q), "IS-01", "plan", Outcome.UNDETERMINED, "ERROR");
    }

    @Test
    void theReadingOfFruitIsStatedAndAProfileMayChooseTheBroadOne() {
        // Wusu 2024 central: narrow 1279.71 / 2735.42 = 46.78%; broad adds 辣椒烘干厂 C-4 1000: 2279.71 / 2735.42 = 83.34%
        CountyPlan wusu = io.github.xianjie.support.Plans.read("fixtures/wusu-2024/central.json");
        Evaluation narrow = Engines.evaluate(wusu);
        assertOutcome(narrow, "IS-02", "plan", Outcome.FAIL, "WARNING");
        assertTrue(evidence(narrow, "IS-02", "plan", "fruitReading").startsWith("窄读"));
        assertEquals("83.34%", evidence(narrow, "IS-02", "plan", "otherReadingPercent"));
        ParameterSet broad = BASE.overlay(ParameterSet.loadProfile(Path.of("fixtures/profiles/fruit-broad"), BASE));
        Evaluation ev = Engines.engine().evaluate(io.github.xianjie.support.Plans.read("fixtures/wusu-2024/central.json"), broad,
                RuleEngine.referenceDate(2024));
        assertOutcome(ev, "IS-02", "plan", Outcome.PASS, "WARNING");
        assertEquals("2279.71", evidence(ev, "IS-02", "plan", "chainAmount"));
        assertEquals("0.8334", evidence(ev, "IS-02", "plan", "actual"));
        assertEquals("[C-2, C-3, C-4]", evidence(ev, "IS-02", "plan", "projects"));
        assertEquals("46.78%", evidence(ev, "IS-02", "plan", "otherReadingPercent"));
    }
}
