package io.github.xianjie.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.support.Engines;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which rows of a published table are projects (issue 12 items 6 and 10): totals written 合计（万元） or
 * 合计金额, place names that start with a numeral, 序号 written 一/二/三, and the 项目管理费 row, which is
 * the fee in JSON as in a table.
 */
class TableRowKindsTest {
    static final PlanFacts FACTS = PlanFacts.fromOptions("测试县", null, 2024, "CENTRAL", "1000", null, null, null);

    @TempDir
    Path dir;

    CountyPlan csv(String text) throws IOException {
        Path f = dir.resolve("plan.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return CsvPlanReader.read(f, FACTS);
    }

    static List<String> seqs(CountyPlan plan) {
        return plan.getProjects().stream().map(p -> p.seq).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"合计（万元）", "合计金额", "合计(万元)", "总计：", "全县合计"})
    void aTotalWrittenWithItsUnitIsATotalNotAProject(String word) throws IOException {
        CountyPlan plan = csv("序号,项目名称,投资规模\n1,甲村温室大棚建设项目,600\n2,乙村斗渠建设项目,400\n," + word + ",1000\n");
        assertEquals(List.of("1", "2"), seqs(plan));
        assertEquals(0, new BigDecimal("1000").compareTo(plan.getProjects().stream().map(p -> p.amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void aTotalWrittenWithItsUnitIsStillCheckedAgainstTheRows() throws IOException {
        Path f = dir.resolve("plan.csv");
        Files.writeString(f, "序号,项目名称,投资规模\n1,甲村温室大棚建设项目,600\n,合计（万元）,1200\n", StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> CsvPlanReader.read(f, FACTS));
        assertTrue(e.getMessage().contains("第3行") && e.getMessage().contains("1200") && e.getMessage().contains("600"), e.getMessage());
    }

    @Test
    void aPlaceNameStartingWithANumeralIsAProjectEvenWhenTheRowsBelowAddUpToIt() throws IOException {
        // 四棵树镇 400 = 300 + 100 below it: read as a heading, it would have vanished with its 400 万元
        CountyPlan plan = csv("""
                序号,项目名称,投资规模
                ,四棵树镇下高泉村棚圈建设项目,400
                ,三道河子镇苗木基地建设项目,300
                ,八十四户乡道路建设项目,100
                """);
        assertEquals(3, plan.getProjects().size());
        assertEquals("四棵树镇下高泉村棚圈建设项目", plan.getProjects().get(0).name);
        assertEquals(0, new BigDecimal("400").compareTo(plan.getProjects().get(0).amount));
    }

    @Test
    void seqWrittenInChineseNumeralsWithoutRowsBelowGivesProjects() throws IOException {
        CountyPlan plan = csv("序号,项目名称,投资规模\n一,甲村温室大棚建设项目,600\n二,乙村斗渠建设项目,300\n三,丙村棚圈建设项目,100\n合计,,1000\n");
        assertEquals(List.of("一", "二", "三"), seqs(plan));
    }

    @Test
    void aChineseNumeralWithRowsBelowStillOpensASection() throws IOException {
        CountyPlan plan = csv("序号,项目名称,投资规模\n一,产业发展类,600\n1,甲村温室大棚建设项目,600\n二,基础设施类,400\n1,乙村斗渠建设项目,400\n");
        assertEquals(List.of("一-1", "二-1"), seqs(plan));
        assertEquals("基础设施类", plan.getProjects().get(1).getSectionHeading());
    }

    @Test
    void aSeqRepeatedInsideOneSectionIsStillAnError() throws IOException {
        Path f = dir.resolve("plan.csv");
        Files.writeString(f, "序号,项目名称,投资规模\n一,产业发展类,\n1,甲村温室大棚建设项目,600\n1,乙村斗渠建设项目,400\n", StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> CsvPlanReader.read(f, FACTS));
        assertTrue(e.getMessage().contains("第4行") && e.getMessage().contains("重复"), e.getMessage());
    }

    @Test
    void anOtherFundsColumnBesideTheAmountIsOtherFunding() throws IOException {
        CountyPlan plan = csv("序号,项目名称,投资规模,其他资金\n1,甲村温室大棚建设项目,600,150\n2,乙村斗渠建设项目,400,\n");
        assertEquals(0, new BigDecimal("600").compareTo(plan.getProjects().get(0).amount));
        assertEquals(0, new BigDecimal("750").compareTo(plan.getProjects().get(0).investment));
        assertEquals("其他资金", plan.getProjects().get(0).otherFunding.get(0).source());
        assertEquals(null, plan.getProjects().get(1).otherFunding);
    }

    // ---- the 项目管理费 row: the fee in every format (issue 12 item 10) ------------------------------------

    static Result af01(CountyPlan plan) {
        return Engines.evaluate(plan).results().stream().filter(r -> r.ruleId().equals("AF-01")).findFirst().orElseThrow();
    }

    @Test
    void theSameFeeRowGivesTheSameAf01AsJsonAndAsCsv() throws IOException {
        // 20 万元 of 1000 万元 is 2.00%, above the 1% of 新财规〔2021〕11号 第九条
        CountyPlan table = csv("序号,项目名称,投资规模\n1,甲村温室大棚建设项目,980\n2,测试县2024年衔接资金项目管理费,20\n合计,,1000\n");
        Path json = dir.resolve("plan.json");
        Files.writeString(json, """
                {"county":"测试县","year":2024,"fundSource":"CENTRAL","allocation":{"amount":"1000"},
                 "projects":[{"seq":"1","name":"甲村温室大棚建设项目","amount":"980"},
                             {"seq":"2","name":"测试县2024年衔接资金项目管理费","amount":"20"}]}
                """, StandardCharsets.UTF_8);
        CountyPlan fromJson = PlanJsonReader.read(json);
        assertEquals(1, fromJson.getProjects().size());
        assertEquals(0, new BigDecimal("20").compareTo(fromJson.getManagementFeeAmount()));
        assertEquals(Outcome.FAIL, af01(table).outcome());
        assertEquals(Outcome.FAIL, af01(fromJson).outcome());
        assertEquals(af01(table).evidence(), af01(fromJson).evidence());
    }

    @Test
    void aJsonFeeProjectDisagreeingWithManagementFeeIsAnError() throws IOException {
        Path json = dir.resolve("plan.json");
        Files.writeString(json, """
                {"county":"测试县","year":2024,"fundSource":"CENTRAL","managementFee":{"amount":"5"},
                 "projects":[{"seq":"1","name":"甲村温室大棚建设项目","amount":"980"},
                             {"seq":"2","name":"项目管理费","amount":"20"}]}
                """, StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> PlanJsonReader.read(json));
        assertTrue(e.getMessage().contains("managementFee.amount") && e.getMessage().contains("20"), e.getMessage());
    }

    @Test
    void aTruncatedJsonPlanGetsAChineseMessageWithLineAndColumn() throws IOException {
        Path json = dir.resolve("plan.json");
        Files.writeString(json, "{\"county\":\"测试县\",\n \"projects\":[{\"name\":\"甲", StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> PlanJsonReader.read(json));
        assertTrue(e.getMessage().contains("第2行") && e.getMessage().contains("意外结束"), e.getMessage());
        Files.writeString(json, "{\"county\":\"测试县\" \"year\":2024}", StandardCharsets.UTF_8);
        e = assertThrows(InputException.class, () -> PlanJsonReader.read(json));
        assertTrue(e.getMessage().contains("第1行") && e.getMessage().contains("不应出现字符"), e.getMessage());
    }
}
