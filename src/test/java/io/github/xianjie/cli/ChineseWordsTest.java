package io.github.xianjie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xianjie.domain.CodeLabels;
import io.github.xianjie.domain.ColumnNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Chinese report names data by its table column and codes by their Chinese words (fund source 自治区衔接资金, 实施主体类型
 * 政府部门, 项目名称 含…); the codes stay in the JSON evidence, in the CSV's code columns and under {@code --lang en}.
 */
class ChineseWordsTest {

    @Test
    void codesAndFieldNamesDoNotLeakIntoTheChineseTextReport() {
        CheckCommandTest.Run zh = CheckCommandTest.run("check", "fixtures/wusu-2024/regional-names-only.json");
        String t = zh.out();
        assertTrue(t.contains("产业发展比例 不适用：产业发展比例下限只适用于中央衔接资金（自治区衔接资金在 2024 年办法下无有效参数）"), t);
        assertTrue(t.contains("  R-1 项目类别 = 人居环境  ← 项目名称 含 人居环境、环境整治（词表行 K039）\n"), t);
        assertTrue(t.contains("  R-1 实施主体类型 = 政府部门  ← 责任单位 含 人民政府、政府（词表行 K073）\n"), t);
        assertTrue(t.contains("  R-3 是否基础建设类 = 是（基础建设类）  ← 项目名称 含 道路（词表行 K059）\n"), t);
        for (String code : List.of("REGIONAL", "GOVERNMENT", "LIVING_ENVIRONMENT", "INDUSTRY", "← name", "← responsibleUnit", "category =")) {
            assertFalse(t.contains(code), code + " in\n" + t);
        }
        String en = CheckCommandTest.run("check", "fixtures/wusu-2024/regional-names-only.json", "--lang", "en").out();
        assertTrue(en.contains("(none in force for REGIONAL funds under the 2024 measures)"), en);
        assertTrue(en.contains("  R-1 category = LIVING_ENVIRONMENT  ← name contains 人居环境, 环境整治 (catalogue row K039)\n"), en);
    }

    @Test
    void aNegativeListHitNamesTheColumnItWasReadIn() {
        String t = CheckCommandTest.run("check", "fixtures/acceptance/breaches-2024-central.json").out();
        assertTrue(t.contains("命中负面清单「修建楼堂馆所」：项目名称 含「办公楼」(K009)"), t);
        assertFalse(t.contains("name 含"), t);
    }

    @Test
    void theChineseResultsCsvWritesOutcomesInWordsWithTheCodesBeside() throws Exception {
        CheckCommandTest.Run r = CheckCommandTest.run("check", "fixtures/wusu-2024/regional-names-only.json", "--format", "csv");
        List<String> lines = r.out().lines().toList();
        assertEquals("\uFEFF规则编号,对象,项目名称,结论,严重程度,依据,说明,证据,缺少（表格列）,结论代码,严重程度代码", lines.get(0));
        assertEquals("AF-01,plan,（计划整体）,无法判定,错误,新财规〔2021〕11号 第九条,无法判定项目管理费比例；缺少：项目管理费,{},项目管理费,UNDETERMINED,ERROR",
                lines.get(1));
        assertFalse(r.out().contains(",PASS,ERROR,新财规"), "the 结论 column is in words");
        CheckCommandTest.Run en = CheckCommandTest.run("check", "fixtures/wusu-2024/regional-names-only.json", "--format", "csv", "--lang", "en");
        assertEquals("\uFEFFruleId,subject,projectName,outcome,severity,source,message,evidence,missing,outcomeCode,severityCode",
                en.out().lines().findFirst().orElseThrow());
    }

