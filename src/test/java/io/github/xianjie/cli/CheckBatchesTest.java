package io.github.xianjie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code check} given several batch files of one county, year and fund, or a folder of them, merges them into the year
 * (issue 8 item 1; fixtures/batches); files of several counties exit 2. Also item 10: a plan year before the Measures.
 */
class CheckBatchesTest {
    private static final String DIR = "fixtures/batches/example-2024-central/";

    @Test
    void checkMergesAFolderOrSeveralFilesAndRefusesMixedCounties() {
        CheckCommandTest.Run folder = CheckCommandTest.run("check", "fixtures/batches/example-2024-central", "--format", "json");
        assertEquals(0, folder.exit(), folder.err());
        assertTrue(folder.out().contains("第二批（示例财振〔2024〕20号，1000 万元）"), folder.out());
        CheckCommandTest.Run files = CheckCommandTest.run("check", DIR + "1-first-batch.json", DIR + "2-second-batch.json", "--format", "json");
        assertEquals(0, files.exit(), files.err());
        assertEquals(folder.out().replaceAll("\"(input|sha256|file)\"[^\\n]*", ""), files.out().replaceAll("\"(input|sha256|file)\"[^\\n]*", ""));
        CheckCommandTest.Run mixed = CheckCommandTest.run("check", "fixtures/batches/mixed-counties");
        assertEquals(2, mixed.exit());
        assertTrue(mixed.err().contains("各文件不是同一县、年度和资金来源"), mixed.err());
    }

    @Test
    void aPlanYearBeforeTheMeasuresIsAUsageErrorUnlessMeasuresYearIsGiven() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("plan-2020", ".json");
        String json = java.nio.file.Files.readString(java.nio.file.Path.of(DIR + "1-first-batch.json")).replace("\"year\": 2024", "\"year\": 2020");
        java.nio.file.Files.writeString(f, json);
        try {
            CheckCommandTest.Run r = CheckCommandTest.run("check", f.toString());
            assertEquals(2, r.exit(), r.out());
            assertTrue(r.err().contains("计划年度 2020 早于办法施行"), r.err());
            assertTrue(r.err().contains("首个适用年度为 2021 年"), r.err());
            assertEquals(0, CheckCommandTest.run("check", f.toString(), "--measures-year", "2021").exit());
        } finally {
            java.nio.file.Files.delete(f);
        }
    }

    /**
     * A folder holding plans of two fund sources, two versions of each plan, tables and their *.meta.json side files
     * (fixtures/wusu-2024) is not one year of batches: exit 2, saying in Chinese what was found, grouped by county, year
     * and fund, and what to run instead.
     */
    @Test
    void aMixedFolderSaysWhatItHoldsAndWhatToRun() {
        CheckCommandTest.Run r = CheckCommandTest.run("check", "fixtures/wusu-2024");
        assertEquals(2, r.exit(), r.err());
        String e = r.err();
        assertTrue(e.contains("fixtures/wusu-2024: 各文件不是同一县、年度和资金来源的批次"), e);
        assertTrue(e.contains("乌苏市 2024年 中央衔接资金：central-names-only.json、central.json（均为 乌财振〔2023〕9号 下达的同一批资金"), e);
        assertTrue(e.contains("乌苏市 2024年 自治区衔接资金：regional-names-only.json、regional.json"), e);
        assertTrue(e.contains("central-notice.csv（计划信息 central-notice.meta.json）"), e);
        assertTrue(e.contains("不是计划、未读取：README.md、central-notice.meta.json、regional-notice.meta.json"), e);
        assertTrue(e.contains("xianjie check fixtures/wusu-2024/central-notice.csv --plan-meta fixtures/wusu-2024/central-notice.meta.json"), e);
        assertTrue(e.contains("xianjie check --batch fixtures/wusu-2024"), e);
        assertTrue(e.indexOf("(the files are not batches") > e.indexOf("请改为"), "Chinese first: " + e);
        // a JSON plan named with a table and table options
        CheckCommandTest.Run both = CheckCommandTest.run("check", "fixtures/wusu-2024/central.json", "fixtures/wusu-2024/central-notice.csv",
                "--county", "乌苏市");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("JSON 计划（自带计划信息，不接受 --county、--plan-meta 等表格选项）：central.json"), both.err());
    }
}
