package io.github.xianjie.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.OtherFunding;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Result;
import io.github.xianjie.support.Engines;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three tables of {@code fixtures/screening/as-published/} (written after the shapes 延津县 2022,
 * 沙坡头区 2021 and 塔城市 2025 published) run without editing and give the results of their
 * hand-transcribed JSON versions, rule × subject by rule × subject.
 */
class AsPublishedTablesTest {
    static final Path DIR = Path.of("fixtures/screening/as-published");

    static PlanFacts facts(String county, String fund, String allocation, String amountColumn) {
        return PlanFacts.fromOptions(county, null, null, fund, allocation, null, null, null).withAmountColumn(amountColumn);
    }

    /** @return "ruleId subject outcome severity", sorted */
    static List<String> outcomes(CountyPlan plan) {
        Evaluation ev = Engines.evaluate(plan);
        return ev.results().stream().map(r -> r.ruleId() + " " + r.subject() + " " + r.outcome() + " " + r.severity())
                .sorted().toList();
    }

    static Project project(CountyPlan plan, String seq) {
        return plan.getProjects().stream().filter(p -> seq.equals(p.seq)).findFirst().orElseThrow();
    }

    @Test
    void yanjinSectionsRestartTheirNumbersAndTheFeeSectionIsTheFee() {
        CountyPlan table = PlanReaders.read(DIR.resolve("yanjin-2022-sections.csv"), facts("延津县", "中央", "1818", null));
        assertEquals(List.of("一-1", "一-2", "一-3", "二-1", "二-2"), table.getProjects().stream().map(p -> p.seq).toList());
        assertEquals(0, new BigDecimal("18").compareTo(table.getManagementFeeAmount()));
        assertEquals(2022, table.year);
        Project seed = project(table, "一-1");
        assertEquals("新建小麦良种繁育基地500亩，配套建设晒场1200平方米", seed.content);
        assertEquals("榆林乡人民政府", seed.implementer.name());
        assertEquals("产业发展类", seed.getSectionHeading());
        CountyPlan json = PlanJsonReader.read(DIR.resolve("yanjin-2022-sections.json"));
        assertEquals(outcomes(json), outcomes(table));
    }

    @Test
    void shapotouAsksWhichColumnIsTheAmountAndThenAgreesWithItsJson() {
        InputException e = assertThrows(InputException.class, () ->
                PlanReaders.read(DIR.resolve("shapotou-2021-minority.csv"), facts("沙坡头区", null, "1400", null)));
        assertTrue(e.getMessage().contains("第3行"), e.getMessage());
        assertTrue(e.getMessage().contains("「资金规模」与「其中少数民族发展资金」"), e.getMessage());
        assertTrue(e.getMessage().contains("--amount-column 资金规模"), e.getMessage());

        CountyPlan table = PlanReaders.read(DIR.resolve("shapotou-2021-minority.csv"), facts("沙坡头区", null, "1400", "资金规模"));
        assertEquals(4, table.getProjects().size());
        assertEquals(0, new BigDecimal("450").compareTo(project(table, "1").amount));
        assertEquals("区农业农村局", project(table, "1").responsibleUnit);
        CountyPlan json = PlanJsonReader.read(DIR.resolve("shapotou-2021-minority.json"));
        assertEquals(outcomes(json), outcomes(table));
    }

    @Test
    void shapotouMinorityColumnAsTheAmountMakesTheTotalTheInvestmentAndLeavesOutRowsWithoutIt() {
        CountyPlan table = PlanReaders.read(DIR.resolve("shapotou-2021-minority.csv"),
                facts("沙坡头区", null, "350", "其中少数民族发展资金"));
        assertEquals(List.of("1", "2", "4"), table.getProjects().stream().map(p -> p.seq).toList());
        assertEquals(0, new BigDecimal("150").compareTo(project(table, "1").amount));
        assertEquals(0, new BigDecimal("450").compareTo(project(table, "1").investment));
    }

