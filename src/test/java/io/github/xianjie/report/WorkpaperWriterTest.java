package io.github.xianjie.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.cli.XianjieCommand;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.input.PlanFacts;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.support.Engines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Excel workpaper and the results CSV of the Wusu central notice. */
class WorkpaperWriterTest {
    static final Path CSV = Path.of("fixtures", "wusu-2024", "central-notice.csv");
    static Report report;
    static Evaluation ev;

    @TempDir
    Path dir;

    @BeforeAll
    static void evaluate() throws IOException {
        CountyPlan plan = PlanReaders.read(CSV, PlanFacts.fromOptions(null, null, null, null, null, null,
                Path.of("fixtures", "wusu-2024", "central-notice.meta.json"), null));
        ev = Engines.evaluate(plan);
        report = Report.of(ev, Engines.engine().ruleset(), CSV.toString(), "abc123", 2024, null);
    }

    static XSSFWorkbook workbook(boolean english) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkpaperWriter.write(report, english, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    /** @return the column's text by row number (rows that do not exist give "") */
    static List<String> column(Sheet sh, int col) {
        DataFormatter f = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= sh.getLastRowNum(); i++) {
            Row r = sh.getRow(i);
            Cell c = r == null ? null : r.getCell(col);
            out.add(c == null ? "" : f.formatCellValue(c));
        }
        return out;
    }

