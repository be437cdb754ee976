package io.github.xianjie.input;

import static io.github.xianjie.input.CsvPlanReaderTest.FACTS;
import static io.github.xianjie.input.CsvPlanReaderTest.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Project;
import io.github.xianjie.input.XlsxFixtureBuilder.Formula;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The XLSX reader: merged cells, numbers as Excel stores them or as text, formulas, dates, sheets, messages. */
class XlsxPlanReaderTest {
    static final Object[] HEADER = {"序号", "项目名称", "建设地点", "投资规模", "责任单位"};

    @TempDir
    Path dir;

    Path sheet(Object[]... rows) throws IOException {
        return XlsxFixtureBuilder.sheet(dir.resolve("central.xlsx"), "Sheet1", rows);
    }

    CountyPlan read(Path file) {
        return XlsxPlanReader.read(file, FACTS);
    }

    InputException error(Path file) {
        return assertThrows(InputException.class, () -> XlsxPlanReader.read(file, FACTS));
    }

    @Test
    void mergedCellsReadTheTopLeftValueDownTheirColumn() throws IOException {
        Path f = XlsxFixtureBuilder.write(dir.resolve("merged.xlsx"), wb -> {
            Sheet sh = wb.createSheet("Sheet1");
            XlsxFixtureBuilder.fill(wb, sh,
                    new Object[] {"2024年中央财政衔接推进乡村振兴补助资金分配情况表"},
                    new Object[] {"单位：万元"},
                    HEADER,
                    new Object[] {1, "甲项目", "甲村", 100, "甲乡人民政府"},
                    new Object[] {2, "乙项目", "乙村", 50, null},
                    new Object[] {"合计", null, null, new Formula("SUM(D4:D5)"), null});
            sh.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            sh.addMergedRegion(new CellRangeAddress(1, 1, 0, 4));
            sh.addMergedRegion(new CellRangeAddress(3, 4, 4, 4));
            sh.addMergedRegion(new CellRangeAddress(5, 5, 0, 2));
        });
        CountyPlan plan = read(f);
        assertEquals(2, plan.projects.size());
        assertEquals("甲乡人民政府", plan.projects.get(1).responsibleUnit);
        assertEquals("乙村", plan.projects.get(1).location);
        assertEquals("2", plan.projects.get(1).getSubject());
    }

    @Test
    void anAmountMergedDownSeveralRowsCannotBeSplit() throws IOException {
        Path f = XlsxFixtureBuilder.write(dir.resolve("merged-amount.xlsx"), wb -> {
            Sheet sh = wb.createSheet("Sheet1");
            XlsxFixtureBuilder.fill(wb, sh, HEADER,
                    new Object[] {1, "甲项目", "甲村", 100, "甲乡"},
                    new Object[] {2, "乙项目", "乙村", null, "乙乡"});
            sh.addMergedRegion(new CellRangeAddress(1, 2, 3, 3));
        });
        InputException e = error(f);
        assertTrue(e.getMessage().contains("工作表「Sheet1」第3行「投资规模」") && e.getMessage().contains("合并"), e.getMessage());
    }

