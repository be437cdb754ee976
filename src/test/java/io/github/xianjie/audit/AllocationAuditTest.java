package io.github.xianjie.audit;

import static io.github.xianjie.audit.AuditRun.json;
import static io.github.xianjie.audit.AuditRun.one;
import static io.github.xianjie.audit.AuditRun.outcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rules/allocation-audit.drl (AL-01 … AL-06) on the real Tacheng 2024 allocation tables (塔地财振〔2023〕11号 and
 * 〔2023〕13号 附件1), Wusu's budget line 1100231 (seed 表1: 5923) and the cases in fixtures/cases/allocation-audit/.
 */
class AllocationAuditTest {
    static final String CENTRAL = "fixtures/allocation/tacheng-2024-central.csv";
    static final String REGIONAL = "fixtures/allocation/tacheng-2024-regional.csv";
    static final String CASES = "fixtures/cases/allocation-audit/";

    @TempDir
    Path tmp;

    @Test
    void bothTachengTablesFootAndCrossFoot() throws IOException {
        JsonNode r = json(tmp, 0, "allocation", CENTRAL, REGIONAL);
        List<String> al01 = outcomes(r, "AL-01");
        assertEquals(16, al01.size());
        assertTrue(al01.stream().allMatch(s -> s.endsWith("=PASS")), al01.toString());
        assertEquals("PASS", one(r, "AL-02", "中央/塔城地区").get("outcome").asText());
        assertEquals("PASS", one(r, "AL-02", "自治区/塔城地区").get("outcome").asText());
        assertEquals("7", one(r, "AL-02", "中央/塔城地区").get("evidence").get("counties").asText());
        // 9728 = 7538 + 1434 + 756 (托里县, central)
        assertEquals("9728", one(r, "AL-01", "中央/托里县").get("evidence").get("tasksSum").asText());
        // regional: the 其中 column is a sub-item and is not summed: 2463 = 2463
        assertEquals("2463", one(r, "AL-01", "自治区/乌苏市").get("evidence").get("tasksSum").asText());
        assertEquals("NOT_APPLICABLE", one(r, "AL-02", "中央/托里县").get("outcome").asText());
    }

    @Test
    void oneTaskCellPlusOneFailsTheCountyAndItsPrefecture() throws IOException {
        JsonNode r = json(tmp, 1, "allocation", CASES + "toli-task-cell-plus-one-fails.csv");
        JsonNode toli = one(r, "AL-01", "托里县");
        assertEquals("FAIL", toli.get("outcome").asText());
        assertEquals("9729", toli.get("evidence").get("tasksSum").asText());
        assertEquals("1", toli.get("evidence").get("difference").asText());
        JsonNode pref = one(r, "AL-02", "塔城地区");
        assertEquals("FAIL", pref.get("outcome").asText());
        assertEquals("巩固拓展脱贫攻坚成果和乡村振兴任务：县合计 30040，地区 30039",
                pref.get("evidence").get("mismatches").get(0).asText());
        assertEquals(1, pref.get("evidence").get("mismatches").size());
        long failures = outcomes(r, "AL-01").stream().filter(s -> s.endsWith("=FAIL")).count();
        assertEquals(1, failures, "only 托里县 fails AL-01");
    }

    @Test
    void wusuBudgetLineEqualsTheTwoNotices() throws IOException {
        JsonNode r = json(tmp, 0, "allocation", CENTRAL, REGIONAL, "--budget", "fixtures/allocation/wusu-2024-budget.csv");
        JsonNode w = one(r, "AL-05", "乌苏市");
        assertEquals("PASS", w.get("outcome").asText());
        assertEquals("5923", w.get("evidence").get("noticesSum").asText()); // 3460 + 2463
    }

