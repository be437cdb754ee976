package io.github.xianjie.rules;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Plans.plan;
import static io.github.xianjie.support.Plans.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.ExpenseItem;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.support.Engines;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules/negative-list.drl — NL-01 … NL-13 and NL-99 (新财规〔2021〕11号 第四条; 新财振〔2022〕5号 三(一)3、三(四)).
 * Each ID fails on a project whose words hit it, and passes on a clean project; the hit names its evidence.
 */
class NegativeListRulesTest {

    private static final List<String> ALL = List.of("NL-01", "NL-02", "NL-03", "NL-04", "NL-05", "NL-06", "NL-07",
            "NL-08", "NL-09", "NL-10", "NL-11", "NL-12", "NL-13");

    private static Evaluation named(String name) {
        return Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0", project("P1", name, "100", p -> { })));
    }

    @ParameterizedTest(name = "{1} fails on 「{0}」")
    @CsvSource({
            "某乡人民政府2024年办公经费,                      NL-01",
            "某乡购置公务用车项目,                            NL-02",
            "某县乡村振兴局购置对讲机等通讯设备,               NL-02",
            "某村村委会办公楼建设项目,                        NL-03",
            "某乡干部周转宿舍楼修建项目,                      NL-03",
            "某乡工作人员加班津贴发放,                        NL-04",
            "某村偿还村集体欠款项目,                          NL-05",
            "某农业公司弥补经营亏损补助,                      NL-06",
            "某县城区道路改造工程,                            NL-07",
            "某县防止返贫监测预警工作经费,                    NL-08",
            "某县向国有农业公司注资项目,                      NL-09",
            "某县设立乡村振兴产业发展基金,                    NL-10",
            "某县为脱贫户购买商业保险项目,                    NL-11",
            "某合作社申报项目支付中介费用,                    NL-12",
            "某村幼儿园建设项目,                              NL-13",
    })
    void theItemFailsAndTheOthersPass(String name, String id) {
        Evaluation ev = named(name.trim());
        Result r = assertOutcome(ev, id, "P1", Outcome.FAIL, "ERROR");
        assertTrue(r.source().startsWith("新财"), r.source());
        assertTrue(r.message().startsWith("命中负面清单"), r.message());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hits = (List<Map<String, Object>>) r.evidence().get("evidence");
        assertEquals("name", hits.get(0).get("field"));
        assertTrue(String.valueOf(hits.get(0).get("catalogueRow")).matches("K\\d{3}"));
    }

    @ParameterizedTest(name = "no negative-list hit on 「{0}」")
    @CsvSource({
            "乌苏市八十四户乡党家庄村温室育苗大棚建设项目",
            "乌苏市西大沟镇科克萨拉村道路建设项目",
            "某县脱贫劳动力跨省务工一次性交通补助",
            "某乡果蔬冷链物流仓储设施建设项目",
            "某村公益岗位补助项目",
            "某县脱贫户小额信贷贴息项目",
    })
    void cleanProjectsPassEveryItem(String name) {
        Evaluation ev = named(name);
        for (String id : ALL) {
            assertOutcome(ev, id, "P1", Outcome.PASS, "ERROR");
        }
    }

    @Test
    void relocationLoanInterestSubsidyIsTheCitedExceptionToNl05() {
        Result r = assertOutcome(named("某县“十三五”易地扶贫搬迁贷款贴息项目"), "NL-05", "P1", Outcome.PASS, "ERROR");
        assertTrue(String.valueOf(r.evidence().get("exception")).contains("第四条但书"), r.evidence().toString());
    }

    @Test
    void expenseItemsAreScreenedToo() {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0",
                project("P1", "某村肉牛养殖圈舍建设项目", "100", p -> p.expenseItems = List.of(
                        new ExpenseItem("圈舍建设", new BigDecimal("90"), "31005"),
                        new ExpenseItem("项目管理人员津贴", new BigDecimal("10"), "30102 津贴补贴")))));
        Result r = assertOutcome(ev, "NL-04", "P1", Outcome.FAIL, "ERROR");
        assertTrue(r.message().contains("支出明细第2项说明 含「津贴」"), r.message());   // by column, not expenseItems[1]
        assertOutcome(ev, "NL-03", "P1", Outcome.PASS, null);
    }

    @Test
    void anApplicationFiledByAnIntermediaryFailsNl12() {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0",
                project("P1", "某合作社肉羊养殖项目", "100", p -> p.filedByIntermediary = true)));
        assertOutcome(ev, "NL-12", "P1", Outcome.FAIL, "ERROR");
    }

    @Test
    void nl99ReviewsProjectsWithNoRecognisedPurpose() {
        assertOutcome(Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0",
                project("P1", "某项目", "100", p -> p.category = Category.OTHER))), "NL-99", "P1", Outcome.FAIL, "WARNING");
        assertOutcome(named("某村肉牛养殖圈舍建设项目"), "NL-99", "P1", Outcome.PASS, null);
        // 需人工复核: no category given and none recognised is a FAIL at WARNING listing the words read (issue 7 item 5)
        Result r = assertOutcome(named("某村文化活动设施项目"), "NL-99", "P1", Outcome.FAIL, "WARNING");
        assertEquals("需人工复核", r.evidence().get("review"));
        assertTrue(r.evidence().get("words").toString().contains("项目"), r.evidence().toString());
    }

    @ParameterizedTest(name = "NL-10 under the {0} measures → {1}")
    @CsvSource({"2021, NOT_APPLICABLE", "2022, FAIL", "2024, FAIL"})
    void itemsOnlyTheGuidanceListsApplyFromItsIssue(int year, Outcome outcome) {
        // 设立基金 is listed only by 新财振〔2022〕5号 (issued 2022-06-15); the 2021 Measures do not name it
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0",
                project("P1", "某县设立乡村振兴产业发展基金", "100", p -> { })), year);
        assertOutcome(ev, "NL-10", "P1", outcome, "ERROR");
        assertOutcome(ev, "NL-03", "P1", Outcome.PASS, "ERROR");
    }

    @ParameterizedTest(name = "infrastructure at 「{0}」 → NL-07 {1}")
    @CsvSource({
            "某县县城,       FAIL",
            "城区,           FAIL",
            "某乡某村,       PASS",
            "某县城关镇某村, PASS",
    })
    void infrastructureLocatedInTheCityIsUrbanInfrastructure(String location, Outcome outcome) {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0",
                project("P1", "供水管网改造工程", "100", p -> {
                    p.location = location;
                    p.category = Category.INFRASTRUCTURE;
                })));
        Result r = assertOutcome(ev, "NL-07", "P1", outcome, "ERROR");
        if (outcome == Outcome.FAIL) {
            assertTrue(r.message().contains("建设地点 含「"), r.message());   // by column, not location
            assertEquals("URBAN", ev.plan().getProjects().get(0).inferenceFor("locationType").value());
        }
    }
}
