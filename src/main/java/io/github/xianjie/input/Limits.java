package io.github.xianjie.input;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The input limits, set deliberately so that bad or hostile input ends in exit 2 naming the limit
 * before memory runs out (README: 输入限制与信任边界 / Limits and trust). Each check throws an
 * {@link InputException} whose message names the file, the limit and its value.
 */
public final class Limits {
    /** Largest plan file, table or side file read, in bytes (16 MiB). */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Most rows (lines) of a CSV table or XLSX sheet. */
    public static final int MAX_ROWS = 20_000;
    /** Most projects in one plan. */
    public static final int MAX_PROJECTS = 10_000;
    /** Most characters in one table cell or JSON string. */
    public static final int MAX_CELL_CHARS = 4_000;
    /** Most cells (rows × columns) of an XLSX sheet read. */
    public static final long MAX_CELLS = 1_000_000;
    /** Most significant digits of an amount. */
    public static final int MAX_AMOUNT_DIGITS = 30;
    /** Largest power of ten written in an amount (1E+20, 1E-20). */
    public static final int MAX_AMOUNT_EXPONENT = 20;
    /** Largest uncompressed part of an XLSX (sheet XML, shared strings), in bytes (64 MiB). */
    public static final long MAX_XLSX_ENTRY_BYTES = 64L * 1024 * 1024;
    /** Smallest compressed/uncompressed ratio of an XLSX part (POI's zip-bomb guard, 1%). */
    public static final double MIN_XLSX_INFLATE_RATIO = 0.01;
    /** Plausible dates: 1990-01-01 … 2100-12-31 (the programme began in 2021; earlier dates are library entries). */
    public static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);
    /** Latest plausible date. */
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    /** Largest plausible amount of one project, in 万元 (10 亿元): more is a unit error (元 read as 万元). */
    public static final BigDecimal MAX_PROJECT_AMOUNT = new BigDecimal("100000");
    /** Largest 万元 parameter value of a profile. */
    public static final BigDecimal MAX_PARAMETER_AMOUNT = new BigDecimal("100000000");
    /** Largest day-count parameter (100 years). */
    public static final int MAX_PARAMETER_DAYS = 36_500;
    /** Largest year-count parameter. */
    public static final int MAX_PARAMETER_YEARS = 100;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_XLSX_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_XLSX_INFLATE_RATIO);
    }

    private Limits() {
    }

    /** Applies the XLSX expansion limits to POI (idempotent; done when this class loads). */
    public static void applyXlsx() {
        // the static initializer does the work
    }

    /**
     * The checks the plan reader makes on an {@code .xlsx} before POI opens it, for the other readers of XLSX (the
     * audit's allocation, budget, factor and notice tables): the expansion limits, the container (encrypted, a
     * legacy .xls renamed, not a workbook) and each sheet's rows and cells, streamed before any DOM is built.
     *
     * @param file an {@code .xlsx} file (any NIO path, also in memory)
     * @throws InputException naming the file and the limit or what the file is instead
     */
    public static void xlsx(Path file) {
        applyXlsx();
        XlsxGuard.checkContainer(file);
        XlsxGuard.scanSheets(file);
    }

    /**
     * @param file  a file about to be read
     * @param label how messages name it
     * @throws InputException when it is larger than {@link #MAX_FILE_BYTES}
     */
    public static void fileSize(Path file, String label) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return; // the reader reports the missing or unreadable file
        }
        if (size > MAX_FILE_BYTES) {
            throw new InputException(label + ": 文件过大（" + mib(size) + "），超过输入文件大小上限 " + mib(MAX_FILE_BYTES)
                    + " (input file size limit exceeded)");
        }
    }

    /**
     * Counts the lines of a decoded CSV text before it is parsed.
     *
     * @param text  the whole text
     * @param label how messages name the file
     * @throws InputException when it has more than {@link #MAX_ROWS} lines
     */
    public static void lines(String text, String label) {
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (++n > MAX_ROWS) {
                throw new InputException(label + ": 行数超过上限 " + MAX_ROWS + " 行 (row limit exceeded)");
            }
        }
    }

    /**
     * @param rows    the rows of a sheet
     * @param columns the widest row
     * @param label   how messages name the sheet
     * @throws InputException when rows exceed {@link #MAX_ROWS} or rows × columns exceed {@link #MAX_CELLS}
     */
    public static void sheet(int rows, int columns, String label) {
        if (rows > MAX_ROWS) {
            throw new InputException(label + ": 行数 " + rows + " 超过上限 " + MAX_ROWS + " 行 (row limit exceeded)");
        }
        if ((long) rows * columns > MAX_CELLS) {
            throw new InputException(label + ": 单元格数 " + rows + "×" + columns + " 超过上限 " + MAX_CELLS
                    + " (cell count limit exceeded)");
        }
    }

    /**
     * Checks a table as read (CSV or XLSX): row count and the length of each text cell.
     *
     * @param rows  the rows
     * @param label how messages name the file or sheet
     * @throws InputException naming the limit (and the row of an over-long cell)
     */
    static void table(List<TablePlanReader.Row> rows, String label) {
        if (rows.size() > MAX_ROWS) {
            throw new InputException(label + ": 行数 " + rows.size() + " 超过上限 " + MAX_ROWS + " 行 (row limit exceeded)");
        }
        for (TablePlanReader.Row r : rows) {
            for (int c = 0; c < r.cells().size(); c++) {
                if (r.cells().get(c).value() instanceof String t) {
                    cell(t, label + " 第" + r.number() + "行第" + (c + 1) + "列");
                }
            }
        }
    }

    /**
     * @param text  a cell's or string's text
     * @param label where it is (file, row, column or field)
     * @throws InputException when it is longer than {@link #MAX_CELL_CHARS}
     */
    public static void cell(String text, String label) {
        if (text != null && text.length() > MAX_CELL_CHARS) {
            throw new InputException(label + ": 内容长度 " + text.length() + " 字超过单元格长度上限 " + MAX_CELL_CHARS
                    + " (cell length limit exceeded)");
        }
    }

    /**
     * @param projects number of projects
     * @param label    how messages name the file
     * @throws InputException when there are more than {@link #MAX_PROJECTS}
     */
    public static void projects(int projects, String label) {
        if (projects > MAX_PROJECTS) {
            throw new InputException(label + ": 项目数 " + projects + " 超过上限 " + MAX_PROJECTS + " (project limit exceeded)");
        }
    }

    /**
     * Checks the form of an amount before any arithmetic or printing (a value such as {@code -1E+999999999}
     * would take gigabytes to print).
     *
     * @param v     the amount, or null
     * @param label where it is, e.g. {@code plan.json 字段 projects[0].amount}
     * @throws InputException when it has more than {@link #MAX_AMOUNT_DIGITS} digits or an exponent beyond
     *                        ±{@link #MAX_AMOUNT_EXPONENT}
     */
    public static void amount(BigDecimal v, String label) {
        if (v == null) {
            return;
        }
        if (v.precision() > MAX_AMOUNT_DIGITS) {
            throw new InputException(label + ": 金额有效数字 " + v.precision() + " 位，超过上限 " + MAX_AMOUNT_DIGITS
                    + " 位 (amount digit limit exceeded)");
        }
        long exponent = (long) v.precision() - v.scale() - 1;
        if (Math.abs((long) v.scale()) > MAX_AMOUNT_EXPONENT + MAX_AMOUNT_DIGITS || Math.abs(exponent) > MAX_AMOUNT_EXPONENT) {
            throw new InputException(label + ": 金额的指数超出 ±" + MAX_AMOUNT_EXPONENT + " (amount exponent limit exceeded)");
        }
    }

    /**
     * @param v     an amount of one project in 万元, already checked by {@link #amount}
     * @param label where it is
     * @throws InputException when it is more than {@link #MAX_PROJECT_AMOUNT} 万元
     */
    public static void projectAmount(BigDecimal v, String label) {
        if (v != null && v.compareTo(MAX_PROJECT_AMOUNT) > 0) {
            throw new InputException(label + ": 单个项目 " + v.stripTrailingZeros().toPlainString() + " 万元超过合理上限 "
                    + MAX_PROJECT_AMOUNT.toPlainString() + " 万元（10 亿元），请检查单位是否为元 (implausible project amount)");
        }
    }

    /**
     * @param d     a date, or null
     * @param label where it is
     * @return the date
     * @throws InputException when it is outside {@link #FIRST_DATE} … {@link #LAST_DATE}
     */
    public static LocalDate date(LocalDate d, String label) {
        if (d != null && (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE))) {
            throw new InputException(label + ": 日期 " + d + " 不在合理范围 " + FIRST_DATE + " 至 " + LAST_DATE
                    + " 之内 (implausible date)");
        }
        return d;
    }

    /**
     * An amount written in an option: digits with an optional decimal point, thousands grouped by ASCII commas
     * in threes ({@code 3,460}) as in table cells; {@code 34,60} or a full-width comma ({@code 79，710}) is ambiguous.
     *
     * @param text   the option's value
     * @param option the option, for messages
     * @return the amount
     * @throws InputException when the text is not such an amount or breaks {@link #amount}
     */
    public static BigDecimal optionAmount(String text, String option) {
        String t = text.strip();
        if (!t.matches("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?")) {
            throw new InputException(option + ": '" + text + "' 不是金额（万元）；千位分隔只能写作 3,460，不能写作 34,60 或 79，710"
                    + " (not an amount in 万元)");
        }
        BigDecimal v = new BigDecimal(t.replace(",", ""));
        amount(v, option);
        return v;
    }

    /**
     * Checks a profile or ruleset parameter value against its unit's plausible range.
     *
     * @param unit  {@code 万元}, {@code days}, {@code years}, …
     * @param v     the value (not null)
     * @return null when plausible, else the reason in Chinese and English
     */
    public static String parameter(String unit, BigDecimal v) {
        if (v.precision() > MAX_AMOUNT_DIGITS || Math.abs((long) v.precision() - v.scale() - 1) > MAX_AMOUNT_EXPONENT) {
            return "数值位数或指数超出上限 (too many digits or exponent)";
        }
        return switch (unit) {
            case "万元" -> v.compareTo(MAX_PARAMETER_AMOUNT) > 0 ? "超过 " + MAX_PARAMETER_AMOUNT.toPlainString() + " 万元 (implausible amount)" : null;
            case "days" -> v.stripTrailingZeros().scale() > 0 ? "天数应为整数 (days must be a whole number)"
                    : v.compareTo(BigDecimal.valueOf(MAX_PARAMETER_DAYS)) > 0 ? "超过 " + MAX_PARAMETER_DAYS + " 天 (implausible day count)" : null;
            case "years" -> v.compareTo(BigDecimal.valueOf(MAX_PARAMETER_YEARS)) > 0 ? "超过 " + MAX_PARAMETER_YEARS + " 年 (implausible year count)" : null;
            default -> null;
        };
    }

    /** @return the limits as (name, value) rows, for documentation and tests. */
    public static List<String> describe() {
        return List.of("input file " + mib(MAX_FILE_BYTES), "rows " + MAX_ROWS, "projects " + MAX_PROJECTS,
                "cell " + MAX_CELL_CHARS + " chars", "amount " + MAX_AMOUNT_DIGITS + " digits, exponent ±" + MAX_AMOUNT_EXPONENT,
                "xlsx part " + mib(MAX_XLSX_ENTRY_BYTES) + ", inflate ratio ≥ " + MIN_XLSX_INFLATE_RATIO, "xlsx cells " + MAX_CELLS);
    }

    private static String mib(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0) : bytes + " 字节";
    }
}