    @Test
    void fieldPathsAndCodesInWords() {
        assertEquals("自治区衔接资金", CodeLabels.zh("fundSource", "REGIONAL"));
        assertEquals("中央衔接资金", CodeLabels.zh("fundSource", "CENTRAL"));
        assertEquals("政府部门", CodeLabels.zh("implementerType", "GOVERNMENT"));
        assertEquals("跨省", CodeLabels.zh("transportScope", "CROSS_PROVINCE"));
        assertEquals("资金下达支出科目", CodeLabels.zh("field", "allocation.budgetSubject"));
        assertEquals(List.of("支出明细第2项说明 含「轿车」(K005)"), CodeLabels.zh("hits", List.of("expenseItems[1].description 含「轿车」(K005)")));
        assertEquals("REGIONAL", CodeLabels.zh("name", "REGIONAL"), "chosen by the key, never by the value alone");
        assertEquals("其他资金来源第2项支持内容", ColumnNames.column("otherFunding[1].content"));
        assertEquals("其他资金来源第2项支持内容（项目 N07）", ColumnNames.describe(List.of("projects[N07].otherFunding[1].content"), false));
    }

    @Test
    void diffSeparatesSeverityChangesFromOutcomeChangesInWords() throws Exception {
        CheckCommandTest.Run r = CheckCommandTest.run("diff", "fixtures/wusu-2024/central.json", "--from", "2023", "--to", "2024");
        String t = r.out();
        assertTrue(t.startsWith("按 2023 年与 2024 年办法检查同一计划：结论变化 1 项；严重程度变化（结论不变）8 项；限值变化（结论与严重程度不变）0 项"), t);
        assertTrue(t.contains("== 结论变化 ==\n  IS-02 plan（计划整体）：不适用 → 不符合（警告）；限值 - → 65%\n"), t);
        assertTrue(t.contains("  IS-01 plan（计划整体）：通过，规则级别 警告 → 错误；限值 50% → 65%\n"), t);
        assertTrue(t.contains("  PM-06 C-1：通过，规则级别 警告 → 错误\n"), t);
        assertFalse(t.contains("PASS") || t.contains("WARNING") || t.contains("NOT_APPLICABLE"), t);
        JsonNode json = new ObjectMapper().readTree(CheckCommandTest.run("diff", "fixtures/wusu-2024/central.json",
                "--from", "2023", "--to", "2024", "--format", "json").out());
        for (JsonNode c : json.get("changes")) {
            String id = c.get("ruleId").asText();
            assertEquals(id.equals("IS-02") ? "outcome" : "severity", c.get("change").asText(), c.toString());
        }
    }

    /**
     * 和布克赛尔县 2024 central (fixtures/hoboksar-2024): IS-01 counts H-1 1200 + H-2 1193 + the ethnic-minority task's
     * 特色产业 project H-4 489 = 2882 of 4143 = 0.6956 (69.56%); on the other base, the allocation less the task funds
     * 1261 + 489 = 1750, the industry projects not funded by a task, 2393 of 2393 = 1.0000. The 比例 line and the JSON
     * metrics give IS-01's figure (not 2393 / 4143 = 0.5776, the INDUSTRY category alone), the other base beside it.
     */
    @Test
    void theSharesLineGivesIsOnesDecidingFigureAndTheOtherBaseBeside() throws Exception {
        String t = CheckCommandTest.run("check", "fixtures/hoboksar-2024/central.json").out();
        assertTrue(t.contains("  产业发展比例 69.56%（不低于 65%）通过\n"), t);
        assertTrue(t.contains("比例（四位小数，四舍五入）：产业发展比例 0.6956（基数：年度到县的中央衔接资金（含各任务）；"
                + "基数：到县资金减以工代赈等专项任务资金 1750 万元（任务资金支持的项目不计）为 1.0000）；"), t);
        JsonNode m = new ObjectMapper().readTree(CheckCommandTest.run("check", "fixtures/hoboksar-2024/central.json", "--format", "json").out())
                .get("metrics");
        assertEquals("0.6956", m.get("industryShare").asText());
        assertEquals("1.0000", m.get("industryShareOtherBaseShare").asText());
    }
}