    static Stream<Arguments> amountCells() {
        return Stream.of(
                Arguments.of(79.71, "79.71"),
                Arguments.of("79.71", "79.71"),
                Arguments.of(" 1,200.50 ", "1200.5"),
                Arguments.of("１２００．５", "1200.5"),
                Arguments.of("１，２００．５", "1200.5"),
                Arguments.of(1200, "1200"),
                Arguments.of(new Formula("0.1+0.2"), "0.3"),
                Arguments.of(new Formula("SUM(1000,200.5)"), "1200.5"),
                Arguments.of(new Formula("\"79.71\""), "79.71"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("amountCells")
    void amountCellsReadAsTheSpreadsheetShowsThem(Object cell, String expected) throws IOException {
        Project p = read(sheet(HEADER, new Object[] {1, "甲项目", "甲村", cell, "甲乡"})).projects.get(0);
        assertAmount(expected, p.amount);
        assertEquals("1", p.seq);
    }

    @Test
    void aFormulaWithoutACachedValueIsAnErrorNamingTheCell() throws IOException {
        Path f = XlsxFixtureBuilder.write(dir.resolve("uncached.xlsx"), wb -> {
            Sheet sh = wb.createSheet("Sheet1");
            Row h = sh.createRow(0);
            h.createCell(0).setCellValue("项目名称");
            h.createCell(1).setCellValue("投资规模");
            Row r = sh.createRow(1);
            r.createCell(0).setCellValue("甲项目");
            r.createCell(1).setCellFormula("60+19.71");
        });
        InputException e = error(f);
        assertTrue(e.getMessage().contains("第2行「投资规模」") && e.getMessage().contains("=60+19.71")
                && e.getMessage().contains("没有保存的计算结果"), e.getMessage());
    }

    @Test
    void aFormulaErrorNamesTheCell() throws IOException {
        InputException e = error(sheet(HEADER, new Object[] {1, "甲项目", "甲村", new Formula("1/0"), "甲乡"}));
        assertTrue(e.getMessage().contains("第2行「投资规模」") && e.getMessage().contains("#DIV/0!"), e.getMessage());
    }

    @Test
    void aBadCellNamesFileSheetRowAndColumn() throws IOException {
        Path f = sheet(new Object[] {"标题"}, new Object[] {"单位：万元"}, HEADER,
                new Object[] {1, "甲项目", "甲村", 10, "甲乡"},
                new Object[] {2, "乙项目", "乙村", 20, "乙乡"},
                new Object[] {3, "丙项目", "丙村", 30, "丙乡"},
                new Object[] {4, "丁项目", "丁村", "12O", "丁乡"});
        InputException e = error(f);
        assertEquals(f + " 工作表「Sheet1」第7行「投资规模」: '12O' 不是金额 (not an amount)", e.getMessage());
    }

    @Test
    void anUnknownHeaderNamesSheetAndHeader() throws IOException {
        InputException e = error(XlsxFixtureBuilder.sheet(dir.resolve("h.xlsx"), "中央资金", new Object[] {"序号", "项目名称", "投资规模", "资金性质"},
                new Object[] {1, "甲项目", 10, "中央"}));
        assertTrue(e.getMessage().contains("工作表「中央资金」第1行「资金性质」: 不是可识别的列名"), e.getMessage());
    }

    @Test
    void datesBooleansAndEnumsReadFromTypedCells() throws IOException {
        Project p = read(sheet(new Object[] {"项目名称", "投资规模", "入库日期", "公示日期", "预付审核日期", "是否基础建设类", "项目类别"},
                new Object[] {"甲项目", 10, LocalDate.of(2023, 10, 15), 20231229, "2024年1月5日", true, "基础设施"})).projects.get(0);
        assertEquals(LocalDate.of(2023, 10, 15), p.getLibraryEnteredOn());
        assertEquals(LocalDate.of(2023, 12, 29), p.getNoticedOn());
        assertEquals(LocalDate.of(2024, 1, 5), p.prepaymentApprovedOn);
        assertEquals(Boolean.TRUE, p.infrastructure);
        assertEquals("INFRASTRUCTURE", p.category.name());
    }

    @Test
    void aNumberInATextColumnReadsAsItsDigits() throws IOException {
        Project p = read(sheet(new Object[] {"项目名称", "投资规模", "支出科目"}, new Object[] {"甲项目", 10, 2130505})).projects.get(0);
        assertEquals("2130505", p.budgetSubject);
    }

    @Test
    void theOnlySheetWithAProjectTableIsRead() throws IOException {
        Path f = XlsxFixtureBuilder.write(dir.resolve("two.xlsx"), wb -> {
            XlsxFixtureBuilder.fill(wb, wb.createSheet("说明"), new Object[] {"本表为公示用"});
            XlsxFixtureBuilder.fill(wb, wb.createSheet("分配表"), HEADER, new Object[] {1, "甲项目", "甲村", 10, "甲乡"});
        });
        assertEquals(1, read(f).projects.size());
    }

    @Test
    void severalProjectTablesNeedTheSheetOption() throws IOException {
        Path f = XlsxFixtureBuilder.write(dir.resolve("both.xlsx"), wb -> {
            XlsxFixtureBuilder.fill(wb, wb.createSheet("中央"), HEADER, new Object[] {1, "甲项目", "甲村", 10, "甲乡"});
            XlsxFixtureBuilder.fill(wb, wb.createSheet("自治区"), HEADER, new Object[] {1, "乙项目", "乙村", 20, "乙乡"},
                    new Object[] {2, "丙项目", "丙村", 30, "丙乡"});
        });
        InputException e = error(f);
        assertTrue(e.getMessage().contains("--sheet") && e.getMessage().contains("「中央」"), e.getMessage());
        CountyPlan plan = XlsxPlanReader.read(f, PlanFacts.fromOptions("测试县", null, 2024, "REGIONAL", null, null, null, "自治区"));
        assertEquals(2, plan.projects.size());
        InputException missing = assertThrows(InputException.class,
                () -> XlsxPlanReader.read(f, PlanFacts.fromOptions("测试县", null, 2024, "REGIONAL", null, null, null, "地区")));
        assertTrue(missing.getMessage().contains("没有工作表「地区」"), missing.getMessage());
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"序号,项目名称\n1,甲\n", "PK\u0003\u0004garbage", ""})
    void aFileThatIsNotAWorkbookIsAClearError(String content) throws IOException {
        Path f = dir.resolve("fake.xlsx");
        Files.writeString(f, content);
        InputException e = error(f);
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("XLSX"), e.getMessage());
    }

    @Test
    void legacyXlsIsRefusedWithAHint() {
        InputException e = assertThrows(InputException.class, () -> PlanReaders.read(dir.resolve("old.xls"), FACTS));
        assertTrue(e.getMessage().contains(".xlsx"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"central-notice", "regional-notice"})
    void theWusuWorkbookIsTheNoticeCsvLaidOutInExcel(String name) throws IOException {
        Path fresh = dir.resolve(name + ".xlsx");
        XlsxFixtureBuilder.fromCsv(XlsxFixtureBuilder.WUSU.resolve(name + ".csv"), fresh);
        PlanFacts facts = PlanFacts.fromOptions("乌苏市", null, 2024, name.startsWith("central") ? "CENTRAL" : "REGIONAL", null, null, null, null);
        List<String> committed = describe(XlsxPlanReader.read(XlsxFixtureBuilder.WUSU.resolve(name + ".xlsx"), facts));
        assertEquals(describe(XlsxPlanReader.read(fresh, facts)), committed, "regenerate with XlsxFixtureBuilder.main");
        assertEquals(describe(CsvPlanReader.read(XlsxFixtureBuilder.WUSU.resolve(name + ".csv"), facts)), committed);
    }

    static List<String> describe(CountyPlan plan) {
        return plan.projects.stream().map(p -> String.join("|", p.getSubject(), p.name, p.location, p.amount.toPlainString(),
                p.responsibleUnit)).toList();
    }
}