    @Test
    void tachengNeedsTheFundAndGivesOneReportPerFund() {
        InputException e = assertThrows(InputException.class, () ->
                PlanReaders.read(DIR.resolve("tacheng-2025-balance-split.csv"), facts("塔城市", null, null, null)));
        assertTrue(e.getMessage().contains("「中央」「自治区」") && e.getMessage().contains("--fund 中央"), e.getMessage());

        CountyPlan central = PlanReaders.read(DIR.resolve("tacheng-2025-balance-split.csv"), facts("塔城市", "中央", null, null));
        assertEquals(List.of("1", "2", "4"), central.getProjects().stream().map(p -> p.seq).toList());
        Project one = project(central, "1");
        assertEquals(0, new BigDecimal("60.1254").compareTo(one.amount));
        assertEquals(0, new BigDecimal("86.452317").compareTo(one.investment));
        assertEquals(List.of(new OtherFunding("自治区资金", new BigDecimal("26.326917"), null)), one.otherFunding);
        assertNull(project(central, "2").otherFunding);
        assertEquals(outcomes(PlanJsonReader.read(DIR.resolve("tacheng-2025-balance-split.central.json"))), outcomes(central));

        CountyPlan regional = PlanReaders.read(DIR.resolve("tacheng-2025-balance-split.csv"), facts("塔城市", "自治区", null, null));
        assertEquals(List.of("1", "3", "4"), regional.getProjects().stream().map(p -> p.seq).toList());
        assertEquals(0, new BigDecimal("12.00112").compareTo(project(regional, "4").amount));
        assertEquals(outcomes(PlanJsonReader.read(DIR.resolve("tacheng-2025-balance-split.regional.json"))), outcomes(regional));
    }

    @Test
    void anXlsxWithAMergedTwoRowFundHeaderReadsAsTheCsvDoes(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path f = XlsxFixtureBuilder.write(dir.resolve("split.xlsx"), wb -> {
            org.apache.poi.ss.usermodel.Sheet sh = wb.createSheet("Sheet1");
            XlsxFixtureBuilder.fill(wb, sh,
                    new Object[] {"塔城市2025年财政衔接推进乡村振兴补助资金结余资金项目安排表"},
                    new Object[] {"单位：万元"},
                    new Object[] {"序号", "项目名称", "资金规模（万元）", null, null, "实施单位"},
                    new Object[] {null, null, "合计", "中央", "自治区", null},
                    new Object[] {1, "塔城市阿西尔达斯乡牛羊养殖棚圈改造项目", "86.452317", "60.125400", "26.326917", "阿西尔达斯乡人民政府"},
                    new Object[] {2, "塔城市恰合吉牧场村内道路维修项目", "31.206583", null, "31.206583", "恰合吉牧场管委会"},
                    new Object[] {"合计", null, "117.6589", "60.1254", "57.5335", null});
            sh.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 2, 2, 4));
            sh.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 3, 0, 0));
            sh.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 3, 1, 1));
            sh.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 3, 5, 5));
        });
        CountyPlan regional = PlanReaders.read(f, facts("塔城市", "自治区", null, null));
        assertEquals(List.of("1", "2"), regional.getProjects().stream().map(p -> p.seq).toList());
        assertEquals(0, new BigDecimal("26.326917").compareTo(project(regional, "1").amount));
        assertEquals(0, new BigDecimal("86.452317").compareTo(project(regional, "1").investment));
        assertEquals(List.of(new OtherFunding("中央资金", new BigDecimal("60.1254"), null)), project(regional, "1").otherFunding);
        assertEquals("恰合吉牧场管委会", project(regional, "2").implementer.name());
        CountyPlan central = PlanReaders.read(f, facts("塔城市", "中央", null, null));
        assertEquals(List.of("1"), central.getProjects().stream().map(p -> p.seq).toList());
    }

    @Test
    void everyResultOfTheTablesIsOneOfTheJsonResults() {
        // a guard that the comparison above compares something: the plans have results of each kind
        List<String> r = outcomes(PlanJsonReader.read(DIR.resolve("yanjin-2022-sections.json")));
        assertTrue(r.stream().anyMatch(x -> x.startsWith("AF-01 plan PASS")), r.toString());
        assertTrue(r.size() > 100, "rule × subject checks: " + r.size());
        Result any = Engines.evaluate(PlanJsonReader.read(DIR.resolve("yanjin-2022-sections.json"))).results().get(0);
        assertTrue(any.ruleId() != null);
    }
}
