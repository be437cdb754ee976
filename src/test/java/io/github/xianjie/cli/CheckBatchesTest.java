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
}
