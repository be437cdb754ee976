package io.github.xianjie.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The results CSV is opened in Excel: a cell must never run as a formula (CSV injection). */
class CsvResultsWriterTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "=HYPERLINK(\"http://x\")       | '=HYPERLINK(\"http://x\")",
            "+1+2                           | '+1+2",
            "@SUM(A1)                       | '@SUM(A1)",
            "-0.01                          | -0.01",
            "乌苏市四棵树镇斗渠建设项目       | 乌苏市四棵树镇斗渠建设项目",
    })
    void formulasAreMadeInert(String cell, String expected) {
        assertEquals(expected.strip(), CsvResultsWriter.inert(cell.strip()));
    }
}
