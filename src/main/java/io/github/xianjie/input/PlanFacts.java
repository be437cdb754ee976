package io.github.xianjie.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.xianjie.domain.Allocation;
import io.github.xianjie.domain.Coded;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.text.Normalizer;

/**
 * Plan-level facts of a table input (CSV/XLSX), which a published project table does not carry:
 * county, prefecture, year, fund source, allocation (万元) and document number, given by command-line
 * options and/or a JSON side file ({@code --plan-meta}: the plan JSON of plan-format.md without
 * {@code projects}). Options override the side file. Also carries {@code sheet}, the worksheet of an
 * XLSX file to read (a reading option, not a fact).
 *
 * @param county     县（市）, or null
 * @param prefecture 地州, or null
 * @param year       plan year, or null
 * @param fundSource fund source, or null
 * @param allocation allocation to the county in 万元, or null
 * @param documentNo the allocation notice's number, or null
 * @param metaFile   the JSON side file, or null
 * @param sheet      the XLSX worksheet name, or null for the only sheet holding a project table
 * @param issuedOn   date of the allocation notice, or null
 * @param amountColumn {@code --amount-column}: the header of the column holding the checked fund's amount,
 *                   when a table's amount columns are ambiguous (e.g. 资金规模 beside 其中少数民族发展资金), or null
 */
