package io.github.xianjie.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The results CSV is opened in Excel: a cell must never run as a formula (CSV injection). */
class CsvResultsWriterTest {

    @Test
    void formulasAreMadeInert() {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvResultsWriter.inert("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1+2", CsvResultsWriter.inert("+1+2"));
        assertEquals("'@SUM(A1)", CsvResultsWriter.inert("@SUM(A1)"));
    }

    @Test
    void numbersAndTextStayAsTheyAre() {
        assertEquals("-0.01", CsvResultsWriter.inert("-0.01"));
        assertEquals("乌苏市四棵树镇斗渠建设项目", CsvResultsWriter.inert("乌苏市四棵树镇斗渠建设项目"));
        assertEquals("", CsvResultsWriter.inert(""));
    }
}
