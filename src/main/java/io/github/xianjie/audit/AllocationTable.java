package io.github.xianjie.audit;

import io.github.xianjie.domain.FundSource;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.Units;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An allocation table (资金分配表) shaped like 塔地财振〔2023〕11号 附件1 and 〔2023〕13号 附件1: title and unit
 * rows, a header row with 序号, 地州市、县市区, 总规模 and the task columns, then the prefecture row (no 序号)
 * and its numbered county rows. Columns whose header starts with 其中 are sub-items of the task before them and
 * are not summed. A blank task cell is 0; a blank total is unknown.
 *
 * @param file       the file as given
 * @param title      the title row, or ""
 * @param fundSource CENTRAL (中央) or REGIONAL (自治区) from the title or {@code --fund}, or null
 * @param year       the year in the title, or 0
 * @param headers    the total header, then the task headers (index = {@link AllocationCell#column()})
 * @param rows       the rows
 * @param cells      the amount cells of every row
 */
public record AllocationTable(String file, String title, FundSource fundSource, int year, List<String> headers,
                              List<AllocationRow> rows, List<AllocationCell> cells) {
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)\\s*年");

    /**
     * @param path        .csv or .xlsx
     * @param fund        fund source to use instead of the title's, or null
     * @param prefixLabel subject prefix (e.g. {@code 中央/}) when several tables are audited together, or ""
     * @return the table
     * @throws InputException naming file, line and column for an unreadable table or amount
     */
    public static AllocationTable read(Path path, FundSource fund, String prefixLabel) {
        SmallTable t = SmallTable.read(path);
        int h = t.headerLine("总规模", "县市区", "地州市");
        String title = "";
        BigDecimal scale = BigDecimal.ONE;
        int unitRow = 0;
        String unitWord = null;
        for (int i = 1; i < h; i++) {
            String line = String.join("", t.rows().get(i - 1));
            if (title.isEmpty() && !line.isBlank() && !line.contains("单位")) {
                title = line.trim();
            }
            String unit = Units.noteUnit(line);
            if (unit != null) {
                if (Units.scale(unit) < 0) {
                    throw new InputException(t.file() + " 第 " + i + " 行: " + Units.unsupported(unit));
                }
                scale = Units.factor(Units.scale(unit));
                unitRow = i;
                unitWord = unit;
            }
        }
        for (String hd : t.rows().get(h - 1)) {
            String hu = Units.headerUnit(hd);
            if (hu == null) {
                continue;
            }
            if (Units.scale(hu) < 0) {
                throw new InputException(t.file() + " 第 " + h + " 行「" + hd.strip() + "」: " + Units.unsupported(hu));
            }
            if (unitRow > 0 && Units.scale(hu) != Units.scale(unitWord)) {
                throw new InputException(t.file() + ": " + Units.conflict(unitRow, unitWord, hd));
            }
            if (unitRow == 0) {
                scale = Units.factor(Units.scale(hu));
            }
        }
        FundSource titled = title.contains("中央") ? FundSource.CENTRAL : title.contains("自治区") ? FundSource.REGIONAL : null;
        if (fund != null && titled != null && fund != titled && !(title.contains("中央") && title.contains("自治区"))) {
            // a title naming one fund source and --fund naming the other: the table would be audited against the
            // other fund's plans and budget share without a word
            throw new InputException(t.file() + " 第 " + titleRow(t, h, title) + " 行: 标题「" + title + "」注明" + titled.label()
                    + "资金，与 --fund " + fund.name() + "（" + fund.label() + "）不符 (--fund contradicts the table's title)");
        }
        if (fund == null) {
            fund = titled;
        }
        Matcher ym = YEAR.matcher(title);
        int year = ym.find() ? Integer.parseInt(ym.group(1)) : 0;
        int place = t.requiredColumn(h, "地州市、县市区", "县市区", "地州市", "地区");
        int seq = t.column(h, "序号");
        int total = t.requiredColumn(h, "总规模", "总规模", "合计", "总计");
        List<String> headers = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        headers.add(t.cell(h, total).replace(" ", ""));
        cols.add(total);
        for (int c = 0; c < t.rows().get(h - 1).size(); c++) {
            String hd = t.cell(h, c);
            if (c == place || c == seq || c == total || hd.isEmpty() || hd.replace(" ", "").startsWith("其中")) {
                continue;
            }
            headers.add(hd.replace(" ", ""));
            cols.add(c);
        }
        String label = path.getFileName().toString();
        List<AllocationRow> rows = new ArrayList<>();
        List<AllocationCell> cells = new ArrayList<>();
        AllocationRow parent = null;
        java.util.Map<String, Integer> placeLine = new java.util.HashMap<>();
        for (int line = h + 1; line <= t.rows().size(); line++) {
            if (t.blank(line)) {
                continue;
            }
            if (t.cell(line, place).isEmpty()) {
                // a note row has no amounts; a row with amounts and no place (a name merged into the 序号 column) is
                // refused rather than dropped, which would lose the row from every test
                for (int c : cols) {
                    if (!t.cell(line, c).isEmpty()) {
                        throw new InputException(t.file() + " 第 " + line + " 行「" + t.cell(h, place).strip() + "」: 为空，但该行有金额"
                                + "（合并单元格？请把地区或县名写在此列）(amounts without a place name)");
                    }
                }
                continue;
            }
            String name = t.cell(line, place).replace(" ", "");
            boolean county = seq >= 0 && !t.cell(line, seq).isEmpty();
            String key = (county ? "C" : "P") + name;
            Integer before = placeLine.putIfAbsent(key, line);
            if (before != null) {
                throw new InputException(t.file() + " 第 " + line + " 行「" + t.cell(h, place).strip() + "」: '" + name + "' 与第 "
                        + before + " 行重复 (repeated place row)");
            }
            BigDecimal tot = nonNegative(t, line, headers.get(0), scaled(t.amount(line, total, headers.get(0)), scale));
            AllocationRow row = new AllocationRow(label, fund, line, name,
                    county ? AllocationRow.Level.COUNTY : AllocationRow.Level.PREFECTURE, county ? parent : null, tot, prefixLabel + name);
            if (!county) {
                parent = row;
            }
            rows.add(row);
            if (tot != null) {
                cells.add(new AllocationCell(row, 0, headers.get(0), tot));
            }
            for (int i = 1; i < cols.size(); i++) {
                BigDecimal a = nonNegative(t, line, headers.get(i), scaled(t.amount(line, cols.get(i), headers.get(i)), scale));
                cells.add(new AllocationCell(row, i, headers.get(i), a == null ? BigDecimal.ZERO : a));
            }
        }
        if (rows.isEmpty()) {
            throw new InputException(path + ": 表头之后没有数据行 (no rows after the header)");
        }
        return new AllocationTable(label, title, fund, year, headers, rows, cells);
    }

    private static int titleRow(SmallTable t, int header, String title) {
        for (int i = 1; i < header; i++) {
            if (String.join("", t.rows().get(i - 1)).trim().equals(title)) {
                return i;
            }
        }
        return 1;
    }

    private static BigDecimal nonNegative(SmallTable t, int line, String header, BigDecimal v) {
        if (v != null && v.signum() < 0) {
            throw new InputException(t.file() + " 第 " + line + " 行「" + header + "」: " + v.toPlainString() + " 为负数；分配表金额不能为负 (negative amount)");
        }
        return v;
    }

    private static BigDecimal scaled(BigDecimal v, BigDecimal scale) {
        return v == null ? null : scale.compareTo(BigDecimal.ONE) == 0 ? v : v.multiply(scale).stripTrailingZeros();
    }

    /**
     * @param place a place name
     * @return its county row, or null
     */
    public AllocationRow county(String place) {
        for (AllocationRow r : rows) {
            if (r.getLevel() == AllocationRow.Level.COUNTY && r.getPlace().equals(place)) {
                return r;
            }
        }
        return null;
    }

    /**
     * @param row    a row
     * @param column a column index
     * @return that cell's amount (0 for a blank task cell), or null for a blank total
     */
    public BigDecimal amount(AllocationRow row, int column) {
        for (AllocationCell c : cells) {
            if (c.row() == row && c.column() == column) {
                return c.amount();
            }
        }
        return null;
    }
}