    @Test
    void theWorkpaperHasItsThreeSheetsWithOneRowPerResultAndPerProject() throws IOException {
        try (XSSFWorkbook wb = workbook(false)) {
            assertEquals(3, wb.getNumberOfSheets());
            assertEquals(List.of("汇总", "检查结果", "输入"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
            Sheet results = wb.getSheet("检查结果");
            Sheet input = wb.getSheet("输入");
            assertEquals(ev.results().size() + 1, results.getPhysicalNumberOfRows());
            assertEquals(WorkpaperWriter.resultHeaders(false), column(results.getRow(0)));
            assertNotNull(((org.apache.poi.xssf.usermodel.XSSFSheet) results).getCTWorksheet().getAutoFilter(), "results filter");
            assertNotNull(((org.apache.poi.xssf.usermodel.XSSFSheet) input).getCTWorksheet().getAutoFilter(), "input filter");
            assertEquals(8, input.getPhysicalNumberOfRows());
            assertEquals(List.of("对象", "1", "2", "3", "4", "5", "6", "7"), column(input, 0));
            for (Sheet sh : wb) {
                PaneInformation pane = sh.getPaneInformation();
                assertNotNull(pane, sh.getSheetName() + " has a frozen header");
                assertEquals(1, pane.getHorizontalSplitPosition());
            }
        }
    }

    @Test
    void outcomeCellsAreColouredAndFindingsListedPerProject() throws IOException {
        try (XSSFWorkbook wb = workbook(false)) {
            Sheet results = wb.getSheet("检查结果");
            for (int i = 0; i < ev.results().size(); i++) {
                Result r = ev.results().get(i);
                Cell outcome = results.getRow(i + 1).getCell(3);
                assertEquals(r.outcome().label(false), outcome.getStringCellValue());
                assertEquals(r.outcome().name(), results.getRow(i + 1).getCell(11).getStringCellValue());
                assertEquals(r.severity(), results.getRow(i + 1).getCell(12).getStringCellValue());
                String rgb = ((XSSFCellStyle) outcome.getCellStyle()).getFillForegroundColorColor() == null ? null
                        : ((XSSFCellStyle) outcome.getCellStyle()).getFillForegroundColorColor().getARGBHex();
                if (r.outcome() == Outcome.FAIL) {
                    assertEquals("FFFFC7CE", rgb, r.ruleId());
                } else if (r.outcome() == Outcome.UNDETERMINED) {
                    assertEquals("FFFFEB9C", rgb, r.ruleId());
                }
            }
            Sheet input = wb.getSheet("输入");
            List<String> header = column(input.getRow(0));
            String findings = input.getRow(1).getCell(header.size() - 1).getStringCellValue();
            for (Result r : ev.results()) {
                if (r.subject().equals("1") && (r.outcome() == Outcome.FAIL || r.outcome() == Outcome.UNDETERMINED)) {
                    assertTrue(findings.contains(r.ruleId()), r.ruleId() + " in " + findings);
                }
            }
            assertTrue(header.contains("推断（非输入）"), header.toString());
        }
    }

    @Test
    void theSummaryStatesPlanRulesetInputCountsAndShares() throws IOException {
        try (XSSFWorkbook wb = workbook(false)) {
            Sheet summary = wb.getSheet("汇总");
            List<String> labels = column(summary, 0);
            List<String> values = column(summary, 1);
            assertEquals("乌苏市", values.get(labels.indexOf("县（市）")));
            assertEquals("3460", values.get(labels.indexOf("到县资金（万元）")));
            assertEquals("0", values.get(labels.indexOf("项目管理费（万元）")));
            assertEquals(report.ruleset().get("sha256"), values.get(labels.indexOf("规则集 sha256")));
            assertEquals("abc123", values.get(labels.indexOf("输入 sha256")));
            assertEquals(String.valueOf(report.summary().get("WARNING")), values.get(labels.indexOf("不符合（WARNING）")));
            assertTrue(labels.contains("IS-02"), labels.toString());
            int is02 = labels.indexOf("IS-02");
            // numeric shares formatted as percent: 1279.71 / 2735.42 = 0.4678 against 0.65
            Cell actual = summary.getRow(is02).getCell(2);
            assertEquals(0.4678, actual.getNumericCellValue(), 1e-12);
            assertEquals("0.00%", actual.getCellStyle().getDataFormatString());
            assertEquals("46.78%", new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(actual));
            assertEquals(0.65, summary.getRow(is02).getCell(3).getNumericCellValue(), 1e-12);
            assertEquals("不符合", summary.getRow(is02).getCell(4).getStringCellValue());
            assertEquals("警告", summary.getRow(is02).getCell(5).getStringCellValue());
            assertEquals("WARNING", summary.getRow(is02).getCell(7).getStringCellValue());
            Sheet results = wb.getSheet("检查结果");
            for (Row row : results) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("IS-02")) {
                    assertEquals(0.4678, row.getCell(7).getNumericCellValue(), 1e-12);
                    assertEquals("0.00%", row.getCell(7).getCellStyle().getDataFormatString());
                }
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("PM-13")) {
                    assertTrue(row.getCell(8) == null || row.getCell(8).getCellType() != org.apache.poi.ss.usermodel.CellType.NUMERIC
                            || !"0.00%".equals(row.getCell(8).getCellStyle().getDataFormatString()), "PM-13's limit is days, not a share");
                }
            }
        }
    }

    @Test
    void englishSwitchesSheetAndColumnNames() throws IOException {
        try (XSSFWorkbook wb = workbook(true)) {
            assertEquals(List.of("Summary", "Results", "Input"), List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
            assertEquals(WorkpaperWriter.resultHeaders(true), column(wb.getSheet("Results").getRow(0)));
            assertEquals("outcomeCode", column(wb.getSheet("Results").getRow(0)).get(11));
        }
    }

    @Test
    void theResultsCsvHasABomAndOneRowPerResult() throws IOException {
        byte[] bytes = CsvResultsWriter.write(report, false);
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            List<CSVRecord> records = p.getRecords();
            assertEquals(ev.results().size() + 1, records.size());
            assertEquals(CsvResultsWriter.headers(false), records.get(0).toList());
            Result first = ev.results().get(0);
            assertEquals(first.ruleId(), records.get(1).get(0));
            assertTrue(records.get(1).get(7).startsWith("{"), records.get(1).get(7));
        }
    }

    @Test
    void theCommandWritesTheWorkpaperAndRefusesXlsxWithoutAFile() throws IOException {
        Path out = dir.resolve("w.xlsx");
        String[] table = {"check", "fixtures/wusu-2024/central-notice.xlsx", "--county", "乌苏市", "--year", "2024", "--fund", "CENTRAL",
                "--allocation", "3460", "--rules", "rules", "--format", "xlsx"};
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int noFile = XianjieCommand.commandLine(System.out, errStream).execute(table);
        assertEquals(2, noFile);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("-o"), err.toString(StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>(List.of(table));
        args.addAll(List.of("-o", out.toString(), "--lang", "en"));
        int exit = XianjieCommand.commandLine(System.out, errStream).execute(args.toArray(String[]::new));
        assertTrue(exit == 0 || exit == 1, err.toString(StandardCharsets.UTF_8));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertEquals("Summary", wb.getSheetName(0));
            assertEquals(8, wb.getSheet("Input").getPhysicalNumberOfRows());
        }
        Path csv = dir.resolve("r.csv");
        args = new ArrayList<>(List.of(table));
        args.set(args.size() - 1, "csv");
        args.addAll(List.of("-o", csv.toString()));
        exit = XianjieCommand.commandLine(System.out, errStream).execute(args.toArray(String[]::new));
        assertTrue(exit == 0 || exit == 1);
        assertEquals(0xEF, Files.readAllBytes(csv)[0] & 0xFF);
    }

    static List<String> column(Row row) {
        DataFormatter f = new DataFormatter();
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(f.formatCellValue(c)));
        return out;
    }
}
