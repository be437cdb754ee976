package io.github.xianjie.input;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.Coded;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.DueDiligence;
import io.github.xianjie.domain.ExpenseItem;
import io.github.xianjie.domain.Implementer;
import io.github.xianjie.domain.ImplementerType;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.LibraryEntry;
import io.github.xianjie.domain.ManagementFee;
import io.github.xianjie.domain.OtherFunding;
import io.github.xianjie.domain.Project;
import io.github.xianjie.domain.PublicNotice;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.engine.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The table logic shared by {@link CsvPlanReader} and {@link XlsxPlanReader}: a published project table
 * (分配情况表) becomes the same {@link CountyPlan} as the JSON of plan-format.md.
 *
 * <ul>
 *   <li>Header row: the first row with a cell 项目名称 (or {@code name}). Rows above it are title rows; one
 *       of them may state the unit ({@code 单位：万元}, {@code 单位：元}). 元 are converted to 万元 exactly
 *       ({@link BigDecimal#movePointLeft(int)}). A money header may carry its own unit, e.g. {@code 投资规模（元）}.</li>
 *   <li>Header cells are trimmed, internal whitespace removed and full-width forms folded (NFKC). Each
 *       must be a Chinese column name of plan-format.md or an English field name; 备注 is ignored; any
 *       other header is an error naming it, so a typo never silently switches a rule off.</li>
 *   <li>A row whose 序号 or 项目名称 is 合计, 总计 or 小计 is a total row: never a project, and its 投资规模
 *       must equal the sum of the rows it totals (合计/总计: every project and fee row of the table;
 *       小计: the rows of its section), else an error naming the row.</li>
 *   <li>A row whose 项目名称 contains 项目管理费 is the plan's management fee (several such rows are added),
 *       not a project. A table without a fee row has a fee of 0 万元: a published table lists every use of
 *       the funds. A fee in the {@code --plan-meta} file is used when the table has no fee row, and must
 *       agree with the fee rows when it has.</li>
 *   <li>Each project's 序号 becomes its {@code seq} and report subject; {@code id} stays null unless the
 *       table has an {@code id} column. Blank rows are skipped. 序号 restarting in each section gives
 *       subjects {@code 一-1}, {@code 二-3}.</li>
 *   <li>Tables as published: 建设内容/建设任务/建设规模 are {@code content}; 实施单位 the implementer's name,
 *       主管部门 the 责任单位; 责任人, 联系人, 资金来源, 备注 are not read. Split fund columns (中央 / 自治区 / 市级
 *       / 县级 / 其他资金, also under a two-row header 资金规模 → 合计 | 中央 | 自治区): the column of the plan's
 *       fund source is {@code amount}, the others {@code otherFunding}, the total or their sum {@code investment};
 *       a row with nothing in the fund's column is left out with a note on standard error. A 其中 column beside
 *       a total (其中衔接资金) is the amount; two candidate columns without {@code --amount-column} are an error
 *       naming both.</li>
 *   <li>Totals may carry a unit or a suffix (合计（万元）, 合计金额, 总计：, 全县合计). A 序号 一/二/三 row with a
 *       name and an amount but no rows of its own below is a project; with 序号 blank only 一、… or （一）…
 *       opens a section, so 四棵树镇… stays a project.</li>
 *   <li>Amount cells accept numbers, numbers stored as text, thousands separators ({@code 1,200.50}) and
 *       full-width digits and punctuation ({@code １２００．５}); dates accept 2023-12-29, 2023/12/29,
 *       2023.12.29, 2023年12月29日 and 20231229; booleans 是/否/true/false; enum cells a code or its Chinese
 *       label. A cell holding only a placeholder (—, -, /, 无) in an optional column counts as empty.</li>
 * </ul>
 * Errors name the file, sheet, row (1-based, as a spreadsheet shows it) and column header, in Chinese.
 */
public final class TablePlanReader {
    /** Words in 序号 or 项目名称 that mark a total row. */
    public static final Set<String> TOTAL_WORDS = Set.of("合计", "总计", "小计");
    /** Word in 项目名称 that marks the management-fee row. */
    public static final String FEE_WORD = "项目管理费";
    /** Header of a column that is never read. */
    public static final String REMARK = "备注";
    /** Headers of columns kept in the table but not read: remarks, the person responsible, contacts, the funds' wording. */
    public static final List<String> UNREAD = List.of(REMARK, "责任人", "项目责任人", "联系人", "联系电话", "资金来源");

    /**
     * A fund column of a table that shows the funds side by side (中央 / 自治区 / 市级 / 县级 / 其他资金), or a
     * 其中 column beside a total (其中少数民族发展资金, 其中衔接资金). Group 1: 其中; group 2: the level or kind.
     */
    private static final Pattern FUND_HEADER = Pattern.compile(
            "^(其中[:：]?)?(中央|自治区|省级|省|市级|市|地区|地级|州|县级|县|区级|少数民族发展|衔接|其他|自筹|社会)"
                    + "(财政)?(衔接推进乡村振兴补助|衔接|专项)?(资金|投入)?$");

    private static final Pattern HEADER_UNIT = Pattern.compile("^(.+?)[(（\\[【](万元|元)[)）\\]】]$");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?|[+-]?\\.\\d+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern DATE_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Set<String> PLACEHOLDERS = Set.of("—", "——", "–", "-", "--", "/", "／", "无");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[\\r\\n;；]+");
    private static final Pattern PART_SEPARATOR = Pattern.compile("[:：]");

    private TablePlanReader() {
    }

    /** A value a cell could not give: a formula error, or a formula without a result. */
    record Unreadable(String why) {
    }

    /**
     * One cell as the file holds it.
     *
     * @param value     null (empty), {@link String}, {@link BigDecimal} (a numeric cell), {@link Boolean},
     *                  {@link LocalDate} (a date-formatted cell) or {@link Unreadable}
     * @param inherited true when the value comes from the top of a merged region above this cell
     */
    record Cell(Object value, boolean inherited) {
        static final Cell EMPTY = new Cell(null, false);

        boolean blank() {
            return value == null || (value instanceof String s && s.isBlank());
        }
    }

    /**
     * One row of the table.
     *
     * @param number 1-based row number as a spreadsheet shows it
     * @param cells  cells from column A on
     */
    record Row(int number, List<Cell> cells) {
        Cell cell(int col) {
            return col < cells.size() ? cells.get(col) : Cell.EMPTY;
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c.inherited() || c.blank());
        }
    }

    /** What a column holds. */
    private enum Kind { TEXT, LINE, MONEY, DATE, BOOL, ENUM, LIST, FUNDING, EXPENSES }

    /** A readable column: its field path (the English header) and Chinese headers. */
    private enum Field {
        ID("id", Kind.LINE, "项目编号"),
        SEQ("seq", Kind.LINE, "序号", "项目序号", "编号"),
        NAME("name", Kind.LINE, "项目名称"),
        LOCATION("location", Kind.LINE, "建设地点", "实施地点", "项目地点"),
        CONTENT("content", Kind.TEXT, "建设内容", "建设任务", "建设规模", "建设内容及规模", "建设内容和规模", "建设规模及内容",
                "主要建设内容", "项目内容", "建设内容及标准"),
        TOWN("town", Kind.LINE, "乡镇"),
        VILLAGE("village", Kind.LINE, "村"),
        AMOUNT("amount", Kind.MONEY, "投资规模", "资金规模", "投资金额", "安排资金", "衔接资金", "资金金额", "金额"),
        INVESTMENT("investment", Kind.MONEY, "总投资", "项目总投资"),
        RESPONSIBLE_UNIT("responsibleUnit", Kind.LINE, "责任单位", "主管部门", "项目主管部门"),
        VILLAGE_TYPE("villageType", Kind.ENUM, "村类别"),
        CATEGORY("category", Kind.ENUM, "项目类别"),
        INDUSTRY_CHAIN("industryChain", Kind.ENUM, "产业类型"),
        INFRASTRUCTURE("infrastructure", Kind.BOOL, "是否基础建设类"),
        CONTRACT_AMOUNT("contractAmount", Kind.MONEY, "合同金额"),
        PAYABLE_AMOUNT("payableAmount", Kind.MONEY, "应付金额"),
        PREPAYMENT("prepayment", Kind.MONEY, "预付金额"),
        PREPAYMENT_APPROVED_ON("prepaymentApprovedOn", Kind.DATE, "预付审核日期"),
        IMPLEMENTER_NAME("implementer.name", Kind.LINE, "实施主体", "实施单位", "项目实施单位", "implementer"),
        IMPLEMENTER_TYPE("implementer.type", Kind.ENUM, "实施主体类型", "implementerType"),
        BENEFIT_LINKAGE("benefitLinkage", Kind.TEXT, "利益联结机制"),
        PERFORMANCE_TARGETS("performanceTargets", Kind.LIST, "绩效目标"),
        LIBRARY_ENTERED_ON("libraryEntry.enteredOn", Kind.DATE, "入库日期", "libraryEnteredOn"),
        LIBRARY_ID("libraryEntry.libraryId", Kind.LINE, "项目库编号", "入库编号", "libraryId"),
        NOTICED_ON("publicNotice.noticedOn", Kind.DATE, "公示日期", "noticedOn"),
        BUDGET_SUBJECT("budgetSubject", Kind.LINE, "支出科目"),
        OTHER_FUNDING("otherFunding", Kind.FUNDING, "其他资金来源"),
        EXPENSE_ITEMS("expenseItems", Kind.EXPENSES, "支出明细"),
        DUE_DILIGENCE_BY("dueDiligence.by", Kind.LINE, "尽职调查单位"),
        DUE_DILIGENCE_ON("dueDiligence.on", Kind.DATE, "尽职调查日期"),
        JUSTIFICATION("justification", Kind.TEXT, "说明/理由", "说明", "理由", "说明理由"),
        TRANSPORT_SCOPE("transportScope", Kind.LINE, "交通补助范围"),
        DUPLICATES_HR_POST("duplicatesHrPost", Kind.BOOL, "是否与人社公益性岗位重复"),
        LOCAL_MATCHING("localMatching", Kind.BOOL, "是否用于地方配套"),
        FILED_BY_INTERMEDIARY("filedByIntermediary", Kind.BOOL, "是否中介机构代理申报"),
        COUNTY_PLAN_PROJECT("countyPlanProject", Kind.BOOL, "县级乡村振兴规划项目"),
        TASK("task", Kind.ENUM, "任务/资金类别", "资金类别", "任务类别");

        final String path;
        final Kind kind;
        final List<String> names;

        Field(String path, Kind kind, String... chinese) {
            this.path = path;
            this.kind = kind;
            this.names = List.of(chinese);
        }

        String display() {
            return names.isEmpty() ? path : names.get(0);
        }
    }

    private static final Map<String, Field> HEADERS = new HashMap<>();

    static {
        for (Field f : Field.values()) {
            HEADERS.put(f.path.toLowerCase(Locale.ROOT), f);
            for (String n : f.names) {
                HEADERS.put(n.toLowerCase(Locale.ROOT), f);
            }
        }
    }

    /** A mapped column. */
    private record Column(int index, String header, Field field, int unitScale, String fund, boolean within) {
        Column(int index, String header, Field field, int unitScale) {
            this(index, header, field, unitScale, null, false);
        }
    }

    /**
     * Where a row's amounts come from: the column holding the checked fund's amount, the total column that
     * becomes {@code investment} (or null), and the other funds' columns that become {@code otherFunding}.
     */
    private record Layout(Column amount, Column total, List<Column> others, boolean split) {
    }

    /** A total row met while reading, checked at the end. */
    private record Total(int rowNumber, String word, BigDecimal amount, int position, int headingDepth) {
        Total(int rowNumber, String word, BigDecimal amount, int position) {
            this(rowNumber, word, amount, position, 0);
        }

        /** @return true for a section heading with an amount (一、… or （一）…), which totals the rows below it */
        boolean heading() {
            return headingDepth > 0;
        }
    }

    /** Where messages point: file (and sheet) plus row and header. */
    private record Where(String prefix) {
        InputException at(int row, String header, String message) {
            return new InputException(prefix + "第" + row + "行" + (header == null ? "" : "「" + header + "」") + ": " + message);
        }

        InputException at(int row, String message) {
            return at(row, null, message);
        }
    }

    /**
     * Reads a project table into a plan.
     *
     * @param file   the table file, for messages and the plan facts
     * @param prefix where messages point, e.g. {@code central.xlsx 工作表「Sheet1」} or {@code central.csv }
     * @param rows   every row of the sheet, in order
     * @param facts  plan-level facts from options or the side file
     * @return the validated plan; amounts in 万元
     * @throws InputException naming file, sheet, row and column of the first problem
     */
    static CountyPlan read(Path file, String prefix, List<Row> rows, PlanFacts facts) {
        Where where = new Where(prefix);
        Limits.table(rows, prefix.strip());
        int headerAt = findHeaderRow(rows);
        if (headerAt < 0) {
            throw new InputException(prefix.strip() + ": 找不到表头行，表头应含「项目名称」(或 name) 列 (no header row)");
        }
        rows = withSubHeader(rows, headerAt);
        StringBuilder title = new StringBuilder();
        for (Row r : rows.subList(0, headerAt)) {
            for (Cell c : r.cells()) {
                if (c.value() instanceof String t && !c.inherited() && !t.contains("单位")) {
                    title.append(t).append(' ');
                }
            }
        }
        int tableScale = tableUnit(rows.subList(0, headerAt), rows.get(headerAt), where);
        Row header = rows.get(headerAt);
        List<Column> columns = mapHeader(header, tableScale, where, facts.amountColumn());
        checkFundChoice(columns, facts, header, where);
        CountyPlan plan = facts.basePlan(file, title.toString());
        Map<Field, Column> byField = new LinkedHashMap<>();
        columns.forEach(c -> {
            if (c.field() != null) {
                byField.put(c.field(), c);
            }
        });
        boolean fundColumns = columns.stream().anyMatch(c -> c.fund() != null);
        for (Field required : fundColumns ? List.of(Field.NAME) : List.of(Field.NAME, Field.AMOUNT)) {
            if (!byField.containsKey(required)) {
                throw where.at(header.number(), "缺少「" + required.display() + "」列 (missing column " + required.path + ")");
            }
        }
        int width = header.cells().size();
        Layout layout = layout(columns, byField, facts, plan, header, where);
        List<String> sections = new ArrayList<>();   // each project's section numeral, or null
        String section = null;
        int skipped = 0;

        List<Project> projects = new ArrayList<>();
        List<Integer> projectRows = new ArrayList<>();
        List<BigDecimal> items = new ArrayList<>();   // project and fee amounts, in table order
        List<Total> totals = new ArrayList<>();
        BigDecimal fee = null;
        List<String> feeUses = new ArrayList<>();
        Map<String, Integer> seqRows = new HashMap<>();
        String heading = null;
        List<Row> body = rows.subList(headerAt + 1, rows.size());
        for (int ri = 0; ri < body.size(); ri++) {
            Row row = body.get(ri);
            if (row.blank()) {
                continue;
            }
            for (int c = width; c < row.cells().size(); c++) {
                if (!row.cell(c).blank() && !row.cell(c).inherited()) {
                    throw where.at(row.number(), "第" + columnLetter(c) + "列有数据但没有表头 (data in a column without header)");
                }
            }
            for (Column col : columns) {
                if (col.field() == null && col.header() == null && !row.cell(col.index()).blank()
                        && !row.cell(col.index()).inherited()) {
                    throw where.at(row.number(), "第" + columnLetter(col.index()) + "列有数据但没有表头 (data in a column without header)");
                }
            }
            Column seqCol = byField.get(Field.SEQ);
            Column nameCol = byField.get(Field.NAME);
            Column amountCol = layout.amount();
            String seqWord = seqCol == null ? null : squeeze(text(row, seqCol, where));
            String nameText = text(row, nameCol, where);
            String nameWord = squeeze(nameText);
            String totalWord = totalWord(seqWord) != null ? totalWord(seqWord) : totalWord(nameWord);
            if (totalWord != null) {
                totals.add(new Total(row.number(), totalWord, money(row, amountCol, where), items.size()));
                continue;
            }
            if (isFootnote(seqWord, nameWord) && money(row, amountCol, where) == null) {
                String note = squeeze(seqWord != null && !seqWord.isEmpty() ? seqWord : nameWord);
                Matcher unit = UNIT_NOTE.matcher(note);
                if (unit.find() && unitScale(unit.group(1)) >= 0 && unitScale(unit.group(1)) != tableScale) {
                    throw where.at(row.number(), "表下注释说明金额单位为「" + unit.group(1) + "」，与表格按「"
                            + (tableScale == 4 ? "元" : "万元") + "」读取的金额不符；请在表头上方加一行「单位：" + unit.group(1)
                            + "」(a note below the table states another unit)");
                }
                continue;
            }
            if (isHeading(seqWord, nameWord) && !(nameWord != null && money(row, amountCol, where) != null
                    && !hasRowsBelow(body, ri, depth(seqWord, nameWord), seqCol, nameCol, where))) {
                // a heading opens a section (and, with an amount, totals it like a 小计 heading its rows);
                // a "heading" with a name and an amount but no rows of its own below is a project (序号 一/二/三)
                totals.add(new Total(row.number(), "小计", money(row, amountCol, where), items.size(), depth(seqWord, nameWord)));
                heading = nameText != null && !nameText.isBlank() ? nameText.strip() : text(row, seqCol, where).strip();
                Matcher numeral = NUMERAL.matcher(seqWord != null && !seqWord.isEmpty() ? seqWord : nameWord);
                section = numeral.find() ? numeral.group() : null;
                continue;
            }
            if (nameText != null && nameText.contains(FEE_WORD)) {
                BigDecimal amount = money(row, amountCol, where);
                if (amount == null) {
                    throw where.at(row.number(), amountCol.header(), "项目管理费行缺少金额 (management-fee row without amount)");
                }
                fee = fee == null ? amount : fee.add(amount);
                feeUses.addAll(feeUsesOf(nameText));
                items.add(amount);
                continue;
            }
            Project p = project(row, columns, where);
            if (!applyLayout(p, row, layout, where)) {
                skipped++;
                System.err.println(prefix + "第" + row.number() + "行「" + p.name + "」：「" + layout.amount().header()
                        + "」列没有金额，只有其他资金，不属于本次检查的资金，未计入 (row funded only by other funds, not counted)");
                continue;
            }
            if (p.name == null) {
                throw where.at(row.number(), nameCol.header(), "缺少项目名称 (project name required)");
            }
            if (p.amount == null) {
                throw where.at(row.number(), amountCol.header(), "缺少金额 (amount required)");
            }
            if (p.seq != null) {
                Integer before = seqRows.putIfAbsent((section == null ? "" : section) + "\u0000" + p.seq, row.number());
                if (before != null) {
                    throw where.at(row.number(), seqCol.header(), "序号「" + p.seq + "」与第" + before + "行重复 (duplicate 序号)");
                }
            }
            p.setSectionHeading(heading);
            sections.add(section);
            projects.add(p);
            projectRows.add(row.number());
            items.add(p.amount);
        }
        if (projects.isEmpty()) {
            throw new InputException(prefix.strip() + ": 表头（第" + header.number() + "行）下没有项目行"
                    + (skipped > 0 ? "：" + skipped + " 行只有其他资金，「" + layout.amount().header() + "」列均为空" : "") + " (no project rows)");
        }
        numberBySection(projects, sections);
        checkTotals(totals, items, where, layout.amount().header());

        plan.projects = projects;
        plan.managementFee = managementFee(plan.managementFee, fee, prefix);
        if (!feeUses.isEmpty() && plan.managementFee.uses().isEmpty()) {
            plan.managementFee = new ManagementFee(plan.managementFee.amount(), List.copyOf(feeUses));
        }
        PlanValidator.validate(plan, prefix.strip());
        return plan;
    }

    /** "项目管理费（用于差旅费、工作餐费）" or "项目管理费(主要用于设计、监理)": the uses named in the fee row (AF-02). */
    private static final java.util.regex.Pattern FEE_USES_IN_NAME =
            java.util.regex.Pattern.compile("项目管理费\\s*[（(]\\s*(?:主要)?用于\\s*([^）)]+)[）)]");

    /**
     * The uses a fee row names in brackets after 用于, split at 、，,；; (a small reading of the row's own words).
     *
     * @param name the fee row's 项目名称
     * @return the uses, or empty when the row names none
     */
    static List<String> feeUsesOf(String name) {
        java.util.regex.Matcher m = FEE_USES_IN_NAME.matcher(name);
        List<String> out = new ArrayList<>();
        if (m.find()) {
            for (String u : m.group(1).split("[、，,；;]|以及|和|及")) {
                String t = u.strip().replaceFirst("等$", "");
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static ManagementFee managementFee(ManagementFee fromMeta, BigDecimal fromTable, String prefix) {
        if (fromTable == null) {
            return fromMeta != null && fromMeta.amount() != null ? fromMeta : new ManagementFee(BigDecimal.ZERO, List.of());
        }
        if (fromMeta != null && fromMeta.amount() != null) {
            if (fromMeta.amount().compareTo(fromTable) != 0) {
                throw new InputException(prefix.strip() + ": 表中项目管理费 " + Money.plain(fromTable).toPlainString()
                        + " 万元与计划信息文件中的 managementFee.amount " + Money.plain(fromMeta.amount()).toPlainString()
                        + " 万元不一致 (management fee differs from the side file)");
            }
            return new ManagementFee(fromTable, fromMeta.uses());
        }
        return new ManagementFee(fromTable, List.of());
    }

    /**
     * 合计/总计 rows total every project and fee row; 小计 rows total their section. Sections follow the
     * first 小计: when rows precede it, each 小计 closes the rows above it; otherwise each 小计 heads the rows
     * below it, up to the next total row. A section heading with an amount (一、产业发展类 … 250) heads its rows
     * below; a written 小计 closing that section is checked against the rows above it, back to the heading.
     */
    private static void checkTotals(List<Total> totals, List<BigDecimal> items, Where where, String amountHeader) {
        BigDecimal all = Money.sum(items);
        List<Integer> bounds = totals.stream().map(Total::position).toList();
        // a section heading with an amount always heads the rows below it; written 小计 rows close or head by the first one
        List<Total> subtotals = totals.stream().filter(t -> t.word().equals("小计") && !t.heading()).toList();
        boolean closing = true;
        if (!subtotals.isEmpty()) {
            Total first = subtotals.get(0);
            int i = totals.indexOf(first);
            int from = i == 0 ? 0 : totals.get(i - 1).position();
            closing = first.position() > from;
        }
        for (int i = 0; i < totals.size(); i++) {
            Total t = totals.get(i);
            if (t.amount() == null) {
                continue;
            }
            BigDecimal expected;
            String what;
            if (!t.word().equals("小计")) {
                expected = all;
                what = "各行（项目及项目管理费）之和";
            } else if (closing && !t.heading()) {
                int from = i == 0 ? 0 : bounds.get(i - 1);
                expected = Money.sum(items.subList(from, t.position()));
                what = "其上各行之和";
            } else if (t.heading()) {
                // a heading's rows run to the next heading of its level or above, or to a 合计/总计
                int to = items.size();
                for (int k = i + 1; k < totals.size(); k++) {
                    Total n = totals.get(k);
                    if (!n.word().equals("小计") || (n.heading() && n.headingDepth() <= t.headingDepth())) {
                        to = n.position();
                        break;
                    }
                }
                expected = Money.sum(items.subList(t.position(), to));
                what = "其下各行之和";
            } else {
                int to = i + 1 < totals.size() ? bounds.get(i + 1) : items.size();
                expected = Money.sum(items.subList(t.position(), to));
                what = "其下各行之和";
            }
            if (t.amount().compareTo(expected) != 0) {
                throw where.at(t.rowNumber(), amountHeader, "「" + t.word() + "」行金额 " + Money.plain(t.amount()).toPlainString()
                        + " 万元与" + what + " " + expected.toPlainString() + " 万元不符 (total differs from the sum of rows by "
                        + Money.plain(t.amount().subtract(expected)).toPlainString() + ")");
            }
        }
    }

    private static final Pattern HEADING = Pattern.compile("^[（(]?[一二三四五六七八九十]+[)）、.．]?");
    private static final Pattern NAME_HEADING = Pattern.compile("^([（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])");

    /**
     * A section heading such as {@code 一、产业发展类} (序号 a Chinese numeral, or a name that starts with one
     * when 序号 is empty). Its text is kept as a classification hint for the rows below it.
     *
     * @param seqWord  the squeezed 序号 cell, or null
     * @param nameWord the squeezed 项目名称 cell, or null
     * @return true for a heading row
     */
    private static boolean isHeading(String seqWord, String nameWord) {
        if (seqWord != null && !seqWord.isEmpty()) {
            return HEADING.matcher(seqWord).lookingAt();
        }
        // with 序号 blank, only 一、… or （一）… is a heading: 四棵树镇…, 三道河子镇… are places, not numbers
        return nameWord != null && NAME_HEADING.matcher(nameWord).lookingAt();
    }

    private static final Pattern UNIT_NOTE = Pattern.compile("单位(?:为|是|[:：])?(万元|元)");
    private static final Pattern FOOTNOTE = Pattern.compile("^(注|备注|说明|资料来源|填报说明|附注)\\d*[:：]");

    /** A note under the table such as {@code 注：每个具体项目建设情况由责任单位另行公告公示。} */
    private static boolean isFootnote(String seqWord, String nameWord) {
        return (seqWord != null && FOOTNOTE.matcher(seqWord).lookingAt())
                || ((seqWord == null || seqWord.isEmpty()) && nameWord != null && FOOTNOTE.matcher(nameWord).lookingAt());
    }

    /** 合计, 合计（万元）, 合计金额, 总计：, 全县合计 … */
    private static final Pattern TOTAL = Pattern.compile("^(?:全县|全市|全区|全旗)?(合计|总计|小计)(?:金额|资金|数)?(?:\\((?:万元|元)\\))?[:：]?$");

    private static String totalWord(String squeezed) {
        if (squeezed == null) {
            return null;
        }
        Matcher m = TOTAL.matcher(Normalizer.normalize(squeezed, Normalizer.Form.NFKC));
        return m.matches() ? m.group(1) : null;
    }

    /** @param rows a sheet's rows @return the index of the header row (first row with a cell 项目名称 or name), or -1 */
    static int findHeaderRow(List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            for (Cell c : rows.get(i).cells()) {
                if (c.value() instanceof String s) {
                    String h = normaliseHeader(s).toLowerCase(Locale.ROOT);
                    if (h.equals("项目名称") || h.equals("name")) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * @param above  the rows above the header
     * @param header the header row: a header unit ({@code 投资规模（万元）}) that disagrees with the unit row is refused
     * @return the table's unit scale: 0 for 万元 (the default), 4 for 元.
     */
    private static int tableUnit(List<Row> above, Row header, Where where) {
        Integer scale = null;
        int scaleRow = 0;
        String scaleWord = null;
        for (Row r : above) {
            for (Cell c : r.cells()) {
                if (c.inherited() || !(c.value() instanceof String s)) {
                    continue;
                }
                String unit = Units.noteUnit(s);
                if (unit == null) {
                    continue;
                }
                int sc = Units.scale(unit);
                if (sc < 0) {
                    throw where.at(r.number(), Units.unsupported(unit));
                }
                if (scale != null && scale != sc) {
                    throw where.at(r.number(), "单位与第" + scaleRow + "行不一致 (conflicting units)");
                }
                scale = sc;
                scaleRow = r.number();
                scaleWord = unit;
            }
        }
        if (scale != null) {
            for (Cell c : header.cells()) {
                if (c.inherited() || !(c.value() instanceof String s)) {
                    continue;
                }
                String hu = Units.headerUnit(s);
                if (hu != null && Units.scale(hu) >= 0 && Units.scale(hu) != scale) {
                    throw where.at(header.number(), Units.conflict(scaleRow, scaleWord, s));
                }
            }
        }
        return scale == null ? 0 : scale;
    }

    private static int unitScale(String unit) {
        return switch (unit) {
            case "万元" -> 0;
            case "元" -> 4;
            default -> -1;
        };
    }

    private static List<Column> mapHeader(Row header, int tableScale, Where where, String amountColumn) {
        List<Column> cols = new ArrayList<>();
        Map<Field, String> seen = new HashMap<>();
        String chosen = amountColumn == null ? null : bareHeader(amountColumn);
        if (chosen != null && header.cells().stream().noneMatch(c -> c.value() != null && !c.inherited()
                && bareHeader(plain(c.value())).equals(chosen))) {
            throw where.at(header.number(), "--amount-column「" + amountColumn + "」不是表头中的列；表头："
                    + header.cells().stream().filter(c -> !c.blank() && !c.inherited()).map(c -> plain(c.value()).strip())
                    .collect(Collectors.joining("、")) + " (no such column)");
        }
        for (int i = 0; i < header.cells().size(); i++) {
            Cell c = header.cell(i);
            if (c.blank() || c.inherited()) {
                cols.add(new Column(i, null, null, 0));
                continue;
            }
            String written = plain(c.value()).strip();
            String h = normaliseHeader(written);
            int scale = tableScale;
            Matcher u = HEADER_UNIT.matcher(h);
            if (u.matches()) {
                h = u.group(1);
                scale = unitScale(u.group(2));
            }
            if (UNREAD.contains(h)) {
                cols.add(new Column(i, written, null, 0));
                continue;
            }
            Field f = HEADERS.get(h.toLowerCase(Locale.ROOT));
            if (chosen != null && h.equals(chosen)) {
                // --amount-column: this column is the checked fund's amount; an amount column met before is the total
                for (int k = 0; k < cols.size(); k++) {
                    if (cols.get(k).field() == Field.AMOUNT) {
                        cols.set(k, new Column(cols.get(k).index(), cols.get(k).header(), null, cols.get(k).unitScale(), "合计", false));
                    }
                }
                seen.put(Field.AMOUNT, written);
                cols.add(new Column(i, written, Field.AMOUNT, scale));
                continue;
            }
            if (chosen != null && f == Field.AMOUNT) {
                cols.add(new Column(i, written, null, scale, "合计", false));
                continue;
            }
            Matcher fm = FUND_HEADER.matcher(h);
            if (f == null && fm.matches()) {
                String fund = fm.group(2).equals("省") ? "省级" : fm.group(2);
                for (Column other : cols) {
                    if (fund.equals(other.fund()) && (fm.group(1) != null) == other.within()) {
                        throw where.at(header.number(), written, "与「" + other.header() + "」是同一资金列，重复 (duplicate fund column)");
                    }
                }
                cols.add(new Column(i, written, null, scale, fund, fm.group(1) != null));
                continue;
            }
            if (f == null) {
                throw where.at(header.number(), written, "不是可识别的列名 (unknown column)；可用列名："
                        + Arrays.stream(Field.values()).map(x -> x.names.isEmpty() ? x.path : x.names.get(0) + "/" + x.path)
                        .collect(Collectors.joining("、")) + "；分列资金：中央、自治区、市级、县级、其他资金、其中少数民族发展资金、其中衔接资金；不读取的列："
                        + String.join("、", UNREAD));
            }
            if (u.matches() && f.kind != Kind.MONEY && f.kind != Kind.FUNDING && f.kind != Kind.EXPENSES) {
                throw where.at(header.number(), written, "不是金额列，不能标注单位 (only money columns carry a unit)");
            }
            String before = seen.putIfAbsent(f, written);
            if (before != null && f == Field.AMOUNT) {
                throw where.at(header.number(), written, "与「" + before + "」重复，都是金额列，无法判定哪一列是本次检查的资金；请用 --amount-column "
                        + before + " 或 --amount-column " + written + " 指明 (two amount columns: choose one with --amount-column)");
            }
            if (before != null) {
                throw where.at(header.number(), written, "与「" + before + "」是同一列，重复 (duplicate column " + f.path + ")");
            }
            cols.add(new Column(i, written, f, scale));
        }
        return cols;
    }

    private static Project project(Row row, List<Column> columns, Where where) {
        Project p = new Project();
        ImplementerType implementerType = null;
        String implementerName = null;
        LocalDate libraryDate = null;
        String libraryId = null;
        String ddBy = null;
        LocalDate ddOn = null;
        for (Column col : columns) {
            Field f = col.field();
            if (f == null) {
                continue;
            }
            switch (f) {
                case ID -> p.id = text(row, col, where);
                case SEQ -> p.seq = seq(row, col, where);
                case NAME -> p.name = text(row, col, where);
                case LOCATION -> p.location = optionalText(row, col, where);
                case CONTENT -> p.content = optionalText(row, col, where);
                case TOWN -> p.town = optionalText(row, col, where);
                case VILLAGE -> p.village = optionalText(row, col, where);
                case AMOUNT -> p.amount = money(row, col, where);
                case INVESTMENT -> p.investment = money(row, col, where);
                case RESPONSIBLE_UNIT -> p.responsibleUnit = optionalText(row, col, where);
                case VILLAGE_TYPE -> p.villageType = coded(VillageType.class, row, col, where);
                case CATEGORY -> p.category = coded(Category.class, row, col, where);
                case TASK -> p.task = coded(io.github.xianjie.domain.Task.class, row, col, where);
                case INDUSTRY_CHAIN -> p.industryChain = coded(IndustryChain.class, row, col, where);
                case INFRASTRUCTURE -> p.infrastructure = bool(row, col, where);
                case CONTRACT_AMOUNT -> p.contractAmount = money(row, col, where);
                case PAYABLE_AMOUNT -> p.payableAmount = money(row, col, where);
                case PREPAYMENT -> p.prepayment = money(row, col, where);
                case PREPAYMENT_APPROVED_ON -> p.prepaymentApprovedOn = date(row, col, where);
                case IMPLEMENTER_NAME -> implementerName = optionalText(row, col, where);
                case IMPLEMENTER_TYPE -> implementerType = coded(ImplementerType.class, row, col, where);
                case BENEFIT_LINKAGE -> p.benefitLinkage = optionalText(row, col, where);
                case PERFORMANCE_TARGETS -> p.performanceTargets = list(row, col, where);
                case LIBRARY_ENTERED_ON -> libraryDate = date(row, col, where);
                case LIBRARY_ID -> libraryId = optionalText(row, col, where);
                case NOTICED_ON -> {
                    LocalDate d = date(row, col, where);
                    p.publicNotice = d == null ? null : new PublicNotice(d);
                }
                case BUDGET_SUBJECT -> p.budgetSubject = optionalText(row, col, where);
                case OTHER_FUNDING -> p.otherFunding = otherFunding(row, col, where);
                case EXPENSE_ITEMS -> p.expenseItems = expenseItems(row, col, where);
                case DUE_DILIGENCE_BY -> ddBy = optionalText(row, col, where);
                case DUE_DILIGENCE_ON -> ddOn = date(row, col, where);
                case JUSTIFICATION -> p.justification = optionalText(row, col, where);
                case TRANSPORT_SCOPE -> p.transportScope = optionalText(row, col, where);
                case DUPLICATES_HR_POST -> p.duplicatesHrPost = bool(row, col, where);
                case COUNTY_PLAN_PROJECT -> p.countyPlanProject = bool(row, col, where);
                case LOCAL_MATCHING -> p.localMatching = bool(row, col, where);
                case FILED_BY_INTERMEDIARY -> p.filedByIntermediary = bool(row, col, where);
                default -> throw new IllegalStateException(f.name());
            }
        }
        if (implementerType != null || implementerName != null) {
            p.implementer = new Implementer(implementerType, implementerName);
        }
        if (libraryDate != null || libraryId != null) {
            p.libraryEntry = new LibraryEntry(libraryDate, libraryId);
        }
        if (ddBy != null || ddOn != null) {
            p.dueDiligence = new DueDiligence(ddBy, ddOn);
        }
        return p;
    }

    // ---- cells ---------------------------------------------------------------------------------------

    private static Object value(Row row, Column col, Where where) {
        Object v = row.cell(col.index()).value();
        if (v instanceof Unreadable u) {
            throw where.at(row.number(), col.header(), u.why());
        }
        return v;
    }

    /** Text of a cell: trimmed; line breaks removed for single-line fields; null when empty. */
    private static String text(Row row, Column col, Where where) {
        if (col == null) {
            return null;
        }
        Object v = value(row, col, where);
        if (v == null) {
            return null;
        }
        String s = plain(v).strip();
        if (col.field() != null && col.field().kind == Kind.LINE) {
            s = s.replaceAll("\\s*[\\r\\n]+\\s*", "");
        }
        return s.isEmpty() ? null : s;
    }

    private static String optionalText(Row row, Column col, Where where) {
        String s = text(row, col, where);
        return s == null || PLACEHOLDERS.contains(s) ? null : s;
    }

    private static String seq(Row row, Column col, Where where) {
        String s = text(row, col, where);
        return s == null ? null : squeeze(Normalizer.normalize(s, Normalizer.Form.NFKC));
    }

    /** The cell's content as text; numbers plain (2130505, not 2.130505E6). */
    private static String plain(Object v) {
        if (v instanceof BigDecimal b) {
            return Money.plain(b).toPlainString();
        }
        return String.valueOf(v);
    }

    private static BigDecimal money(Row row, Column col, Where where) {
        Cell cell = row.cell(col.index());
        Object v = value(row, col, where);
        if (v == null) {
            return null;
        }
        if (cell.inherited()) {
            throw where.at(row.number(), col.header(), "金额单元格与上方单元格合并，无法拆分金额 (amount in a merged cell spanning rows)");
        }
        BigDecimal amount = parseAmount(v, () -> where.at(row.number(), col.header(), "'" + plain(v).strip() + "' 不是金额 (not an amount)"));
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            throw where.at(row.number(), col.header(), "金额 " + amount.toPlainString() + " 为负数 (negative amount)");
        }
        return col.unitScale() == 0 ? amount : Money.plain(amount.movePointLeft(col.unitScale()));
    }

    private static BigDecimal parseAmount(Object v, java.util.function.Supplier<InputException> bad) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (!(v instanceof String s)) {
            throw bad.get();
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
        if (t.isEmpty() || PLACEHOLDERS.contains(t)) {
            return null;
        }
        if (!NUMBER.matcher(t).matches()) {
            throw bad.get();
        }
        return new BigDecimal(t.replace(",", ""));
    }

    private static LocalDate date(Row row, Column col, Where where) {
        LocalDate d = parseDate(row, col, where);
        if (d != null && (d.isBefore(Limits.FIRST_DATE) || d.isAfter(Limits.LAST_DATE))) {
            throw where.at(row.number(), col.header(), "日期 " + d + " 不在合理范围 " + Limits.FIRST_DATE + " 至 " + Limits.LAST_DATE
                    + " 之内 (implausible date)");
        }
        return d;
    }

    private static LocalDate parseDate(Row row, Column col, Where where) {
        Object v = value(row, col, where);
        if (v == null || v instanceof LocalDate) {
            return (LocalDate) v;
        }
        String raw = plain(v).strip();
        java.util.function.Supplier<InputException> bad = () -> where.at(row.number(), col.header(),
                "'" + raw + "' 不是日期，应为 2023-12-29 或 2023年12月29日 (not a date)");
        if (v instanceof BigDecimal b) {
            return XlsxPlanReader.serialDate(b).orElseThrow(bad);
        }
        if (!(v instanceof String s)) {
            throw bad.get();
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
        if (t.isEmpty() || PLACEHOLDERS.contains(t)) {
            return null;
        }
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            m = DATE_COMPACT.matcher(t);
            if (!m.matches()) {
                throw bad.get();
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw bad.get();
        }
    }

    private static Boolean bool(Row row, Column col, Where where) {
        Object v = value(row, col, where);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        String t = squeeze(Normalizer.normalize(plain(v), Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
        return switch (t) {
            case "" -> null;
            case "是", "true" -> Boolean.TRUE;
            case "否", "false" -> Boolean.FALSE;
            default -> throw where.at(row.number(), col.header(), "'" + plain(v).strip() + "' 应为 是/否 或 true/false (not a yes/no value)");
        };
    }

    private static <E extends Enum<E> & Coded> E coded(Class<E> type, Row row, Column col, Where where) {
        String t = optionalText(row, col, where);
        if (t == null) {
            return null;
        }
        try {
            return Coded.parse(type, Normalizer.normalize(t, Normalizer.Form.NFKC));
        } catch (IllegalArgumentException e) {
            throw where.at(row.number(), col.header(), e.getMessage());
        }
    }

    private static List<String> list(Row row, Column col, Where where) {
        String t = optionalText(row, col, where);
        if (t == null) {
            return null;
        }
        List<String> out = Arrays.stream(LIST_SEPARATOR.split(t)).map(String::strip).filter(x -> !x.isEmpty()).toList();
        return out.isEmpty() ? null : out;
    }

    /** 其他资金来源: entries separated by line breaks or ；, each {@code 来源：金额[：支持内容]}. */
    private static List<OtherFunding> otherFunding(Row row, Column col, Where where) {
        List<String[]> parts = entries(row, col, where, "来源：金额[：支持内容]，多项用；分隔");
        if (parts == null) {
            return null;
        }
        List<OtherFunding> out = new ArrayList<>();
        for (String[] e : parts) {
            out.add(new OtherFunding(e[0], entryAmount(e, row, col, where), e.length > 2 ? e[2] : null));
        }
        return out;
    }

    /** 支出明细: entries separated by line breaks or ；, each {@code 内容：金额[：经济分类]}. */
    private static List<ExpenseItem> expenseItems(Row row, Column col, Where where) {
        List<String[]> parts = entries(row, col, where, "内容：金额[：经济分类]，多项用；分隔");
        if (parts == null) {
            return null;
        }
        List<ExpenseItem> out = new ArrayList<>();
        for (String[] e : parts) {
            out.add(new ExpenseItem(e[0], entryAmount(e, row, col, where), e.length > 2 ? e[2] : null));
        }
        return out;
    }

    private static List<String[]> entries(Row row, Column col, Where where, String format) {
        String t = optionalText(row, col, where);
        if (t == null) {
            return null;
        }
        List<String[]> out = new ArrayList<>();
        for (String entry : LIST_SEPARATOR.split(t)) {
            if (entry.isBlank()) {
                continue;
            }
            String[] e = Arrays.stream(PART_SEPARATOR.split(entry.strip(), 3)).map(String::strip).toArray(String[]::new);
            if (e.length < 2 || e[0].isEmpty()) {
                throw where.at(row.number(), col.header(), "'" + entry.strip() + "' 格式应为 " + format + " (expected " + format + ")");
            }
            out.add(e);
        }
        return out.isEmpty() ? null : out;
    }

    private static BigDecimal entryAmount(String[] e, Row row, Column col, Where where) {
        BigDecimal a = parseAmount(e[1], () -> where.at(row.number(), col.header(), "'" + e[1] + "' 不是金额 (not an amount)"));
        if (a == null) {
            return null;
        }
        if (a.signum() < 0) {
            throw where.at(row.number(), col.header(), "金额 " + a.toPlainString() + " 为负数 (negative amount)");
        }
        return col.unitScale() == 0 ? a : Money.plain(a.movePointLeft(col.unitScale()));
    }

    // ---- tables as published: two header rows, fund columns, sections ---------------------------------

    private static final Set<String> SUB_TOTAL_HEADERS = Set.of("合计", "小计", "总计", "计", "总额", "金额");

    /**
     * A header spread over two rows, as notices print it: a parent cell 资金规模（万元） merged over the
     * sub-headers 合计 | 中央 | 自治区. When the row below the header has no 项目名称 and holds only header
     * words, the two rows are read as one: a sub-header 合计 takes its parent's name; any other sub-header
     * keeps its own name with the parent's unit.
     *
     * @param rows     the sheet's rows
     * @param headerAt index of the header row
     * @return the rows with the header row merged and the sub-header row removed (row numbers unchanged)
     */
    private static List<Row> withSubHeader(List<Row> rows, int headerAt) {
        if (headerAt + 1 >= rows.size()) {
            return rows;
        }
        Row header = rows.get(headerAt);
        Row sub = rows.get(headerAt + 1);
        int nameAt = -1;
        for (int i = 0; i < header.cells().size(); i++) {
            if (header.cell(i).value() instanceof String v && normaliseHeader(v).equals("项目名称")) {
                nameAt = i;
            }
        }
        if (nameAt < 0 || !(sub.cell(nameAt).blank() || sub.cell(nameAt).inherited())) {
            return rows;
        }
        boolean any = false;
        for (Cell c : sub.cells()) {
            if (c.blank() || c.inherited()) {
                continue;
            }
            if (!(c.value() instanceof String v)) {
                return rows;
            }
            String h = bareHeader(v);
            if (!SUB_TOTAL_HEADERS.contains(h) && !FUND_HEADER.matcher(h).matches() && !HEADERS.containsKey(h.toLowerCase(Locale.ROOT))) {
                return rows;
            }
            any = true;
        }
        if (!any) {
            return rows;
        }
        int width = Math.max(header.cells().size(), sub.cells().size());
        List<Cell> merged = new ArrayList<>(width);
        String parent = null;
        for (int i = 0; i < width; i++) {
            Cell top = header.cell(i);
            if (!top.blank()) {
                parent = plain(top.value()).strip();
            }
            Cell below = sub.cell(i);
            if (below.blank() || below.inherited()) {
                merged.add(top.blank() || top.inherited() ? Cell.EMPTY : new Cell(top.value(), false));
                continue;
            }
            String name = plain(below.value()).strip();
            Matcher unit = parent == null ? null : HEADER_UNIT.matcher(normaliseHeader(parent));
            if (SUB_TOTAL_HEADERS.contains(bareHeader(name)) && parent != null) {
                merged.add(new Cell(parent, false));
            } else if (unit != null && unit.matches() && !HEADER_UNIT.matcher(normaliseHeader(name)).matches()) {
                merged.add(new Cell(name + "（" + unit.group(2) + "）", false));
            } else {
                merged.add(new Cell(name, false));
            }
        }
        List<Row> out = new ArrayList<>(rows.subList(0, headerAt));
        out.add(new Row(header.number(), merged));
        out.addAll(rows.subList(headerAt + 2, rows.size()));
        return out;
    }

    /** @return a header as matched, without its unit: {@code 资金规模（万元）} → {@code 资金规模} */
    private static String bareHeader(String written) {
        String h = normaliseHeader(written);
        Matcher u = HEADER_UNIT.matcher(h);
        return u.matches() ? u.group(1) : h;
    }

    /** @return the fund source a fund column's level stands for, or null for 市级, 县级, 其他 … */
    private static io.github.xianjie.domain.FundSource fundOf(Column c) {
        return switch (c.fund()) {
            case "中央" -> io.github.xianjie.domain.FundSource.CENTRAL;
            case "自治区", "省级" -> io.github.xianjie.domain.FundSource.REGIONAL;
            default -> null;
        };
    }

    /**
     * A table with both a central and a regional column holds two plans: without {@code --fund} (or a fund in
     * the side file) it cannot be checked, and the message names the columns and the option.
     */
    private static void checkFundChoice(List<Column> columns, PlanFacts facts, Row header, Where where) {
        List<Column> both = columns.stream().filter(c -> c.fund() != null && !c.within() && fundOf(c) != null).toList();
        if (both.size() >= 2 && facts.fundSource() == null && facts.metaFile() == null && facts.amountColumn() == null) {
            throw where.at(header.number(), "表中「" + both.stream().map(Column::header).collect(Collectors.joining("」「"))
                    + "」分列了两种资金，请用 --fund 中央 或 --fund 自治区 选择检查哪一项（各运行一次得到两份报告）"
                    + " (the table holds central and regional amounts: choose one with --fund)");
        }
    }

    /**
     * Decides which column is the checked fund's amount. Split fund columns: the column of the plan's fund
     * source ({@code --fund}); the others become otherFunding and investment is the total column or their sum.
     * A 其中 column beside a total: 其中衔接资金 (or 其中 of the plan's fund) is the amount and the total is
     * investment. Anything else with two candidates is an error naming them and {@code --amount-column}.
     */
    private static Layout layout(List<Column> columns, Map<Field, Column> byField, PlanFacts facts, CountyPlan plan,
                                 Row header, Where where) {
        Column total = columns.stream().filter(c -> "合计".equals(c.fund())).findFirst().orElse(byField.get(Field.AMOUNT));
        if (total == null) {
            total = byField.get(Field.INVESTMENT); // 总投资 | 其中：中央资金 | 其中：自治区资金
        }
        List<Column> funds = columns.stream().filter(c -> c.fund() != null && !"合计".equals(c.fund())).toList();
        if (facts.amountColumn() != null) {
            Column chosen = byField.get(Field.AMOUNT);
            if (chosen == null) {
                String want = bareHeader(facts.amountColumn());
                chosen = funds.stream().filter(c -> bareHeader(c.header()).equals(want)).findFirst().orElseThrow();
            }
            Column amount = chosen;
            List<Column> others = funds.stream().filter(c -> c != amount && !c.within()).toList();
            Column t = total == amount ? null : total;
            return new Layout(amount, t, amount.within() ? List.of() : others, !others.isEmpty());
        }
        if (funds.isEmpty()) {
            return new Layout(byField.get(Field.AMOUNT), null, List.of(), false);
        }
        List<Column> split = funds.stream().filter(c -> !c.within()).toList();
        if (!split.isEmpty() && byField.get(Field.AMOUNT) != null && split.stream().allMatch(c -> fundOf(c) == null)) {
            // 投资规模 beside 其他资金 / 县级 / 自筹: the amount column is the linkage funds, the others other funding
            Column amount = byField.get(Field.AMOUNT);
            return new Layout(amount, null, split, true);
        }
        if (!split.isEmpty()) {
            List<Column> mine = split.stream().filter(c -> fundOf(c) == plan.fundSource).toList();
            if (mine.size() != 1) {
                throw where.at(header.number(), "分列资金「" + split.stream().map(Column::header).collect(Collectors.joining("」「"))
                        + "」中没有" + (mine.isEmpty() ? "" : "唯一的") + "「" + plan.fundSource.label() + "」资金列；请用 --fund 选择资金，或用 --amount-column 指明金额列"
                        + " (no single column for the fund " + plan.fundSource + ")");
            }
            Column amount = mine.get(0);
            return new Layout(amount, total, split.stream().filter(c -> c != amount).toList(), true);
        }
        if (total == null) {
            throw where.at(header.number(), funds.get(0).header(), "「其中」列旁没有总额列（资金规模/投资规模/总投资）(a 其中 column needs the total beside it)");
        }
        List<Column> mine = funds.stream().filter(c -> c.fund().equals("衔接") || fundOf(c) == plan.fundSource).toList();
        if (mine.size() == 1) {
            return new Layout(mine.get(0), total, List.of(), false);
        }
        throw where.at(header.number(), "「" + total.header() + "」与「" + funds.stream().map(Column::header).collect(Collectors.joining("」「"))
                + "」都可能是本次检查的资金金额，无法判定；请用 --amount-column " + bareHeader(total.header()) + " 或 --amount-column "
                + bareHeader(funds.get(0).header()) + " 指明 (ambiguous amount columns: choose one with --amount-column)");
    }

    /**
     * Sets a project's amount, investment and otherFunding from the table's layout.
     *
     * @return false when the checked fund's column is empty or 0 but other funds pay the row (not this plan's project)
     */
    private static boolean applyLayout(Project p, Row row, Layout layout, Where where) {
        if (layout.amount().field() == Field.AMOUNT && layout.total() == null && layout.others().isEmpty()) {
            return true;
        }
        p.amount = money(row, layout.amount(), where);
        BigDecimal totalAmount = layout.total() == null || layout.total() == layout.amount() ? null : money(row, layout.total(), where);
        List<OtherFunding> others = new ArrayList<>();
        BigDecimal sum = p.amount == null ? BigDecimal.ZERO : p.amount;
        for (Column o : layout.others()) {
            BigDecimal a = money(row, o, where);
            if (a != null && a.signum() != 0) {
                String source = bareHeader(o.header());
                others.add(new OtherFunding(source.endsWith("资金") ? source : source + "资金", Money.plain(a), null));
                sum = sum.add(a);
            }
        }
        if ((p.amount == null || p.amount.signum() == 0) && (!others.isEmpty()
                || (totalAmount != null && totalAmount.signum() != 0))) {
            return false;
        }
        if (!others.isEmpty()) {
            List<OtherFunding> all = new ArrayList<>(p.otherFunding == null ? List.of() : p.otherFunding);
            all.addAll(others);
            p.otherFunding = all;
        }
        if (p.investment == null) {
            p.investment = totalAmount != null ? totalAmount : others.isEmpty() ? null : Money.plain(sum);
        }
        return true;
    }

    private static final Pattern NUMERAL = Pattern.compile("[一二三四五六七八九十]+");

    /** @return 2 for a heading in parentheses (（一）), else 1 (一、) */
    private static int depth(String seqWord, String nameWord) {
        String w = seqWord != null && !seqWord.isEmpty() ? seqWord : nameWord;
        return w.startsWith("(") || w.startsWith("（") ? 2 : 1;
    }

    /**
     * @return true when the rows after {@code at} hold rows of this heading: the next non-blank row is a
     *         project (or fee) row or a deeper heading, not a total, a footnote, a heading of the same level or the end
     */
    private static boolean hasRowsBelow(List<Row> body, int at, int depth, Column seqCol, Column nameCol, Where where) {
        for (int i = at + 1; i < body.size(); i++) {
            Row r = body.get(i);
            if (r.blank()) {
                continue;
            }
            String seqWord = seqCol == null ? null : squeeze(text(r, seqCol, where));
            String nameWord = squeeze(text(r, nameCol, where));
            if ((totalWord(seqWord) != null ? totalWord(seqWord) : totalWord(nameWord)) != null || isFootnote(seqWord, nameWord)) {
                return false;
            }
            return !isHeading(seqWord, nameWord) || depth(seqWord, nameWord) > depth;
        }
        return false;
    }

    /**
     * 序号 restarting in each section (一、… 1, 2; 二、… 1, 2): when a 序号 repeats across sections, every
     * project under a heading is numbered {@code 一-1}, {@code 二-1} so that subjects stay unique.
     */
    private static void numberBySection(List<Project> projects, List<String> sections) {
        Map<String, String> sectionOf = new HashMap<>();
        boolean restarts = false;
        for (int i = 0; i < projects.size(); i++) {
            String seq = projects.get(i).seq;
            if (seq == null) {
                continue;
            }
            String sec = sections.get(i) == null ? "" : sections.get(i);
            String before = sectionOf.putIfAbsent(seq, sec);
            restarts |= before != null && !before.equals(sec);
        }
        if (!restarts) {
            return;
        }
        for (int i = 0; i < projects.size(); i++) {
            Project p = projects.get(i);
            if (p.seq != null && sections.get(i) != null) {
                p.seq = sections.get(i) + "-" + p.seq;
            }
        }
    }

    // ---- text helpers --------------------------------------------------------------------------------

    /** A header as matched: full-width forms folded (NFKC), all whitespace removed. */
    static String normaliseHeader(String s) {
        return squeeze(Normalizer.normalize(s, Normalizer.Form.NFKC));
    }

    /** Removes all whitespace, including the ideographic space and no-break space. */
    static String squeeze(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != 0xFEFF)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * A numeric cell's value as a spreadsheet shows it: at most 15 significant digits (Excel's precision),
     * so the binary double 79.71 reads as exactly 79.71.
     *
     * @param d the stored double
     * @return the decimal, without trailing zeros
     */
    public static BigDecimal fromSpreadsheetNumber(double d) {
        return Money.plain(new BigDecimal(Double.toString(d)).round(new MathContext(15)));
    }

    /** @param index 0-based column @return its letter, e.g. 0 → A, 27 → AB */
    static String columnLetter(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }
}
