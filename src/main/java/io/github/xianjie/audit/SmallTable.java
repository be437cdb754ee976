package io.github.xianjie.audit;

import io.github.xianjie.input.InputException;
import io.github.xianjie.input.InputFiles;
import io.github.xianjie.input.Limits;
import io.github.xianjie.input.TablePlanReader;
import io.github.xianjie.input.TextDecoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * A small table (allocation table, budget lines, factors, notice dates) read whole from CSV (UTF-8 or
 * GB18030) or XLSX (first visible sheet; cells by value as the plan readers read them) as rows of trimmed cell texts, with the parsing helpers that name file,
 * line and column in their errors. The plan readers' input limits apply (file size, rows; for XLSX also the
 * expansion, container and cell-count checks of {@link Limits#xlsx}).
 *
 * @param file the file as given
 * @param rows every row, 1-based line {@code i + 1}
 */
public record SmallTable(String file, List<List<String>> rows) {
    /** An amount as plan tables write it: digits, commas only in threes, an optional fraction; no exponent. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?|[+-]?\\.\\d+");

    /**
     * @param path a .csv or .xlsx file
     * @return its rows
     * @throws InputException when it cannot be read or decoded
     */
    public static SmallTable read(Path path) {
        String name = path.toString();
        byte[] bytes = InputFiles.read(path, name);
        List<List<String>> rows = new ArrayList<>();
        if (name.toLowerCase().endsWith(".xlsx")) {
            Limits.xlsx(path);
            try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
                Sheet s = wb.getSheetAt(firstVisible(wb, name));
                int width = 0;
                for (Row row : s) {
                    width = Math.max(width, row.getLastCellNum());
                }
                Limits.sheet(s.getLastRowNum() + 1, width, name + " 工作表「" + s.getSheetName() + "」");
                List<String> formulas = new ArrayList<>();
                for (int r = 0; r <= s.getLastRowNum(); r++) {
                    Row row = s.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            Cell cell = row.getCell(c);
                            cells.add(cell == null ? "" : clean(text(cell, name, formulas)));
                        }
                    }
                    rows.add(cells);
                }
                if (!formulas.isEmpty()) {
                    System.err.println("注意 (note): " + name + " 工作表「" + s.getSheetName() + "」的公式单元格使用了文件中保存的计算结果："
                            + String.join("、", formulas.size() > 20 ? formulas.subList(0, 20) : formulas)
                            + (formulas.size() > 20 ? " 等 " + formulas.size() + " 个" : "") + " (formula cells read as their saved results)");
                }
            } catch (InputException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                String m = String.valueOf(e.getMessage());
                if (m.contains("Zip bomb") || m.contains("exceeds the max") || m.contains("max entry size")) {
                    throw new InputException(name + ": XLSX 解压后超出上限（单个部件不超过 " + Limits.MAX_XLSX_ENTRY_BYTES / 1048576
                            + " MiB，压缩比不低于 " + Limits.MIN_XLSX_INFLATE_RATIO + "），疑似压缩炸弹 (XLSX expansion limit exceeded)");
                }
                throw new InputException(name + ": 不是可读的 XLSX 文件 (not a readable XLSX file): " + e.getMessage());
            }
        } else {
            String text = TextDecoding.utf8OrGb18030(bytes, name);
            Limits.lines(text, name);
            try {
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
                    List<String> cells = new ArrayList<>();
                    rec.forEach(v -> cells.add(clean(v)));
                    rows.add(cells);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new InputException(name + ": CSV 无法解析 (malformed CSV): " + e.getMessage());
            }
        }
        return new SmallTable(name, rows);
    }

    /** The first sheet that is not hidden: a hidden sheet (an old version kept in the workbook) is not audited. */
    private static int firstVisible(Workbook wb, String name) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (!wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i)) {
                return i;
            }
        }
        throw new InputException(name + ": 没有可见的工作表 (no visible sheet)");
    }

    /**
     * A cell's value as text, as the plan readers read it: numbers to Excel's 15 significant digits whatever the
     * cell's number format shows (a format "0" must not round 9728.4 to 9728), date-formatted cells as yyyy-mm-dd,
     * formulas by their saved result (noted in {@code formulas}); a formula without one is an error, never 0.
     */
    private static String text(Cell cell, String name, List<String> formulas) {
        CellType t = cell.getCellType();
        if (t == CellType.FORMULA) {
            if (cell instanceof XSSFCell x && (!x.getCTCell().isSetV() || x.getCTCell().getV() == null || x.getCTCell().getV().isEmpty())
                    && x.getCTCell().getT() != STCellType.STR) {
                throw new InputException(name + " 第 " + (cell.getRowIndex() + 1) + " 行 " + cell.getAddress().formatAsString()
                        + ": 公式「=" + cell.getCellFormula() + "」没有保存的计算结果，请在 Excel/WPS 中打开并保存后再审计"
                        + " (formula without a cached value)");
            }
            formulas.add(cell.getAddress().formatAsString());
            t = cell.getCachedFormulaResultType();
        }
        return switch (t) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : TablePlanReader.fromSpreadsheetNumber(cell.getNumericCellValue()).toPlainString();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> {
                try {
                    yield FormulaError.forInt(cell.getErrorCellValue()).getString();
                } catch (IllegalArgumentException e) {
                    yield "#" + cell.getErrorCellValue();
                }
            }
            default -> "";
        };
    }

    /** Collapses whitespace (tables break headers over lines) and trims. */
    static String clean(String v) {
        return v == null ? "" : v.replaceAll("[\\s\\u3000]+", " ").trim();
    }

    /**
     * @param line 1-based line
     * @param col  0-based column
     * @return the cell text, "" when absent
     */
    public String cell(int line, int col) {
        List<String> r = rows.get(line - 1);
        return col < r.size() ? r.get(col) : "";
    }

    /**
     * @param line   1-based line
     * @param col    0-based column
     * @param header the column's header, for the message
     * @return the amount, or null when blank
     * @throws InputException naming file, line and column when it is not a number
     */
    public BigDecimal amount(int line, int col, String header) {
        String v = Normalizer.normalize(cell(line, col), Normalizer.Form.NFKC).replace(" ", "");
        if (v.isEmpty() || v.equals("-") || v.equals("—")) {
            return null;
        }
        String where = file + " 第 " + line + " 行「" + header + "」";
        if (!NUMBER.matcher(v).matches()) {
            // as the plan tables: thousands grouped by commas in threes (9,728), no exponent, no 34,60
            throw new InputException(where + ": '" + cell(line, col) + "' 不是金额 (not an amount)");
        }
        BigDecimal a = new BigDecimal(v.replace(",", ""));
        Limits.amount(a, where);
        return a;
    }

    /**
     * @param line   1-based line
     * @param col    0-based column
     * @param header the column's header, for the message
     * @return the date (yyyy-mm-dd, yyyy/m/d or yyyy年m月d日), or null when blank
     * @throws InputException naming file, line and column when it is not a date
     */
    public LocalDate date(int line, int col, String header) {
        String v = cell(line, col).replace(" ", "");
        if (v.isEmpty()) {
            return null;
        }
        String iso = v.replaceAll("[年/.]", "-").replace("月", "-").replace("日", "");
        String[] p = iso.split("-");
        try {
            if (p.length != 3) {
                throw new DateTimeParseException(v, v, 0);
            }
            return Limits.date(LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])),
                    file + " 第 " + line + " 行「" + header + "」");
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputException(file + " 第 " + line + " 行「" + header + "」: '" + cell(line, col) + "' 不是日期 (not a date, yyyy-mm-dd)");
        }
    }

    /**
     * @param words header words, any of which identifies the header row
     * @return the 1-based line of the first row with a cell containing one of them
     * @throws InputException when there is none
     */
    public int headerLine(String... words) {
        for (int i = 0; i < rows.size(); i++) {
            for (String c : rows.get(i)) {
                for (String w : words) {
                    if (c.contains(w)) {
                        return i + 1;
                    }
                }
            }
        }
        throw new InputException(file + ": 找不到表头行（应含「" + String.join("」或「", words) + "」）(no header row)");
    }

    /**
     * @param line  header line
     * @param words words, any of which identifies the column
     * @return the 0-based column, or -1
     */
    public int column(int line, String... words) {
        List<String> r = rows.get(line - 1);
        for (int c = 0; c < r.size(); c++) {
            for (String w : words) {
                if (r.get(c).replace(" ", "").contains(w)) {
                    return c;
                }
            }
        }
        return -1;
    }

    /**
     * @param line  header line
     * @param label what the column holds, for the message
     * @param words words, any of which identifies the column
     * @return the 0-based column
     * @throws InputException when the header lacks it
     */
    public int requiredColumn(int line, String label, String... words) {
        int c = column(line, words);
        if (c < 0) {
            throw new InputException(file + " 第 " + line + " 行: 表头缺少「" + label + "」列 (missing column)");
        }
        return c;
    }

    /** @param line 1-based @return true when every cell is blank */
    public boolean blank(int line) {
        return rows.get(line - 1).stream().allMatch(String::isEmpty);
    }
}
