package io.github.xianjie.domain;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.input.PlanValidator;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Plans;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batches and the year (issue 8 item 1): the shares of 新财规〔2021〕11号 第三条(二)1 and 第七条 are annual, so a single batch
 * is UNDETERMINED for IS-01/IS-02/CP-01, and the batches of one county, year and fund merge into the year
 * (fixtures/batches/example-2024-central: 400 + 900 industry of 1000 + 1000 = 65.00%).
 */
class PlanYearTest {
    private static final String DIR = "fixtures/batches/example-2024-central/";

    @Test
    void aSingleBatchShowsItsOwnFiguresButIsUndeterminedForTheYear() {
        Evaluation ev = Engines.evaluate(Plans.read(DIR + "1-first-batch.json"));
        Result is01 = assertOutcome(ev, "IS-01", "plan", Outcome.UNDETERMINED, "ERROR");
        assertEquals("400", evidence(ev, "IS-01", "plan", "industryAmount"));
        assertEquals("40.00%", evidence(ev, "IS-01", "plan", "actualPercent"));   // 400 / 1000
        assertTrue(is01.message().startsWith("单批次：年度比例须合并全年各批次"), is01.message());
        assertOutcome(ev, "IS-02", "plan", Outcome.UNDETERMINED, "WARNING");
        assertOutcome(ev, "CP-01", "plan", Outcome.UNDETERMINED, "ERROR");
        assertTrue(!ev.hasErrors());
    }

    @Test
    void theBatchesMergeIntoTheYearAndCiteEachDocument() {
        CountyPlan year = PlanYear.merge(List.of(Plans.read(DIR + "1-first-batch.json"), Plans.read(DIR + "2-second-batch.json")));
        PlanValidator.validate(year, "merged");
        assertNull(year.batch);
        assertEquals(0, new BigDecimal("2000").compareTo(year.getAllocationAmount()));
        assertEquals("第一批：示例财振〔2024〕1号；第二批：示例财振〔2024〕20号", year.allocation.documentNo());
        assertNull(year.allocation.issuedOn());   // the batches' notices differ
        assertEquals(List.of("第一批/1", "第一批/2", "第二批/1", "第二批/2"), year.projects.stream().map(Project::getSubject).toList());
        Evaluation ev = Engines.evaluate(year);
        assertOutcome(ev, "IS-01", "plan", Outcome.PASS, "ERROR");
        assertEquals("1300", evidence(ev, "IS-01", "plan", "industryAmount"));   // 400 + 900
        assertEquals("0.6500", evidence(ev, "IS-01", "plan", "actual"));         // 1300 / 2000, exactly the 2024 minimum
        assertEquals("[第一批（示例财振〔2024〕1号，1000 万元）, 第二批（示例财振〔2024〕20号，1000 万元）]",
                evidence(ev, "IS-01", "plan", "batches"));
        assertOutcome(ev, "IS-02", "plan", Outcome.PASS, "WARNING");
        assertOutcome(ev, "CP-01", "plan", Outcome.PASS, "ERROR");
    }

    @Test
    void plansOfDifferentCountiesDoNotMerge() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanYear.merge(List.of(
                Plans.read("fixtures/batches/mixed-counties/a.json"), Plans.read("fixtures/batches/mixed-counties/b.json"))));
        assertTrue(e.getMessage().contains("示例县 2024 年 中央 与 另一县 2024 年 中央"), e.getMessage());
    }

    @Test
    void theSameBatchGivenTwiceIsRefusedNotCountedTwice() {
        // the same 示例财振〔2024〕20号 under another file would double its 1000 万元 (3000 万元, 73.33%): refused
        CountyPlan again = Plans.read(DIR + "2-second-batch.json");
        again.batch = "第三批";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanYear.merge(List.of(
                Plans.read(DIR + "1-first-batch.json"), Plans.read(DIR + "2-second-batch.json"), again)));
        assertTrue(e.getMessage().contains("文号相同（示例财振〔2024〕20号）"), e.getMessage());
    }

    @Test
    void aCountyNameWithSpacesIsTheSameCountyButAnotherPrefectureIsNot() {
        CountyPlan spaced = Plans.read(DIR + "2-second-batch.json");
        spaced.county = spaced.county + " ";
        CountyPlan year = PlanYear.merge(List.of(Plans.read(DIR + "1-first-batch.json"), spaced));
        assertEquals(0, new BigDecimal("2000").compareTo(year.getAllocationAmount()));
        CountyPlan other = Plans.read(DIR + "2-second-batch.json");
        other.prefecture = "另一地区";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanYear.merge(List.of(
                Plans.read(DIR + "1-first-batch.json"), other)));
        assertTrue(e.getMessage().contains("地（州、市）不同"), e.getMessage());
    }

    @Test
    void aBatchIsReadFromATableTitle() {
        CountyPlan p = new io.github.xianjie.input.PlanFacts("示例县", null, 2024, FundSource.CENTRAL, new BigDecimal("100"), null, null, null, null)
                .basePlan(java.nio.file.Path.of("x.csv"), "2024年第二批中央财政衔接推进乡村振兴补助资金分配表");
        assertEquals("第二批", p.batch);
    }
}
