package io.github.xianjie.report;

import io.github.xianjie.domain.Coded;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Inference;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Money;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Excel workpaper (审计底稿) of one check, three sheets:
 * <ol>
 *   <li>汇总 / Summary: plan facts, ruleset version and sha256, input file and sha256, counts by outcome,
 *       the plan's metrics and each share against its limit (plan-level results with an actual and a limit);</li>
 *   <li>检查结果 / Results: one row per rule × subject, the columns of {@link CsvResultsWriter}, outcome cells
 *       coloured (FAIL red, UNDETERMINED amber), with an auto-filter;</li>
 *   <li>输入 / Input: every project as read (inferred values are not input: they are listed in their own
 *       column with their evidence) and the rule IDs that failed or were undetermined for it.</li>
 * </ol>
 * Header rows are styled and frozen. Amounts are numeric cells in 万元 (so the workpaper sums), written from
 * the exact decimals; coded values show their Chinese label (their code in English); everything else is text.
 */
public final class WorkpaperWriter {
    private static final int MAX_WIDTH = 60;

    private WorkpaperWriter() {
    }

    /**
     * @param report  the report
     * @param english true for English sheet names, headers and messages
     * @param file    the {@code .xlsx} file to write (replaced when it exists)
     * @throws IOException when the file cannot be written
     */
    public static void write(Report report, boolean english, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, english, out);
        }
    }

    /** The document's creation time: the report's reference date ({@code asOf}) at 00:00 UTC, else 2000-01-01. */
    private static java.util.Date fixedCreated(Report report) {
        Object asOf = report.ruleset().get("asOf");
        java.time.LocalDate d;
        try {
            d = java.time.LocalDate.parse(String.valueOf(asOf));
        } catch (java.time.format.DateTimeParseException e) {
            d = java.time.LocalDate.of(2000, 1, 1);
        }
        return java.util.Date.from(d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    /**
     * @param report  the report
     * @param english true for English sheet names, headers and messages
     * @param out     where the workbook goes; not closed
     * @throws IOException when writing fails
     */
    public static void write(Report report, boolean english, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            wb.getProperties().getCoreProperties().setCreator("xianjie");
            // reproducible: the same input gives the same bytes, so the creation time is the parameters' reference date
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(fixedCreated(report)));
            summary(wb, st, report, english);
            results(wb, st, report, english);
            input(wb, st, report, english);
            manualReview(wb, report, english);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            wb.write(bytes);
            fixedZipTimes(bytes.toByteArray(), out);
        }
    }

    /** Copies a ZIP with every entry's time set to 2000-01-01 00:00 (DOS time, no time zone), for identical bytes. */
    private static void fixedZipTimes(byte[] zip, OutputStream out) throws IOException {
        java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTimeLocal(java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        z.finish();
    }

    /** @param english true for English @return the three sheet names in order */
    public static List<String> sheetNames(boolean english) {
        return english ? List.of("Summary", "Results", "Input") : List.of("汇总", "检查结果", "输入");
    }

    // ---- 汇总 Summary ------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static void summary(XSSFWorkbook wb, Styles st, Report report, boolean en) {
        Sheet sh = wb.createSheet(sheetNames(en).get(0));
        Map<String, Object> tree = report.toTree();
        Map<String, Object> plan = (Map<String, Object>) tree.get("plan");
        CountyPlan cp = report.evaluation().plan();
        Grid g = new Grid(sh, st, en);
        g.header(en ? "Item" : "项目", en ? "Value" : "内容");
        g.row(en ? "County" : "县（市）", plan.get("county"));
        g.row(en ? "Prefecture" : "地州", plan.get("prefecture"));
        g.row(en ? "Year" : "年度", plan.get("year"));
        g.row(en ? "Fund source" : "资金来源", cp.getFundSource().name() + (en ? "" : " " + cp.getFundSource().label()));
        g.row(en ? "Allocation (10k CNY)" : "到县资金（万元）", amount(cp.getAllocationAmount()));
        g.row(en ? "Allocation notice" : "下达文号", plan.get("documentNo"));
        g.row(en ? "Projects" : "项目数", plan.get("projects"));
        g.row(en ? "Management fee (10k CNY)" : "项目管理费（万元）", amount(cp.getManagementFeeAmount()));
        Map<String, Object> rs = report.ruleset();
        g.row(en ? "Ruleset version" : "规则集版本", rs.get("version"));
        g.row(en ? "Ruleset sha256" : "规则集 sha256", rs.get("sha256"));
        g.row(en ? "Measures of year" : "适用年度办法", rs.get("measuresYear"));
        g.row(en ? "Parameters as of" : "参数基准日", rs.get("asOf"));
        if (rs.containsKey("profile")) {
            g.row(en ? "Profile" : "地方配置", rs.get("profile"));
            g.row(en ? "Profile sha256" : "地方配置 sha256", rs.get("profileSha256"));
        }
        g.row(en ? "Stage" : "阶段", cp.getStage() == null ? (en ? "not stated" : "未注明（按执行阶段检查）")
                : en ? cp.getStage().name() : cp.getStage().label());
        String batch = TextReportWriter.batch(cp);
        if (batch != null) {
            g.row(en ? "Batch" : "批次", batch);
        }
        g.row(en ? "Input file" : "输入文件", report.input().get("file"));
        g.row(en ? "Input sha256" : "输入 sha256", report.input().get("sha256"));

        g.blank();
        g.header(en ? "Outcome" : "结论", en ? "Count" : "数量");
        Map<String, Integer> s = report.summary();
        g.row(en ? "FAIL (ERROR)" : "不符合（ERROR）", s.get("ERROR"));
        g.row(en ? "FAIL (WARNING)" : "不符合（WARNING）", s.get("WARNING"));
        g.row(en ? "Justified (INFO)" : "已说明理由（INFO）", s.get("INFO"));
        g.row(en ? "Undetermined" : "无法判定", s.get("UNDETERMINED"));
        g.row(en ? "Pass" : "通过", s.get("PASS"));
        g.row(en ? "Not applicable" : "不适用", s.get("NOT_APPLICABLE"));

        g.blank();
        g.header(en ? "Metric" : "指标", en ? "Value" : "数值");
        Map<String, String> metrics = (Map<String, String>) tree.get("metrics");
        metrics.forEach((k, v) -> {
            Row row = g.row(metricLabel(k, en), k.equals("projectsTotal") ? amount(new BigDecimal(v)) : fraction(v));
            if (!k.equals("projectsTotal")) {
                st.percent(row.getCell(1));
            }
        });

        g.blank();
        g.header(en ? "Rule" : "规则", en ? "Title" : "检查项", en ? "Actual" : "实际", en ? "Limit" : "限值",
                en ? "Outcome" : "结论", en ? "Severity" : "严重程度", en ? "Outcome code" : "结论代码",
                en ? "Severity code" : "严重程度代码");
        for (Result r : report.evaluation().results()) {
            Map<String, Object> ev = r.evidence();
            if (!"plan".equals(r.subject()) || !(ev.containsKey("limit") || ev.containsKey("limitPercent"))) {
                continue;
            }
            Object actual = share(ev, "actual");
            Object limit = share(ev, "limit");
            Row row = g.row(r.ruleId(), r.title(en), actual != null ? actual : first(ev, "actualPercent", "actual"),
                    limit != null ? limit : first(ev, "limitPercent", "limit"),
                    r.outcome().label(en), severityLabel(r.severity(), en), r.outcome().name(), r.severity());
            st.percent(row.getCell(2));
            st.percent(row.getCell(3));
            st.outcome(row.getCell(4), r.outcome());
        }
        sh.createFreezePane(0, 1);
        g.widths();
    }

    private static String metricLabel(String key, boolean en) {
        return switch (key) {
            case "projectsTotal" -> en ? "Projects total (10k CNY)" : "项目资金合计（万元）";
            case "industryShare" -> en ? "Industry share of allocation" : "产业发展比例";
            case "chainShareOfIndustry" -> en ? "Grain/cotton/fruit/livestock share of industry" : "粮棉果畜占产业资金比例";
            case "nonPovertyShare" -> en ? "Non-poverty villages share" : "非贫困村资金比例";
            case "managementFeeShare" -> en ? "Management fee share" : "项目管理费比例";
            default -> key;
        };
    }

    /**
     * @return a share in the evidence ({@code actual}/{@code limit} beside {@code actualPercent}/{@code limitPercent})
     *         as a number for a percent-formatted cell; any other value as it is (days, 万元); null when absent
     */
    private static Object share(Map<String, Object> ev, String key) {
        Object v = ev.get(key);
        if (v == null) {
            return null;
        }
        return ev.containsKey(key + "Percent") && fraction(v) != null ? fraction(v) : String.valueOf(v);
    }

    /** @return a fraction in the evidence ("0.4678") as a number for a percent-formatted cell, or null */
    private static BigDecimal fraction(Object v) {
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object first(Map<String, Object> ev, String... keys) {
        for (String k : keys) {
            if (ev.get(k) != null) {
                return ev.get(k);
            }
        }
        return "—";
    }

    // ---- 检查结果 Results ----------------------------------------------------------------------------------

    /** @param english true for English @return the column headers of the 检查结果 / Results sheet */
    public static List<String> resultHeaders(boolean english) {
        return english
                ? List.of("ruleId", "subject", "projectName", "outcome", "severity", "source", "message", "actual", "limit",
                "evidence", "missing", "outcomeCode", "severityCode")
                : List.of("规则编号", "对象", "项目名称", "结论", "严重程度", "依据", "说明", "实际", "限值",
                "证据", "缺少（表格列）", "结论代码", "严重程度代码");
    }

    /**
     * @param severity ERROR, WARNING or INFO
     * @param english  true for English
     * @return its label: 错误（不得）, 警告（原则上）, 已说明理由; English the code
     */
    public static String severityLabel(String severity, boolean english) {
        if (english || severity == null) {
            return severity;
        }
        return switch (severity) {
            case "ERROR" -> "错误";
            case "WARNING" -> "警告";
            case "INFO" -> "已说明理由";
            default -> severity;
        };
    }

    private static void results(XSSFWorkbook wb, Styles st, Report report, boolean en) {
        Sheet sh = wb.createSheet(sheetNames(en).get(1));
        Grid g = new Grid(sh, st, en);
        List<String> headers = resultHeaders(en);
        g.header(headers.toArray());
        List<List<String>> rows = CsvResultsWriter.rows(report, en);
        List<Result> results = report.evaluation().results();
        for (int i = 0; i < rows.size(); i++) {
            List<String> csv = rows.get(i);
            Result r = results.get(i);
            Map<String, Object> ev = r.evidence() == null ? Map.of() : r.evidence();
            Row row = g.row(csv.get(0), csv.get(1), csv.get(2), r.outcome().label(en), severityLabel(r.severity(), en),
                    csv.get(5), csv.get(6), share(ev, "actual"), share(ev, "limit"), csv.get(7),
                    io.github.xianjie.domain.ColumnNames.describe(r.missing(), en), r.outcome().name(), r.severity());
            st.percent(row.getCell(7));
            st.percent(row.getCell(8));
            st.outcome(row.getCell(3), r.outcome());
        }
        sh.createFreezePane(0, 1);
        if (!rows.isEmpty()) {
            sh.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, headers.size() - 1));
        }
        g.widths();
    }

    // ---- 输入 Input ---------------------------------------------------------------------------------------

    /** A column of the input echo: headers, the value, and the field whose inference does not count as input. */
    private record Col(String zh, String en, Function<Project, Object> value, String inferredField, boolean always) {
        static Col of(String zh, String en, Function<Project, Object> value) {
            return new Col(zh, en, value, null, false);
        }
    }

    private static final List<Col> INPUT_COLUMNS = List.of(
            new Col("对象", "Subject", Project::getSubject, null, true),
            Col.of("序号", "seq", p -> p.seq != null && !p.seq.equals(p.getSubject()) ? p.seq : null),
            new Col("项目名称", "name", p -> p.name, null, true),
            new Col("建设地点", "location", p -> p.location, null, true),
            new Col("投资规模（万元）", "amount (10k CNY)", p -> p.amount, null, true),
            new Col("责任单位", "responsibleUnit", p -> p.responsibleUnit, null, true),
            Col.of("乡镇", "town", p -> p.town),
            Col.of("村", "village", p -> p.village),
            Col.of("总投资（万元）", "investment (10k CNY)", p -> p.investment),
            Col.of("村类别", "villageType", p -> p.villageType),
            new Col("项目类别", "category", p -> p.category, "category", false),
            new Col("产业类型", "industryChain", p -> p.industryChain, "industryChain", false),
            new Col("是否基础建设类", "infrastructure", p -> p.infrastructure, "infrastructure", false),
            Col.of("合同金额（万元）", "contractAmount (10k CNY)", p -> p.contractAmount),
            Col.of("应付金额（万元）", "payableAmount (10k CNY)", p -> p.payableAmount),
            Col.of("预付金额（万元）", "prepayment (10k CNY)", p -> p.prepayment),
            Col.of("预付审核日期", "prepaymentApprovedOn", p -> p.prepaymentApprovedOn),
            Col.of("实施主体类型", "implementer.type", p -> p.implementer == null ? null : p.implementer.type()),
            Col.of("实施主体", "implementer.name", p -> p.implementer == null ? null : p.implementer.name()),
            Col.of("利益联结机制", "benefitLinkage", p -> p.benefitLinkage),
            Col.of("绩效目标", "performanceTargets", p -> p.performanceTargets),
            Col.of("入库日期", "libraryEntry.enteredOn", p -> p.libraryEntry == null ? null : p.libraryEntry.enteredOn()),
            Col.of("项目库编号", "libraryEntry.libraryId", p -> p.libraryEntry == null ? null : p.libraryEntry.libraryId()),
            Col.of("公示日期", "publicNotice.noticedOn", p -> p.publicNotice == null ? null : p.publicNotice.noticedOn()),
            Col.of("支出科目", "budgetSubject", p -> p.budgetSubject),
            Col.of("其他资金来源", "otherFunding", p -> p.otherFunding == null ? null : p.otherFunding.stream()
                    .map(f -> f.source() + "：" + plain(f.amount()) + (f.content() == null ? "" : "：" + f.content()))
                    .collect(Collectors.joining("；"))),
            Col.of("支出明细", "expenseItems", p -> p.expenseItems == null ? null : p.expenseItems.stream()
                    .map(x -> x.description() + "：" + plain(x.amount()) + (x.economicClass() == null ? "" : "：" + x.economicClass()))
                    .collect(Collectors.joining("；"))),
            Col.of("尽职调查单位", "dueDiligence.by", p -> p.dueDiligence == null ? null : p.dueDiligence.by()),
            Col.of("尽职调查日期", "dueDiligence.on", p -> p.dueDiligence == null ? null : p.dueDiligence.on()),
            Col.of("说明/理由", "justification", p -> p.justification),
            Col.of("建设内容", "content", p -> p.content),
            Col.of(io.github.xianjie.domain.ColumnNames.of("transportScope"), "transportScope", p -> p.transportScope),
            Col.of(io.github.xianjie.domain.ColumnNames.of("duplicatesHrPost"), "duplicatesHrPost", p -> p.duplicatesHrPost),
            Col.of(io.github.xianjie.domain.ColumnNames.of("localMatching"), "localMatching", p -> p.localMatching),
            Col.of(io.github.xianjie.domain.ColumnNames.of("filedByIntermediary"), "filedByIntermediary", p -> p.filedByIntermediary));

    private static void input(XSSFWorkbook wb, Styles st, Report report, boolean en) {
        Sheet sh = wb.createSheet(sheetNames(en).get(2));
        List<Project> projects = report.evaluation().plan().getProjects();
        List<Col> cols = new ArrayList<>();
        for (Col c : INPUT_COLUMNS) {
            if (c.always() || projects.stream().anyMatch(p -> given(c, p) != null)) {
                cols.add(c);
            }
        }
        Grid g = new Grid(sh, st, en);
        List<Object> headers = new ArrayList<>();
        cols.forEach(c -> headers.add(en ? c.en() : c.zh()));
        headers.add(en ? "Inferred (not input)" : "推断（非输入）");
        headers.add(en ? "Findings (failed / undetermined)" : "检查发现（不符合 / 无法判定）");
        g.header(headers.toArray());
        Map<String, Map<Outcome, List<String>>> findings = new LinkedHashMap<>();
        for (Result r : report.evaluation().results()) {
            if (r.outcome() == Outcome.FAIL || r.outcome() == Outcome.UNDETERMINED) {
                findings.computeIfAbsent(r.subject(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.outcome(), k -> new ArrayList<>()).add(r.ruleId());
            }
        }
        for (Project p : projects) {
            List<Object> values = new ArrayList<>();
            cols.forEach(c -> values.add(given(c, p)));
            values.add(p.getInferences().stream().map(i -> inference(i, en)).collect(Collectors.joining("；")));
            Map<Outcome, List<String>> f = findings.getOrDefault(p.getSubject(), Map.of());
            List<String> parts = new ArrayList<>();
            for (Outcome o : List.of(Outcome.FAIL, Outcome.UNDETERMINED)) {
                if (f.containsKey(o)) {
                    parts.add((en ? o.name() + ": " : o.label(false) + "：") + String.join(en ? ", " : "、", f.get(o)));
                }
            }
            Row row = g.rowPlus(values.toArray(), parts.isEmpty() ? "" : String.join(en ? "; " : "；", parts));
            if (!parts.isEmpty()) {
                st.outcome(row.getCell(values.size()), f.containsKey(Outcome.FAIL) ? Outcome.FAIL : Outcome.UNDETERMINED);
            }
        }
        sh.createFreezePane(0, 1);
        if (!projects.isEmpty()) {
            sh.setAutoFilter(new CellRangeAddress(0, projects.size(), 0, headers.size() - 1));
        }
        g.widths();
    }

    /** @return the column's value for the project when it was input, null when absent or inferred */
    private static Object given(Col c, Project p) {
        if (c.inferredField() != null && p.inferenceFor(c.inferredField()) != null) {
            return null;
        }
        Object v = c.value().apply(p);
        if (v instanceof Collection<?> coll) {
            return coll.isEmpty() ? null : coll.stream().map(String::valueOf).collect(Collectors.joining("；"));
        }
        return v;
    }

    private static String inference(Inference i, boolean en) {
        return InferenceText.describe(i, en);
    }

    private static BigDecimal amount(BigDecimal v) {
        return v == null ? null : Money.plain(v);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : Money.plain(v).toPlainString();
    }

    // ---- cells and styles ----------------------------------------------------------------------------------

    /** Writes rows from the top of a sheet and tracks column widths. */
    private static final class Grid {
        private final Sheet sheet;
        private final Styles st;
        private final boolean english;
        private final List<Integer> widths = new ArrayList<>();
        private int next;

        Grid(Sheet sheet, Styles st, boolean english) {
            this.sheet = sheet;
            this.st = st;
            this.english = english;
        }

        void header(Object... values) {
            Row row = write(values);
            row.forEach(c -> c.setCellStyle(st.header));
        }

        Row row(Object... values) {
            return write(values);
        }

        /** A row of values followed by one more. */
        Row rowPlus(Object[] values, Object last) {
            Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
            all[values.length] = last;
            return write(all);
        }

        void blank() {
            next++;
        }

        private Row write(Object[] values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                org.apache.poi.ss.usermodel.Cell cell = row.createCell(i);
                Object v = values[i];
                boolean number = v instanceof BigDecimal;
                if (v instanceof BigDecimal b) {
                    cell.setCellValue(b.doubleValue());
                } else if (v instanceof Integer n) {
                    cell.setCellValue(n);
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(english ? b.toString() : b ? "是" : "否");
                } else if (v instanceof Coded c) {
                    cell.setCellValue(english ? c.name() : c.label());
                } else if (v instanceof Enum<?> e) {
                    cell.setCellValue(e.name());
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d.toString());
                } else if (v != null) {
                    cell.setCellValue(String.valueOf(v));
                }
                cell.setCellStyle(number ? st.amount : st.body);
                track(i, v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v));
            }
            return row;
        }

        private void track(int col, String text) {
            while (widths.size() <= col) {
                widths.add(6);
            }
            int w = 2;
            for (int i = 0; i < text.length(); i++) {
                w += text.charAt(i) > 0x2E80 ? 2 : 1;
            }
            widths.set(col, Math.max(widths.get(col), Math.min(w, MAX_WIDTH)));
        }

        void widths() {
            for (int i = 0; i < widths.size(); i++) {
                sheet.setColumnWidth(i, widths.get(i) * 256);
            }
        }
    }

    /** The workbook's cell styles. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle body;
        final CellStyle amount;
        final CellStyle percentage;
        final CellStyle fail;
        final CellStyle undetermined;

        Styles(XSSFWorkbook wb) {
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            XSSFCellStyle h = wb.createCellStyle();
            h.setFont(bold);
            h.setFillForegroundColor(rgb(0xD9, 0xE1, 0xF2));
            h.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            h.setBorderBottom(BorderStyle.THIN);
            h.setVerticalAlignment(VerticalAlignment.CENTER);
            header = h;
            XSSFCellStyle b = wb.createCellStyle();
            b.setVerticalAlignment(VerticalAlignment.TOP);
            body = b;
            XSSFCellStyle a = wb.createCellStyle();
            a.setVerticalAlignment(VerticalAlignment.TOP);
            a.setDataFormat(wb.createDataFormat().getFormat("General"));   // exact: 3460, 79.71, 60.1254
            amount = a;
            XSSFCellStyle pc = wb.createCellStyle();
            pc.setVerticalAlignment(VerticalAlignment.TOP);
            pc.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            percentage = pc;
            fail = coloured(wb, rgb(0xFF, 0xC7, 0xCE), rgb(0x9C, 0x00, 0x06), true);
            undetermined = coloured(wb, rgb(0xFF, 0xEB, 0x9C), rgb(0x9C, 0x57, 0x00), false);
        }

        /** Formats a numeric cell (a fraction) as a percentage, 0.4678 → 46.78%. */
        void percent(org.apache.poi.ss.usermodel.Cell cell) {
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                cell.setCellStyle(percentage);
            }
        }

        void outcome(org.apache.poi.ss.usermodel.Cell cell, Outcome o) {
            if (o == Outcome.FAIL) {
                cell.setCellStyle(fail);
            } else if (o == Outcome.UNDETERMINED) {
                cell.setCellStyle(undetermined);
            }
        }

        private static XSSFCellStyle coloured(XSSFWorkbook wb, XSSFColor fill, XSSFColor text, boolean bold) {
            XSSFFont f = wb.createFont();
            f.setColor(text);
            f.setBold(bold);
            XSSFCellStyle s = wb.createCellStyle();
            s.setFont(f);
            s.setFillForegroundColor(fill);
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            s.setVerticalAlignment(VerticalAlignment.TOP);
            return s;
        }

        private static XSSFColor rgb(int r, int g, int b) {
            return new XSSFColor(new byte[] {(byte) r, (byte) g, (byte) b}, null);
        }
    }

    /**
     * A 需人工复核 sheet, only when some project's purpose was not recognised (NL-99 FAIL): one row per project
     * with its name, severity (WARNING, INFO when justified) and the words read (新财规〔2021〕11号 第四条第8项).
     */
    private static void manualReview(XSSFWorkbook wb, Report report, boolean en) {
        List<Result> rs = report.evaluation().results().stream()
                .filter(r -> r.ruleId().equals("NL-99") && r.outcome() == Outcome.FAIL).toList();
        if (rs.isEmpty()) {
            return;
        }
        Sheet sh = wb.createSheet(en ? "Manual review" : "需人工复核");
        String[] head = en ? new String[] {"Project", "Name", "Severity", "Words read"}
                : new String[] {"项目", "项目名称", "级别", "已读词语"};
        org.apache.poi.ss.usermodel.Row h = sh.createRow(0);
        for (int c = 0; c < head.length; c++) {
            h.createCell(c).setCellValue(head[c]);
        }
        Map<String, String> names = new java.util.HashMap<>();
        report.evaluation().plan().getProjects().forEach(p -> names.put(p.getSubject(), p.getName()));
        int row = 1;
        for (Result r : rs) {
            org.apache.poi.ss.usermodel.Row x = sh.createRow(row++);
            Object words = r.evidence().get("words");
            x.createCell(0).setCellValue(r.subject());
            x.createCell(1).setCellValue(names.getOrDefault(r.subject(), ""));
            x.createCell(2).setCellValue(r.severity());
            x.createCell(3).setCellValue(words instanceof List<?> l ? String.join(" / ", l.stream().map(String::valueOf).toList()) : "");
        }
    }
}
