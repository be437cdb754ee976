package io.github.xianjie;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Money;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.report.PlanMetrics;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Plans;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real Wusu 2024 plans (第六部分 of the seed), with figures computed by hand:
 * central 79.71+79.71+1200+1000+349.58+375+376 = 3460; industry 79.71+79.71+1200+1000+376 = 2735.42,
 * 2735.42/3460 = 0.790583… → 0.7906; 粮棉果畜 (livestock) 79.71+1200 = 1279.71, 1279.71/2735.42 = 0.467829… → 0.4678.
 * Regional 380+632+380+385+386+300 = 2463; industry 632+385+386+300 = 1703, 1703/2463 = 0.691433… → 0.6914.
 */
class WusuFixtureTest {

    @Test
    void centralPlanFigures() {
        CountyPlan plan = Plans.read("fixtures/wusu-2024/central.json");
        Evaluation ev = Engines.evaluate(plan);
        assertEquals("3460", Money.sum(plan.getProjects().stream().map(p -> p.getAmount()).toList()).toPlainString());
        assertOutcome(ev, "AL-03", "plan", Outcome.PASS, "WARNING");
        assertEquals("3460", evidence(ev, "AL-03", "plan", "projectsTotal"));

        assertOutcome(ev, "IS-01", "plan", Outcome.PASS, "ERROR");
        assertEquals("2735.42", evidence(ev, "IS-01", "plan", "industryAmount"));
        assertEquals("0.7906", evidence(ev, "IS-01", "plan", "actual"));
        assertEquals("79.06%", evidence(ev, "IS-01", "plan", "actualPercent"));
        assertEquals("[C-1, C-2, C-3, C-4, C-7]", evidence(ev, "IS-01", "plan", "projects"));
        // the second reading: 3460 − 376 少数民族发展任务 = 3084; no project names its task, so all count: 2735.42 / 3084 = 88.70%
        assertEquals("3084", evidence(ev, "IS-01", "plan", "otherBaseAmount"));
        assertEquals("88.70%", evidence(ev, "IS-01", "plan", "otherBasePercent"));
        // 少数民族发展任务 376 万元: no project names the task (C-7 育苗基地 is 376 but does not say so) → UNDETERMINED
        assertEquals(List.of("projects[C-1,C-2,C-3,C-4,C-5,C-6,C-7].task"),
                assertOutcome(ev, "AL-07", "plan", Outcome.UNDETERMINED, "ERROR").missing());
        // 公示 2023-12-29, 乌财振〔2023〕9号 2023-12-29: the same day is not before
        assertOutcome(ev, "AL-08", "plan", Outcome.PASS, "WARNING");
        // the notice gives no budget subject per project (2130505 is the allocation's budget line, to be detailed to the
        // 项 once the year starts): PM-14 is UNDETERMINED naming 支出科目, never a WARNING on a subject the fixture made up;
        // PM-07 (21305 class) reads the allocation's 2130505 and passes
        for (String id : List.of("C-1", "C-2", "C-3", "C-4", "C-5", "C-6", "C-7")) {
            assertEquals(List.of("budgetSubject"), assertOutcome(ev, "PM-14", id, Outcome.UNDETERMINED, "WARNING").missing());
            assertOutcome(ev, "PM-07", id, Outcome.PASS, "WARNING");
        }
        // PM-06 cites the central plan's own notice (乌财振〔2023〕9号 三 "必须…公告公示"), not the regional one too
        assertEquals("新财规〔2021〕11号 第八条；乌财振〔2023〕9号 三", assertOutcome(ev, "PM-06", "C-1", Outcome.PASS, "ERROR").source());

        Result is02 = assertOutcome(ev, "IS-02", "plan", Outcome.FAIL, "WARNING");
        assertEquals("1279.71", evidence(ev, "IS-02", "plan", "chainAmount"));
        assertEquals("0.4678", evidence(ev, "IS-02", "plan", "actual"));
        assertEquals("1778.023", evidence(ev, "IS-02", "plan", "limitAmount"));   // 0.65 × 2735.42
        assertEquals("[C-2, C-3]", evidence(ev, "IS-02", "plan", "projects"));
        assertEquals("塔地财振〔2023〕11号 (二)；乌财振〔2023〕9号 二", is02.source());   // central plan: central notices only

        assertOutcome(ev, "AF-01", "plan", Outcome.PASS, "ERROR");
        assertEquals(List.of("projects[C-1,C-2,C-3,C-4,C-5,C-6,C-7].villageType"),
                assertOutcome(ev, "CP-01", "plan", Outcome.UNDETERMINED, null).missing());
        assertEquals("0.7906", PlanMetrics.of(plan).get("industryShare"));
        assertEquals("0.4678", PlanMetrics.of(plan).get("chainShareOfIndustry"));
        assertFalse(ev.hasErrors());
    }

