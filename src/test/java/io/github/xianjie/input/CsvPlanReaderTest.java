package io.github.xianjie.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.ImplementerType;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.Project;
import io.github.xianjie.domain.VillageType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV reader: encodings, units, totals, the fee row, headers, cells, and messages that name row and column. */
class CsvPlanReaderTest {
    static final PlanFacts FACTS = PlanFacts.fromOptions("测试县", null, 2024, "CENTRAL", "1500", null, null, null);
    static final String TABLE = """
            2024年中央财政衔接推进乡村振兴补助资金分配情况表
            单位：万元
            序号,项目名称,建设地点,投资规模,责任单位
            1,测试县甲乡温室育苗大棚建设项目,甲乡甲村,79.71,甲乡人民政府
            2,测试县乙乡斗渠建设项目,乙乡,1200,乙乡人民政府
            合计,,,1279.71,
            """;

    @TempDir
    Path dir;

    Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    Path csv(String text) throws IOException {
        return write("plan.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    CountyPlan read(String text) throws IOException {
        return CsvPlanReader.read(csv(text), FACTS);
    }

    InputException error(String text) throws IOException {
        Path f = csv(text);
        return assertThrows(InputException.class, () -> CsvPlanReader.read(f, FACTS));
    }

    static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    // ---- encodings ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}, BOM {1}")
    @CsvSource({"UTF-8, false", "UTF-8, true", "GBK, false", "GB18030, false"})
    void theTableReadsTheSameInEveryEncodingChineseSpreadsheetsWrite(String charset, boolean bom) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (bom) {
            b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        b.write(TABLE.replace("\n", "\r\n").getBytes(Charset.forName(charset)));
        CountyPlan plan = CsvPlanReader.read(write("plan-" + charset + ".csv", b.toByteArray()), FACTS);
        assertEquals(2, plan.projects.size());
        assertEquals("测试县甲乡温室育苗大棚建设项目", plan.projects.get(0).name);
        assertEquals("甲乡人民政府", plan.projects.get(0).responsibleUnit);
        assertAmount("79.71", plan.projects.get(0).amount);
        assertEquals("1", plan.projects.get(0).getSubject());
    }

    @Test
    void malformedUtf8BehindABomIsAnErrorNeverMojibake() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(TABLE.getBytes(Charset.forName("GBK")));
        Path f = write("bad.csv", b.toByteArray());
        InputException e = assertThrows(InputException.class, () -> CsvPlanReader.read(f, FACTS));
        assertTrue(e.getMessage().contains("BOM") && e.getMessage().contains("UTF-8"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    // ---- units ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"单位：元", "单位:元", "（单位：元）", "金额单位： 元"})
    void aTableInYuanGivesTheSameAmountsInWan(String unitRow) throws IOException {
        CountyPlan plan = read(TABLE.replace("单位：万元", unitRow).replace("79.71", "797100").replace("1200,", "12000000,")
                .replace("1279.71", "12797100"));
        assertAmount("79.71", plan.projects.get(0).amount);
        assertAmount("1200", plan.projects.get(1).amount);
        assertEquals("79.71", plan.projects.get(0).amount.toPlainString());
    }

    @Test
    void aYuanAmountWithCentsConvertsExactly() throws IOException {
        CountyPlan plan = read(TABLE.replace("单位：万元", "单位：元").replace("79.71", "797123.45").replace("1200,", "12000000,")
                .replace("1279.71", "12797123.45"));
        assertEquals("79.712345", plan.projects.get(0).amount.toPlainString());
    }

    @Test
    void aMoneyHeaderMayCarryItsOwnUnit() throws IOException {
        CountyPlan plan = read(TABLE.replace("单位：万元\n", "").replace("投资规模", "投资规模（元）")
                .replace("79.71", "797100").replace("1200,", "12000000,").replace("1279.71", "12797100"));
        assertAmount("79.71", plan.projects.get(0).amount);
    }

    @Test
    void anUnsupportedUnitIsAnError() throws IOException {
        InputException e = error(TABLE.replace("单位：万元", "单位：千元"));
        assertTrue(e.getMessage().contains("第2行") && e.getMessage().contains("千元"), e.getMessage());
    }

    // ---- totals and the fee row ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"合计", "总计", "合 计", "合计：", "小计"})
    void aTotalRowIsCheckedAndNeverAProject(String word) throws IOException {
        CountyPlan plan = read(TABLE.replace("合计,,,", word + ",,,"));
        assertEquals(2, plan.projects.size());
        assertTrue(plan.projects.stream().noneMatch(p -> p.name == null || p.name.contains("合计")));
    }

    @Test
    void aTotalRowMayCarryTheWordInTheNameColumnAndStandAboveTheRows() throws IOException {
        CountyPlan plan = read(TABLE.replace("合计,,,1279.71,\n", "").replace("序号,项目名称,建设地点,投资规模,责任单位\n",
                "序号,项目名称,建设地点,投资规模,责任单位\n,合计,,1279.71,\n"));
        assertEquals(2, plan.projects.size());
    }

    @Test
    void aWrongTotalIsAnErrorNamingItsRow() throws IOException {
        InputException e = error(TABLE.replace("1279.71", "1279.70"));
        assertEquals("plan.csv 第6行「投资规模」: 「合计」行金额 1279.7 万元与各行（项目及项目管理费）之和 1279.71 万元不符"
                + " (total differs from the sum of rows by -0.01)", e.getMessage().substring(e.getMessage().indexOf("plan.csv")));
    }

    @Test
    void subtotalsCheckTheirOwnSection() throws IOException {
        String table = """
                序号,项目名称,投资规模
                1,甲项目,10
                2,乙项目,20
                小计,,30
                3,丙项目,5
                小计,,5
                合计,,35
                """;
        assertEquals(3, read(table).projects.size());
        InputException e = error(table.replace("小计,,5", "小计,,6"));
        assertTrue(e.getMessage().contains("第6行") && e.getMessage().contains("小计"), e.getMessage());
    }

    @Test
    void subtotalsAboveTheirSectionCheckTheRowsBelow() throws IOException {
        String table = """
                序号,项目名称,投资规模
                合计,,35
                小计,,30
                1,甲项目,10
                2,乙项目,20
                小计,,5
                3,丙项目,5
                """;
        assertEquals(3, read(table).projects.size());
        InputException e = error(table.replace("小计,,30", "小计,,31"));
        assertTrue(e.getMessage().contains("第3行"), e.getMessage());
    }

    @Test
    void theManagementFeeRowIsTheFeeNotAProject() throws IOException {
        CountyPlan plan = read(TABLE.replace("合计,,,1279.71,", "3,中央第二批资金项目管理费(前期设计、评审、监理),,3.46,测试县财政局\n合计,,,1283.17,"));
        assertEquals(2, plan.projects.size());
        assertAmount("3.46", plan.getManagementFeeAmount());
    }

    @Test
    void aTableWithoutAFeeRowHasAFeeOfZero() throws IOException {
        assertAmount("0", read(TABLE).getManagementFeeAmount());
    }

    @Test
    void theTotalIncludesTheFeeRow() throws IOException {
        InputException e = error(TABLE.replace("合计,,,1279.71,", "3,项目管理费,,3.46,\n合计,,,1279.71,"));
        assertTrue(e.getMessage().contains("第7行") && e.getMessage().contains("1283.17"), e.getMessage());
    }

    // ---- headers --------------------------------------------------------------------------------------

    @Test
    void englishFieldNamesAreHeadersToo() throws IOException {
        CountyPlan plan = read("""
                seq, Name ,location,amount,responsibleUnit,category,industryChain,villageType,infrastructure,implementer.type,prepayment,payableAmount
                1,甲项目,甲村,100,甲乡,INDUSTRY,LIVESTOCK,POVERTY_EXITED,false,COOPERATIVE,10,100
                """);
        Project p = plan.projects.get(0);
        assertEquals(Category.INDUSTRY, p.category);
        assertEquals(IndustryChain.LIVESTOCK, p.industryChain);
        assertEquals(VillageType.POVERTY_EXITED, p.villageType);
        assertEquals(Boolean.FALSE, p.infrastructure);
        assertEquals(ImplementerType.COOPERATIVE, p.getImplementerType());
        assertAmount("10", p.prepayment);
    }

    @Test
    void chineseHeadersTakeChineseLabelsAndWhitespaceInsideHeadersIsIgnored() throws IOException {
        CountyPlan plan = read("""
                序 号,项目 名称,建设地点,投资规模,责任单位,项目类别,产业类型,村类别,是否基础建设类,实施主体类型,实施主体,入库日期,公示日期,绩效目标,支出科目,说明/理由,备注
                1,甲项目,甲村,100,甲乡,产业发展,畜,脱贫村,否,合作社,甲合作社,2023年10月15日,2023/12/29,带动农户50户；亩产提高10%,2130505,已报批,随便写
                """);
        Project p = plan.projects.get(0);
        assertEquals(Category.INDUSTRY, p.category);
        assertEquals(IndustryChain.LIVESTOCK, p.industryChain);
        assertEquals(VillageType.POVERTY_EXITED, p.villageType);
        assertEquals(Boolean.FALSE, p.infrastructure);
        assertEquals("甲合作社", p.implementer.name());
        assertEquals(LocalDate.of(2023, 10, 15), p.getLibraryEnteredOn());
        assertEquals(LocalDate.of(2023, 12, 29), p.getNoticedOn());
        assertEquals(List.of("带动农户50户", "亩产提高10%"), p.performanceTargets);
        assertEquals("2130505", p.budgetSubject);
        assertEquals("已报批", p.justification);
    }

    @Test
    void anUnknownHeaderIsAnErrorNamingIt() throws IOException {
        InputException e = error(TABLE.replace("责任单位", "负责单位"));
        assertTrue(e.getMessage().contains("plan.csv 第3行「负责单位」: 不是可识别的列名"), e.getMessage());
    }

    @Test
    void aMistypedEnglishHeaderIsAnErrorToo() throws IOException {
        InputException e = error("seq,name,amount,prepaymnet\n1,甲项目,100,10\n");
        assertTrue(e.getMessage().contains("「prepaymnet」"), e.getMessage());
    }

    @Test
    void aDuplicateColumnIsAnError() throws IOException {
        InputException e = error("序号,项目名称,投资规模,amount\n1,甲项目,100,100\n");
        assertTrue(e.getMessage().contains("重复"), e.getMessage());
    }

    @Test
    void theAmountColumnIsRequired() throws IOException {
        InputException e = error("序号,项目名称,建设地点\n1,甲项目,甲村\n");
        assertTrue(e.getMessage().contains("缺少「投资规模」列"), e.getMessage());
    }

    @Test
    void dataWithoutAHeaderIsAnError() throws IOException {
        InputException e = error("序号,项目名称,投资规模\n1,甲项目,100,多出来的\n");
        assertTrue(e.getMessage().contains("第2行") && e.getMessage().contains("D列"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} title rows")
    @ValueSource(ints = {0, 1, 3})
    void titleRowsAboveTheHeaderAreSkipped(int titles) throws IOException {
        String head = "标题\n".repeat(titles);
        CountyPlan plan = read(head + "序号,项目名称,投资规模\n1,甲项目,100\n");
        assertEquals(1, plan.projects.size());
    }

    @Test
    void noHeaderRowIsAnError() throws IOException {
        InputException e = error("序号,名称,投资规模\n1,甲项目,100\n");
        assertTrue(e.getMessage().contains("找不到表头行"), e.getMessage());
    }

    // ---- cells ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "1200 | 1200", "\"1,200.50\" | 1200.50", "１２００．５ | 1200.5", "\"１，２００．５\" | 1200.5",
            " 79.71  | 79.71", "0.5 | 0.5"})
    void amountCellsAcceptTheWaysTablesWriteNumbers(String cell, String expected) throws IOException {
        CountyPlan plan = read("序号,项目名称,投资规模\n1,甲项目," + cell + "\n");
        assertAmount(expected, plan.projects.get(0).amount);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12O", "1.2.3", "\"12,00\"", "一千", "-5", "1 200"})
    void aBadAmountNamesFileRowAndColumn(String cell) throws IOException {
        InputException e = error("标题\n序号,项目名称,投资规模\n1,甲项目,100\n2,乙项目," + cell + "\n");
        assertTrue(e.getMessage().contains("plan.csv 第4行「投资规模」: "), e.getMessage());
    }

    @Test
    void rowNumbersCountBlankLinesAsASpreadsheetShowsThem() throws IOException {
        InputException e = error("序号,项目名称,投资规模\n1,甲项目,100\n\n,,\n2,乙项目,12O\n");
        assertTrue(e.getMessage().endsWith("plan.csv 第5行「投资规模」: '12O' 不是金额 (not an amount)"), e.getMessage());
    }

    @Test
    void blankRowsAreSkipped() throws IOException {
        assertEquals(2, read("序号,项目名称,投资规模\n\n1,甲项目,100\n,,\n2,乙项目,5\n\n").projects.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"是, true", "否, false", "TRUE, true", "false, false"})
    void booleansAcceptChineseAndEnglish(String cell, boolean expected) throws IOException {
        assertEquals(expected, read("项目名称,投资规模,是否基础建设类\n甲项目,100," + cell + "\n").projects.get(0).infrastructure);
    }

    @Test
    void aBadEnumCellListsTheAcceptedValues() throws IOException {
        InputException e = error("序号,项目名称,投资规模,项目类别\n1,甲项目,100,产业\n");
        assertTrue(e.getMessage().contains("第2行「项目类别」") && e.getMessage().contains("INDUSTRY(产业发展)"), e.getMessage());
    }

    @Test
    void aBadDateNamesTheCell() throws IOException {
        InputException e = error("序号,项目名称,投资规模,入库日期\n1,甲项目,100,2023-02-30\n");
        assertTrue(e.getMessage().contains("第2行「入库日期」") && e.getMessage().contains("不是日期"), e.getMessage());
    }

    @Test
    void placeholdersInOptionalColumnsAreEmpty() throws IOException {
        Project p = read("序号,项目名称,投资规模,利益联结机制,预付金额\n1,甲项目,100,无,—\n").projects.get(0);
        assertNull(p.benefitLinkage);
        assertNull(p.prepayment);
    }

    @Test
    void otherFundingCellsListSourceAmountAndContent() throws IOException {
        Project p = read("序号,项目名称,投资规模,其他资金来源\n1,甲项目,100,高标准农田建设资金：200：土地平整；县级财政:50\n").projects.get(0);
        assertEquals(2, p.otherFunding.size());
        assertEquals("高标准农田建设资金", p.otherFunding.get(0).source());
        assertAmount("200", p.otherFunding.get(0).amount());
        assertEquals("土地平整", p.otherFunding.get(0).content());
        assertNull(p.otherFunding.get(1).content());
    }

    @Test
    void aMissingAmountIsAnError() throws IOException {
        InputException e = error("序号,项目名称,投资规模\n1,甲项目,\n");
        assertTrue(e.getMessage().contains("第2行「投资规模」: 缺少金额"), e.getMessage());
    }

    @Test
    void aDuplicateSeqIsAnErrorNamingBothRows() throws IOException {
        InputException e = error("序号,项目名称,投资规模\n1,甲项目,100\n1,乙项目,5\n");
        assertTrue(e.getMessage().contains("第3行") && e.getMessage().contains("第2行重复"), e.getMessage());
    }

    // ---- plan facts ------------------------------------------------------------------------------------

    @Test
    void theSeqIsTheSubjectAndIdStaysEmpty() throws IOException {
        CountyPlan plan = read(TABLE);
        assertNull(plan.projects.get(1).id);
        assertEquals("2", plan.projects.get(1).seq);
        assertEquals("2", plan.projects.get(1).getSubject());
    }

    @ParameterizedTest(name = "missing {0}")
    @ValueSource(strings = {"--county", "--year", "--fund"})
    void countyYearAndFundAreRequiredForATable(String option) throws IOException {
        PlanFacts facts = PlanFacts.fromOptions(option.equals("--county") ? null : "测试县", null,
                option.equals("--year") ? null : 2024, option.equals("--fund") ? null : "中央", null, null, null, null);
        // a title naming neither the year nor the fund source, so nothing can be taken from it
        Path f = csv(TABLE.replace("2024年中央财政衔接推进乡村振兴补助资金分配情况表", "衔接资金项目分配情况表"));
        InputException e = assertThrows(InputException.class, () -> CsvPlanReader.read(f, facts));
        assertTrue(e.getMessage().contains("missing plan facts: " + option), e.getMessage());
    }

    @Test
    void theSideFileGivesThePlanFactsAndOptionsOverrideIt() throws IOException {
        Path meta = dir.resolve("plan.meta.json");
        Files.writeString(meta, """
                {"county": "乌苏市", "prefecture": "塔城地区", "year": 2024, "fundSource": "REGIONAL",
                 "allocation": {"amount": "2463", "documentNo": "乌财振〔2024〕1号", "issuedOn": "2024-01-17", "budgetSubject": "2130505"}}
                """);
        CountyPlan plan = CsvPlanReader.read(csv(TABLE), PlanFacts.fromOptions(null, null, null, "中央", "1279.71", null, meta, null));
        assertEquals("乌苏市", plan.county);
        assertEquals("塔城地区", plan.prefecture);
        assertEquals(FundSource.CENTRAL, plan.fundSource);
        assertAmount("1279.71", plan.getAllocationAmount());
        assertEquals("乌财振〔2024〕1号", plan.allocation.documentNo());
        assertEquals(LocalDate.of(2024, 1, 17), plan.allocation.issuedOn());
    }

    @Test
    void aSideFileWithATypoIsAnErrorNamingTheField() throws IOException {
        Path meta = dir.resolve("bad.meta.json");
        Files.writeString(meta, "{\"county\": \"乌苏市\", \"yaer\": 2024}");
        InputException e = assertThrows(InputException.class,
                () -> CsvPlanReader.read(csv(TABLE), PlanFacts.fromOptions(null, null, null, null, null, null, meta, null)));
        assertTrue(e.getMessage().contains("「yaer」"), e.getMessage());
    }

    @Test
    void aBadFundOptionListsTheAcceptedValues() {
        InputException e = assertThrows(InputException.class,
                () -> PlanFacts.fromOptions("县", null, 2024, "省级", null, null, null, null));
        assertTrue(e.getMessage().startsWith("--fund") && e.getMessage().contains("CENTRAL(中央)"), e.getMessage());
    }

    @Test
    void theWusuNoticeReadsAsPublished() {
        CountyPlan plan = CsvPlanReader.read(Path.of("fixtures/wusu-2024/central-notice.csv"),
                PlanFacts.fromOptions("乌苏市", null, 2024, "CENTRAL", "3460", null, null, null));
        assertEquals(7, plan.projects.size());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), plan.projects.stream().map(Project::getSubject).toList());
        assertAmount("3460", plan.projects.stream().map(p -> p.amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertAmount("0", plan.getManagementFeeAmount());
        assertEquals("石桥铁架子牧民新村", plan.projects.get(4).location);
    }

    @Test
    void aJsonPlanTakesNoTableOptions() {
        InputException e = assertThrows(InputException.class, () -> PlanReaders.read(Path.of("fixtures/wusu-2024/central.json"),
                PlanFacts.fromOptions("乌苏市", null, null, null, null, null, null, null)));
        assertTrue(e.getMessage().contains("JSON"), e.getMessage());
    }
}