public record PlanFacts(String county, String prefecture, Integer year, FundSource fundSource,
                        BigDecimal allocation, String documentNo, Path metaFile, String sheet, LocalDate issuedOn,
                        String amountColumn) {
    private static final ObjectMapper MAPPER = Json.mapper();

    /**
     * The facts without {@code --amount-column}.
     *
     * @param county     county, or null
     * @param prefecture prefecture, or null
     * @param year       plan year, or null
     * @param fundSource fund source, or null
     * @param allocation allocation in 万元, or null
     * @param documentNo allocation document number, or null
     * @param metaFile   the JSON side file, or null
     * @param sheet      the XLSX worksheet name, or null
     * @param issuedOn   date of the allocation notice, or null
     */
    public PlanFacts(String county, String prefecture, Integer year, FundSource fundSource, BigDecimal allocation,
                     String documentNo, Path metaFile, String sheet, LocalDate issuedOn) {
        this(county, prefecture, year, fundSource, allocation, documentNo, metaFile, sheet, issuedOn, null);
    }

    /** No facts given (a JSON plan carries its own). */
    public static final PlanFacts NONE = new PlanFacts(null, null, null, null, null, null, null, null, null, null);

    /**
     * Builds the facts from command-line text, checking each value.
     *
     * @param county     {@code --county} or null
     * @param prefecture {@code --prefecture} or null
     * @param year       {@code --year} or null
     * @param fund       {@code --fund}: CENTRAL/REGIONAL/中央/自治区, or null
     * @param allocation {@code --allocation} in 万元 (decimal text, e.g. {@code 3460} or {@code 79.71}), or null
     * @param documentNo {@code --document-no} or null
     * @param metaFile   {@code --plan-meta} or null
     * @param sheet      {@code --sheet} or null
     * @return the facts
     * @throws InputException naming the option whose value is invalid
     */
    public static PlanFacts fromOptions(String county, String prefecture, Integer year, String fund, String allocation,
                                        String documentNo, Path metaFile, String sheet) {
        return fromOptions(county, prefecture, year, fund, allocation, documentNo, metaFile, sheet, null);
    }

    /**
     * As {@link #fromOptions(String, String, Integer, String, String, String, Path, String)}, with the notice date.
     *
     * @param county     {@code --county} or null
     * @param prefecture {@code --prefecture} or null
     * @param year       {@code --year} or null
     * @param fund       {@code --fund} or null
     * @param allocation {@code --allocation} in 万元, or null
     * @param documentNo {@code --document-no} or null
     * @param metaFile   {@code --plan-meta} or null
     * @param sheet      {@code --sheet} or null
     * @param issuedOn   {@code --issued-on} as YYYY-MM-DD, or null
     * @return the facts
     * @throws InputException naming the option whose value is invalid
     */
    public static PlanFacts fromOptions(String county, String prefecture, Integer year, String fund, String allocation,
                                        String documentNo, Path metaFile, String sheet, String issuedOn) {
        LocalDate issued = null;
        if (issuedOn != null && !issuedOn.isBlank()) {
            try {
                issued = Limits.date(LocalDate.parse(issuedOn.strip()), "--issued-on");
            } catch (java.time.format.DateTimeParseException e) {
                throw new InputException("--issued-on: '" + issuedOn + "' 不是 YYYY-MM-DD 日期 (not a date)");
            }
        }
        FundSource fs = null;
        if (fund != null) {
            try {
                fs = Coded.parse(FundSource.class, fund);
            } catch (IllegalArgumentException e) {
                throw new InputException("--fund: " + e.getMessage());
            }
        }
        BigDecimal alloc = null;
        if (allocation != null) {
            alloc = Limits.optionAmount(allocation, "--allocation");
            if (alloc.signum() < 0) {
                throw new InputException("--allocation: 金额 " + allocation + " 为负数 (negative)");
            }
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw new InputException("--year: " + year + " 不在 2000–2100 之间 (year out of range)");
        }
        return new PlanFacts(blankToNull(county), blankToNull(prefecture), year, fs, alloc, blankToNull(documentNo),
                metaFile, blankToNull(sheet), issued, null);
    }

    /**
     * @param column {@code --amount-column} or null
     * @return these facts naming the column that holds the checked fund's amount
     */
    public PlanFacts withAmountColumn(String column) {
        return new PlanFacts(county, prefecture, year, fundSource, allocation, documentNo, metaFile, sheet, issuedOn,
                blankToNull(column));
    }

    /** @return true when no fact, side file or sheet was given. */
    public boolean isEmpty() {
        return this.equals(NONE);
    }

    /**
     * The plan without projects: the side file (when given) with the options laid over it. County, year and
     * fund source are required.
     *
     * @param table the table file, for messages
     * @return a new plan with an empty project list
     * @throws InputException when the side file cannot be read or a required fact is missing
     */
    public CountyPlan basePlan(Path table) {
        return basePlan(table, null);
    }

    /**
     * As {@link #basePlan(Path)}, taking the year and fund source from the table's title (e.g.
     * {@code 2024年中央财政衔接推进乡村振兴补助资金分配情况表}) when neither the options nor the side file give
     * them; what was taken is printed to standard error.
     *
     * @param table the table file, for messages
     * @param title the title rows' text above the header, or null
     * @return a new plan with an empty project list
     * @throws InputException when the side file cannot be read or a required fact is missing
     */
    public CountyPlan basePlan(Path table, String title) {
        CountyPlan plan = metaFile == null ? new CountyPlan() : readMeta(metaFile);
        if (title != null) {
            fromTitle(plan, title);
        }
        if (county != null) {
            plan.county = county;
        }
        if (prefecture != null) {
            plan.prefecture = prefecture;
        }
        if (year != null) {
            plan.year = year;
        }
        if (fundSource != null) {
            plan.fundSource = fundSource;
        }
        if (allocation != null || documentNo != null || issuedOn != null) {
            Allocation a = plan.allocation;
            plan.allocation = a == null
                    ? new Allocation(allocation, documentNo, null, issuedOn, null, null)
                    : new Allocation(allocation != null ? allocation : a.amount(), documentNo != null ? documentNo : a.documentNo(),
                    a.upstreamDocumentNo(), issuedOn != null ? issuedOn : a.issuedOn(), a.budgetSubject(), a.tasks());
        }
        List<String> missing = new java.util.ArrayList<>();
        if (plan.county == null || plan.county.isBlank()) {
            missing.add("--county 县（市）");
        }
        if (plan.year == null) {
            missing.add("--year 年度");
        }
        if (plan.fundSource == null) {
            missing.add("--fund 资金来源 CENTRAL(中央)/REGIONAL(自治区)");
        }
        if (!missing.isEmpty()) {
            throw new InputException(table + ": 表格输入需要计划信息，请指定 " + String.join("、", missing)
                    + (metaFile == null ? "（或用 --plan-meta FILE）" : "（或写入 " + metaFile + "）")
                    + " (missing plan facts: " + String.join(", ", missing.stream().map(m -> m.split(" ")[0]).toList()) + ")");
        }
        return plan;
    }

    private static final java.util.regex.Pattern TITLE_YEAR = java.util.regex.Pattern.compile("(20\\d\\d)\\s*年");
    /** A batch named in a title: 提前下达, 第一批 … 第十批 (Chinese or Arabic numerals), 结余资金 / 结转资金. */
    private static final java.util.regex.Pattern TITLE_BATCH =
            java.util.regex.Pattern.compile("(提前下达|第[一二三四五六七八九十\\d]+批|结余资金|结转资金)");

    private void fromTitle(CountyPlan plan, String title) {
        List<String> taken = new java.util.ArrayList<>();
        java.util.regex.Matcher y = TITLE_YEAR.matcher(title);
        if (year == null && plan.year == null && y.find()) {
            plan.year = Integer.parseInt(y.group(1));
            taken.add("年度 " + plan.year);
        }
        if (fundSource == null && plan.fundSource == null) {
            boolean central = title.contains("中央");
            boolean regional = title.contains("自治区");
            if (central != regional) {
                plan.fundSource = central ? FundSource.CENTRAL : FundSource.REGIONAL;
                taken.add("资金来源 " + plan.fundSource.label());
            }
        }
        java.util.regex.Matcher b = TITLE_BATCH.matcher(title);
        if (plan.batch == null && b.find()) {
            plan.batch = b.group(1);
            taken.add("批次 " + plan.batch);
        }
        if (!taken.isEmpty()) {
            System.err.println("由表题推断 (taken from the title「" + title.strip() + "」): " + String.join("、", taken));
        }
    }

    private static CountyPlan readMeta(Path file) {
        byte[] bytes = InputFiles.read(file, "--plan-meta " + file);
        CountyPlan plan;
        try {
            plan = MAPPER.readValue(TextDecoding.utf8Strict(bytes, file.toString()), CountyPlan.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InputException(file + at(e.getLocation()) + ": 未知字段「" + e.getPropertyName() + "」(unknown field)");
        } catch (JsonProcessingException e) {
            String m = firstLine(e.getOriginalMessage());
            throw new InputException(file + at(e.getLocation()) + ": " + (m.startsWith("Unexpected") || m.startsWith("Unrecognized")
                    || m.startsWith("Illegal") ? "JSON 格式错误：" + PlanJsonReader.syntax(m) : m));
        }
        if (plan == null) {
            throw new InputException(file + ": 文件为空 (empty JSON)");
        }
        if (plan.projects != null && !plan.projects.isEmpty()) {
            throw new InputException(file + " 字段 projects: 计划信息文件不应含项目，项目来自表格 (the side file must not list projects)");
        }
        if (plan.projects == null) {
            plan.projects = new java.util.ArrayList<>();
        }
        return plan;
    }

    private static String at(JsonLocation l) {
        return l == null ? "" : " 第" + l.getLineNr() + "行第" + l.getColumnNr() + "列";
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
