package io.github.xianjie.audit;

import io.github.xianjie.input.InputException;
import io.github.xianjie.params.Parameter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers for the allocation audit's side inputs: the budget revenue lines (AL-05), factor data (AL-04)
 * and notice dates (AL-06). Each names file, line and column in its errors.
 */
public final class AllocationInputs {
    /** The four factors of 新财规〔2021〕11号 第六条, as parameter suffixes and header words. */
    public static final List<String[]> FACTORS = List.of(
            new String[] {"population", "人群数量"}, new String[] {"income", "人群收入"},
            new String[] {"policy", "政策"}, new String[] {"performance", "绩效"});

    private AllocationInputs() {
    }

    /**
     * Budget lines: header 县市区, 科目编码, 预算数 (万元).
     *
     * @param path .csv or .xlsx
     * @return one line per row
     */
    public static List<BudgetLine> budget(Path path) {
        SmallTable t = SmallTable.read(path);
        int h = t.headerLine("科目编码");
        int county = t.requiredColumn(h, "县市区", "县市区", "地区", "单位");
        int code = t.requiredColumn(h, "科目编码", "科目编码");
        int amount = t.requiredColumn(h, "预算数", "预算数");
        List<BudgetLine> out = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int line = h + 1; line <= t.rows().size(); line++) {
            if (t.blank(line)) {
                continue;
            }
            BigDecimal a = t.amount(line, amount, "预算数");
            if (a == null) {
                throw new InputException(t.file() + " 第 " + line + " 行「预算数」: 为空 (blank)");
            }
            if (a.signum() < 0) {
                throw new InputException(t.file() + " 第 " + line + " 行「预算数」: " + a.toPlainString() + " 为负数 (negative budget line)");
            }
            String key = t.cell(line, county).replace(" ", "") + "\u0000" + t.cell(line, code).strip();
            Integer before = seen.putIfAbsent(key, line);
            if (before != null) {
                throw new InputException(t.file() + " 第 " + line + " 行: 县市区「" + t.cell(line, county).strip() + "」科目编码「"
                        + t.cell(line, code).strip() + "」与第 " + before + " 行重复 (duplicate budget line)");
            }
            out.add(new BudgetLine(t.cell(line, county).replace(" ", ""), t.cell(line, code), a, t.file() + " 第 " + line + " 行"));
        }
        return out;
    }

    /**
     * Recomputes each county's amount in one task column by the factor method (新财规〔2021〕11号 第六条):
     * {@code pool × Σ_f weight_f × score_f / Σ_counties score_f}, pool = the counties' sum in that column.
     * Factor file header: 县市区 and the four factors (相关人群数量及结构, 相关人群收入, 政策因素, 绩效考核结果), as
     * scores or amounts (only their shares among the counties matter).
     *
     * @param path   factor file
     * @param table  the allocation table
     * @param column task column index (1 = the first task column)
     * @param params parameters in force (allocation-audit.factor-weight-*)
     * @return one share per county of the factor file that has a row in the table
     */
    public static List<FactorShare> factors(Path path, AllocationTable table, int column, List<Parameter> params) {
        if (column < 1 || column >= table.headers().size()) {
            throw new InputException("--factor-column " + column + ": 分配表只有 " + (table.headers().size() - 1) + " 个任务列");
        }
        SmallTable t = SmallTable.read(path);
        int h = t.headerLine("县市区");
        int county = t.requiredColumn(h, "县市区", "县市区");
        int[] cols = new int[4];
        BigDecimal[] w = new BigDecimal[4];
        for (int f = 0; f < 4; f++) {
            cols[f] = t.requiredColumn(h, FACTORS.get(f)[1], FACTORS.get(f)[1]);
            String name = "allocation-audit.factor-weight-" + FACTORS.get(f)[0];
            w[f] = params.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst()
                    .orElseThrow(() -> new InputException("参数 " + name + " 没有有效值 (no value in force)"));
        }
        Map<AllocationRow, BigDecimal[]> scores = new LinkedHashMap<>();
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (int line = h + 1; line <= t.rows().size(); line++) {
            if (t.blank(line)) {
                continue;
            }
            AllocationRow row = table.county(t.cell(line, county).replace(" ", ""));
            if (row == null) {
                throw new InputException(t.file() + " 第 " + line + " 行「县市区」: '" + t.cell(line, county) + "' 不在分配表 " + table.file() + " 中");
            }
            BigDecimal[] s = new BigDecimal[4];
            for (int f = 0; f < 4; f++) {
                s[f] = t.amount(line, cols[f], t.cell(h, cols[f]));
                if (s[f] == null || s[f].signum() < 0) {
                    throw new InputException(t.file() + " 第 " + line + " 行「" + t.cell(h, cols[f]) + "」: 应为非负数 (a non-negative number)");
                }
                sums[f] = sums[f].add(s[f]);
            }
            scores.put(row, s);
        }
        BigDecimal pool = BigDecimal.ZERO;
        for (AllocationRow r : scores.keySet()) {
            pool = pool.add(table.amount(r, column));
        }
        MathContext mc = MathContext.DECIMAL128;
        List<FactorShare> out = new ArrayList<>();
        for (Map.Entry<AllocationRow, BigDecimal[]> e : scores.entrySet()) {
            BigDecimal share = BigDecimal.ZERO;
            for (int f = 0; f < 4; f++) {
                if (sums[f].signum() > 0) {
                    share = share.add(w[f].multiply(e.getValue()[f]).divide(sums[f], mc));
                }
            }
            BigDecimal actual = table.amount(e.getKey(), column);
            BigDecimal rec = pool.multiply(share).setScale(2, RoundingMode.HALF_UP);
            if (actual.signum() == 0) {
                continue;
            }
            BigDecimal dev = rec.subtract(actual).abs().divide(actual, 4, RoundingMode.HALF_UP);
            out.add(new FactorShare(e.getKey(), table.headers().get(column), actual, rec, dev));
        }
        return out;
    }

    /**
     * Notice dates: header 文号, 级别 (REGION 自治区 / PREFECTURE 地州市 / COUNTY 县市区), 印发日期, 收文日期, 上级文号.
     *
     * @param path .csv or .xlsx
     * @return one notice per row, with the days from receipt to issue
     */
    public static List<NoticeDate> notices(Path path) {
        SmallTable t = SmallTable.read(path);
        int h = t.headerLine("文号");
        int doc = t.requiredColumn(h, "文号", "文号");
        int level = t.requiredColumn(h, "级别", "级别");
        int issued = t.requiredColumn(h, "印发日期", "印发日期", "下达日期");
        int received = t.requiredColumn(h, "收文日期", "收文日期", "收到日期");
        int up = t.column(h, "上级文号");
        java.util.Map<String, Integer> docLine = new java.util.HashMap<>();
        List<NoticeDate> out = new ArrayList<>();
        for (int line = h + 1; line <= t.rows().size(); line++) {
            if (t.blank(line) || t.cell(line, doc).isEmpty()) {
                continue;
            }
            String lv = switch (t.cell(line, level).replace(" ", "")) {
                case "REGION", "自治区" -> "REGION";
                case "PREFECTURE", "地州市", "地区" -> "PREFECTURE";
                case "COUNTY", "县市区", "县" -> "COUNTY";
                default -> throw new InputException(t.file() + " 第 " + line + " 行「级别」: '" + t.cell(line, level)
                        + "' 无效，可用：自治区 REGION、地州市 PREFECTURE、县市区 COUNTY");
            };
            var on = t.date(line, issued, "印发日期");
            var rec = t.date(line, received, "收文日期");
            if (on != null && rec != null && rec.isAfter(on)) {
                throw new InputException(t.file() + " 第 " + line + " 行「收文日期」: " + rec + " 晚于印发日期 " + on);
            }
            BigDecimal days = on == null || rec == null ? null : BigDecimal.valueOf(ChronoUnit.DAYS.between(rec, on));
            String docNo = t.cell(line, doc).strip();
            Integer before = docLine.putIfAbsent(docNo, line);
            if (before != null) {
                throw new InputException(t.file() + " 第 " + line + " 行「文号」: '" + docNo + "' 与第 " + before + " 行重复 (duplicate document number)");
            }
            out.add(new NoticeDate(t.cell(line, doc), lv, on, rec, up < 0 || t.cell(line, up).isEmpty() ? null : t.cell(line, up), days));
        }
        return out;
    }
}
