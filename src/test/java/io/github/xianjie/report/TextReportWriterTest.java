package io.github.xianjie.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.cli.XianjieCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text report's first screen answers the leader's three questions before any list (issue 9 item 2):
 * does the plan pass, the three shares beside their limits, and which projects fail which article.
 */
class TextReportWriterTest {

    static String check(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        PrintStream old = System.out;
        System.setOut(o);
        try {
            String[] all = Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--rules";
            all[args.length + 1] = "rules";
            XianjieCommand.commandLine(o, e).execute(all);
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstTwelveLinesOfTheWusuReportShowVerdictSharesWithLimitsAndFailures() {
        List<String> lines = check("check", "fixtures/wusu-2024/central.json").lines().toList();
        // eleven lines of verdict, shares, failures and the plan, plus the line explaining the counts
        String first = String.join("\n", lines.subList(0, 12));
        // 2735.42 / 3460 = 79.06 %; 1279.71 / 2735.42 = 46.78 % < 65 % (WARNING, 原则上); fee 0 of 3460
        // WARNING: IS-02 only (PM-14 is UNDETERMINED: the notice gives no budget subject per project)
        assertTrue(lines.get(1).startsWith("结论：通过 — 未发现 ERROR 级不符合；1 项 WARNING 级不符合"), lines.get(1));
        assertEquals("  产业发展比例 79.06%（不低于 65%）通过", lines.get(2));
        assertEquals("  粮棉果畜比例 46.78%（不低于 65%）不符合(WARNING)", lines.get(3));
        assertEquals("  项目管理费比例 0.00%（不超过 1%）通过", lines.get(4));
        assertTrue(first.contains("[WARNING] IS-02") && first.contains("计划整体") && first.contains("塔地财振〔2023〕11号 (二)"), first);
        assertTrue(first.contains("阶段 未注明"), first);
        assertTrue(first.matches("(?s).*规则集：.*, sha256 [0-9a-f]{12}；未用地方配置.*"), first);
        assertTrue(first.contains("规则 × 对象"), first);
    }

    @Test
    void theShareLineFollowsTheReadingOfFruitInForceAndNamesTheOther() {
        // broad: (1279.71 + 1000 辣椒烘干厂) / 2735.42 = 0.8334; narrow 1279.71 / 2735.42 = 0.4678
        List<String> broad = check("check", "--profile", "fixtures/profiles/fruit-broad", "fixtures/wusu-2024/central.json").lines().toList();
        assertEquals("  粮棉果畜比例 83.34%（不低于 65%）通过", broad.get(3));
        String line = broad.stream().filter(l -> l.startsWith("比例（四位小数")).findFirst().orElseThrow();
        assertTrue(line.contains("粮棉果畜占产业资金比例 0.8334（宽读；窄读 0.4678）"), line);
        String narrow = check("check", "fixtures/wusu-2024/central.json");
        assertTrue(narrow.contains("粮棉果畜占产业资金比例 0.4678（窄读；宽读 0.8334）"), narrow);
    }

    @Test
    void anUnclassifiedPlanShowsTheShareAsABoundAndNamesTheFailingProjects() {
        String text = check("check", "fixtures/screening/names-only-20.csv", "--county", "某县", "--year", "2024", "--fund", "中央",
                "--stage", "plan");
        List<String> lines = text.lines().toList();
        String first = String.join("\n", lines.subList(0, 12));
        assertTrue(lines.get(1).startsWith("结论：不通过 — "), lines.get(1));
        assertTrue(first.contains("粮棉果畜比例 ≥ ") && first.contains("另有未分类项目"), first);
        assertTrue(first.contains("[ERROR] NL-03") && first.contains("4 某县红星乡人民政府办公楼维修改造项目"), first);
        assertTrue(first.contains("阶段 计划（--stage plan）"), first);
    }

    @Test
    void aProjectPassDecidedByAFigureShowsTheFigure(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode c = m.readTree(java.nio.file.Path.of("fixtures/cases/prepayment/exactly-at-the-caps-passes.json").toFile());
        java.nio.file.Path plan = dir.resolve("plan.json");
        m.writeValue(plan.toFile(), c.get("plan"));
        String text = check("check", plan.toString());
        // 300 of 600 payable is 50.00 %, 300 of 1000 contract is 30.00 %: both exactly at the cap, both pass
        assertTrue(text.contains("      PP-01 预付 300 万元，占应付金额 600 万元的 50.00%，不超过 50%"), text);
        assertTrue(text.contains("      PP-02 基础建设类项目预付 300 万元，占合同金额 1000 万元的 30.00%，不超过 30%"), text);
        assertFalse(text.contains("      NL-01 "), "negative-list passes are not figures: " + text);
    }

    @Test
    void theHeaderShowsTheProfileAndItsOwnSha256() {
        String text = check("check", "fixtures/wusu-2024/central.json", "--profile", "fixtures/profiles/example-province");
        String first = String.join("\n", text.lines().toList().subList(0, 12));
        assertTrue(first.matches("(?s).*地方配置 fixtures/profiles/example-province, sha256 [0-9a-f]{12}.*"), first);
    }

    @Test
    void missingDataIsNamedByTableColumnAndPlanPassesShowTheirFigures() {
        String text = check("check", "fixtures/wusu-2024/central.json");
        assertTrue(text.contains("缺少：村类别（项目 C-1、C-2、C-3、C-4、C-5、C-6、C-7）"), text);
        assertTrue(text.contains("缺少（表格列）：预付金额、应付金额"), text);
        assertFalse(text.contains("projects[C-1"), text);
        assertTrue(text.contains("      IS-01 产业发展项目 2735.42 万元，占到县资金 3460 万元的 79.06%，不低于 65%"), text);
    }
}