    @Test
    void aChangedBudgetLineFails() throws IOException {
        JsonNode r = json(tmp, 0, "allocation", CENTRAL, REGIONAL, "--budget", CASES + "budget-line-changed-fails.csv");
        JsonNode w = one(r, "AL-05", "乌苏市");
        assertEquals("FAIL", w.get("outcome").asText());
        assertEquals("WARNING", w.get("severity").asText());
        assertEquals("1", w.get("evidence").get("difference").asText());
    }

    @Test
    void budgetCheckWithOnlyOneNoticeIsUndetermined() throws IOException {
        JsonNode r = json(tmp, 0, "allocation", CENTRAL, "--budget", "fixtures/allocation/wusu-2024-budget.csv");
        assertEquals("UNDETERMINED", one(r, "AL-05", "乌苏市").get("outcome").asText());
    }

    @Test
    void factorMethodReproducesTheTableAndDetectsSwappedScores() throws IOException {
        JsonNode ok = json(tmp, 0, "allocation", CENTRAL, "--factors", "fixtures/allocation/tacheng-2024-central-factors-reproduces.csv");
        assertTrue(outcomes(ok, "AL-04").stream().filter(s -> !s.startsWith("塔城地区")).allMatch(s -> s.endsWith("=PASS")));
        assertEquals("7538", one(ok, "AL-04", "托里县").get("evidence").get("recomputed").asText());
        JsonNode bad = json(tmp, 0, "allocation", CENTRAL, "--factors", "fixtures/allocation/tacheng-2024-central-factors-differs.csv");
        JsonNode toli = one(bad, "AL-04", "托里县");
        assertEquals("FAIL", toli.get("outcome").asText());
        // 30039 × (0.3 × 4306 + 0.7 × 7538) / 30039 = 6568.4; |6568.4 − 7538| / 7538 = 0.1286
        assertEquals("6568.4", toli.get("evidence").get("recomputed").asText());
        assertEquals("0.1286", toli.get("evidence").get("deviation").asText());
        assertEquals("5275.6", one(bad, "AL-04", "裕民县").get("evidence").get("recomputed").asText());
        assertEquals("PASS", one(bad, "AL-04", "乌苏市").get("outcome").asText());
    }

    @Test
    void noticeDatesAgainstArticleElevenDays() throws IOException {
        JsonNode r = json(tmp, 0, "allocation", CENTRAL, "--notices", CASES + "notice-dates-within-and-beyond-the-days.csv");
        assertEquals("PASS", one(r, "AL-06", "地区在第5日下达").get("outcome").asText());
        assertEquals("FAIL", one(r, "AL-06", "地区在第6日下达").get("outcome").asText());
        assertEquals("PASS", one(r, "AL-06", "自治区在第25日下达").get("outcome").asText());
        assertEquals("FAIL", one(r, "AL-06", "自治区在第26日下达").get("outcome").asText());
        JsonNode u = one(r, "AL-06", "地区缺收文日期");
        assertEquals("UNDETERMINED", u.get("outcome").asText());
        assertEquals("收文日期 (receivedOn)", u.get("missing").get(0).asText());
        assertEquals("NOT_APPLICABLE", one(r, "AL-06", "县级文件").get("outcome").asText());
        // received 2023-11-20, but its superior notice (自治区在第26日下达) was issued only on 2023-11-27: a wrong date,
        // not 20 days within the limit — UNDETERMINED naming 收文日期, never a PASS
        JsonNode early = one(r, "AL-06", "收文早于上级印发");
        assertEquals("UNDETERMINED", early.get("outcome").asText());
        assertEquals("收文日期 (receivedOn)", early.get("missing").get(0).asText());
        assertEquals("2023-11-27", early.get("evidence").get("upstreamIssuedOn").asText());
    }

    @Test
    void seedNoticeDatesLackReceiptDates() throws IOException {
        JsonNode r = json(tmp, 0, "allocation", CENTRAL, "--notices", "fixtures/allocation/tacheng-wusu-2024-notices.csv");
        assertEquals("UNDETERMINED", one(r, "AL-06", "塔地财振〔2023〕11号").get("outcome").asText());
        assertEquals("NOT_APPLICABLE", one(r, "AL-06", "乌财振〔2023〕9号").get("outcome").asText());
    }