    @Test
    void centralPlanNoProjectHitsTheNegativeList() {
        Evaluation ev = Engines.evaluate(Plans.read("fixtures/wusu-2024/central.json"));
        for (Result r : ev.results()) {
            if (r.ruleId().startsWith("NL-")) {
                assertEquals(Outcome.PASS, r.outcome(), r.ruleId() + " " + r.subject() + ": " + r.message());
            }
        }
    }

    @Test
    void centralPlanUnder2023MeasuresNeedsOnlyFiftyPercentAndNoChainShare() {
        Evaluation ev = Engines.evaluate(Plans.read("fixtures/wusu-2024/central.json"), 2023);
        assertEquals("0.5", evidence(ev, "IS-01", "plan", "limit"));
        assertOutcome(ev, "IS-02", "plan", Outcome.NOT_APPLICABLE, null);
    }

    @Test
    void regionalPlanFigures() {
        CountyPlan plan = Plans.read("fixtures/wusu-2024/regional.json");
        Evaluation ev = Engines.evaluate(plan);
        assertOutcome(ev, "AL-03", "plan", Outcome.PASS, null);
        assertEquals("2463", evidence(ev, "AL-03", "plan", "projectsTotal"));
        assertOutcome(ev, "IS-01", "plan", Outcome.NOT_APPLICABLE, null);
        assertOutcome(ev, "IS-02", "plan", Outcome.FAIL, "WARNING");
        assertEquals("0", evidence(ev, "IS-02", "plan", "chainAmount"));
        assertEquals("1703", evidence(ev, "IS-02", "plan", "industryAmount"));
        assertEquals("0.6914", PlanMetrics.of(plan).get("industryShare"));
        // 公示 2023-12-29 before the county's own 乌财振〔2024〕1号 of 2024-01-17: a date anomaly (#8 item 9)
        Result al08 = assertOutcome(ev, "AL-08", "plan", Outcome.FAIL, "WARNING");
        assertEquals("2023-12-29", al08.evidence().get("noticedOn"));
        assertEquals("2024-01-17", al08.evidence().get("issuedOn"));
        assertEquals("乌财振〔2024〕1号", al08.evidence().get("documentNo"));
        assertEquals("[R-1, R-2, R-3, R-4, R-5, R-6]", String.valueOf(al08.evidence().get("projects")));
        assertOutcome(ev, "AL-07", "plan", Outcome.NOT_APPLICABLE, null);   // tasks: 巩固拓展 2463 only
        assertEquals(0, new BigDecimal("2463").compareTo(plan.getAllocationAmount()));
    }

    @Test
    void namesOnlyPlanInfersTheSameIndustryShareFromNames() {
        CountyPlan plan = Plans.read("fixtures/wusu-2024/central-names-only.json");
        Evaluation ev = Engines.evaluate(plan);
        // No fee in a names-only JSON: AF-01 and AL-03 cannot be decided, but the shares come from names.
        assertOutcome(ev, "AF-01", "plan", Outcome.UNDETERMINED, null);
        assertOutcome(ev, "IS-01", "plan", Outcome.PASS, "ERROR");
        assertEquals("0.7906", evidence(ev, "IS-01", "plan", "actual"));
        assertEquals("INDUSTRY", ev.plan().getProjects().get(0).inferenceFor("category").value());
    }
}