    @Test
    void countyPlansAgainstTheirRows() throws IOException {
        Path plans = Files.createDirectories(tmp.resolve("plans"));
        Files.copy(Path.of("fixtures/wusu-2024/central.json"), plans.resolve("wusu-central.json"));
        Files.copy(Path.of("fixtures/wusu-2024/regional.json"), plans.resolve("wusu-regional.json"));
        String other = Files.readString(Path.of("fixtures/wusu-2024/central.json")).replace("\"乌苏市\"", "\"奎屯市\"");
        Files.writeString(plans.resolve("kuitun-central.json"), other);
        // not plans, as check DIR lists a folder: a table's side file, a README, an Office lock file
        Files.copy(Path.of("fixtures/wusu-2024/central-notice.meta.json"), plans.resolve("wusu-central-notice.meta.json"));
        Files.writeString(plans.resolve("README.md"), "计划");
        Files.writeString(plans.resolve("~$wusu.json"), "");
        // exit 0: AL-03's FAILs are WARNING, the catalogue's severity (was ERROR and exit 1 when the DRL said ERROR)
        JsonNode r = json(tmp, 0, "allocation", CENTRAL, REGIONAL, "--plans", plans.toString());
        JsonNode w = one(r, "AL-03", "中央/乌苏市");
        assertEquals("PASS", w.get("outcome").asText());
        assertEquals("3460", w.get("evidence").get("total").asText());
        assertEquals("PASS", one(r, "AL-03", "自治区/乌苏市").get("outcome").asText());
        assertEquals("FAIL", one(r, "AL-03", "中央/托里县").get("outcome").asText(), "row without a plan");
        assertEquals("WARNING", one(r, "AL-03", "中央/托里县").get("severity").asText(), "catalogue.yaml: AL-03 WARNING");
        assertEquals("FAIL", one(r, "AL-03", "奎屯市").get("outcome").asText(), "plan without a row");
        assertEquals("NOT_APPLICABLE", one(r, "AL-03", "中央/塔城地区").get("outcome").asText());
    }

    @Test
    void theTextReportIsChineseFirstAndEnglishWithLangEn() throws IOException {
        Path out = tmp.resolve("toli.txt");
        int rc = io.github.xianjie.cli.XianjieCommand.commandLine(System.out, System.err).execute("audit", "allocation",
                "fixtures/cases/allocation-audit/toli-task-cell-plus-one-fails.csv", "-o", out.toString());
        assertEquals(1, rc);
        String zh = Files.readString(out);
        assertTrue(zh.contains("规则集：2024.2.0  参数基准日 2024-12-31"), zh);
        assertTrue(zh.contains("  分配表：提前下达2024年中央财政衔接推进乡村振兴补助资金分配表（中央）\n  行数：8\n"), zh);
        assertTrue(zh.contains("已执行，主体 8 个：通过 7，不符合 1，无法判定 0，不适用 0"), zh);
        assertTrue(zh.contains("  不符合(ERROR) 托里县：总规模 9728 万元，各任务列之和 9729 万元"), zh);
        assertTrue(zh.contains("汇总：不符合(ERROR) 2 · 不符合(WARNING) 0 · "), zh);
        assertFalse(zh.contains("PASS") || zh.contains("{ERROR=") || zh.contains("asOf") || zh.contains("tables"), zh);
        Path en = tmp.resolve("toli-en.txt");
        io.github.xianjie.cli.XianjieCommand.commandLine(System.out, System.err).execute("audit", "allocation",
                "fixtures/cases/allocation-audit/toli-task-cell-plus-one-fails.csv", "--lang", "en", "-o", en.toString());
        String e = Files.readString(en);
        assertTrue(e.contains("PASS 7, FAIL 1, UNDETERMINED 0, NOT_APPLICABLE 0") && e.contains("Summary: FAIL(ERROR) 2 · "), e);
    }

    @Test
    void aBadAmountNamesFileLineAndColumn() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, Files.readString(Path.of(CENTRAL)).replace("9728", "九千"));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = io.github.xianjie.cli.XianjieCommand.commandLine(System.out, new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8))
                .execute("audit", "allocation", bad.toString());
        assertEquals(2, rc);
        String msg = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(msg.contains("bad.csv 第 5 行「提前下达总规模」: '九千' 不是金额"), msg);
    }

    /** The Tacheng central table as an XLSX workbook (amount cells numeric), for the tweaks below. */
    private Path centralXlsx(String name, java.util.function.BiConsumer<org.apache.poi.xssf.usermodel.XSSFWorkbook,
            org.apache.poi.ss.usermodel.Sheet> tweak, boolean hiddenOldFirst) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(CENTRAL));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            if (hiddenOldFirst) {
                var old = wb.createSheet("旧版");
                old.createRow(0).createCell(0).setCellValue("作废的旧表");
                wb.setSheetHidden(0, true);
            }
            var s = wb.createSheet("分配表");
            for (int r = 0; r < lines.size(); r++) {
                String[] cs = lines.get(r).split(",", -1);
                var row = s.createRow(r);
                for (int c = 0; c < cs.length; c++) {
                    if (!cs[c].isEmpty()) {
                        if (r >= 3 && c >= 2) {
                            row.createCell(c).setCellValue(Double.parseDouble(cs[c]));
                        } else {
                            row.createCell(c).setCellValue(cs[c]);
                        }
                    }
                }
            }
            if (tweak != null) {
                tweak.accept(wb, s);
            }
            Path p = tmp.resolve(name);
            try (var out = Files.newOutputStream(p)) {
                wb.write(out);
            }
            return p;
        }
    }

    @Test
    void xlsxCellsAreReadByValueNotByTheirNumberFormat() throws IOException {
        // 托里县 总规模 9728.4 under number format "0" shows 9728 but is 9728.4: AL-01 fails by 0.4, never passes
        Path fmt = centralXlsx("fmt0.xlsx", (wb, s) -> {
            var st = wb.createCellStyle();
            st.setDataFormat(wb.createDataFormat().getFormat("0"));
            s.getRow(4).getCell(2).setCellValue(9728.4);
            s.getRow(4).getCell(2).setCellStyle(st);
        }, false);
        JsonNode r = json(tmp, 1, "allocation", fmt.toString());
        JsonNode toli = one(r, "AL-01", "托里县");
        assertEquals("FAIL", toli.get("outcome").asText());
        assertEquals("9728.4", toli.get("evidence").get("total").asText());
        // 总规模 as SUM formulas with saved results (as Excel writes them) are read as those results: all foot
        Path sums = centralXlsx("sums.xlsx", (wb, s) -> {
            for (int row = 3; row <= 10; row++) {
                s.getRow(row).getCell(2).setCellFormula("SUM(D" + (row + 1) + ":I" + (row + 1) + ")");
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        }, false);
        assertTrue(outcomes(json(tmp, 0, "allocation", sums.toString()), "AL-01").stream().allMatch(x -> x.endsWith("=PASS")));
        // a hidden first sheet (an old version) is not audited: the visible table is
        Path hidden = centralXlsx("hidden.xlsx", null, true);
        assertEquals("9728", one(json(tmp, 0, "allocation", hidden.toString()), "AL-01", "托里县").get("evidence").get("tasksSum").asText());
    }

    @AfterAll
    static void everyAllocationIdFailedAndPassed() {
        for (String id : List.of("AL-01", "AL-02", "AL-04", "AL-05", "AL-06")) {
            assertTrue(AuditRun.SEEN.contains(id + " FAIL") && AuditRun.SEEN.contains(id + " PASS"), id + ": " + AuditRun.SEEN);
        }
    }
}
