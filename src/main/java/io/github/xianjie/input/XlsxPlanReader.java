package io.github.xianjie.input;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.input.TablePlanReader.Cell;
import io.github.xianjie.input.TablePlanReader.Row;
import io.github.xianjie.input.TablePlanReader.Unreadable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a county plan from an XLSX project table (as county notices publish it) with Apache POI; the
 * table rules are those of {@link TablePlanReader}. The worksheet is the one named by
 * {@link PlanFacts#sheet()}, else the only visible sheet that has a header row with 项目名称.
 * A cell inside a merged region reads the value of the region's top-left cell when it lies in the same
 * column (a 责任单位 merged down several project rows); other cells of the region are empty. Formula
 * cells give their saved (cached) value, noted on standard error; a formula without one (an empty {@code <v/>}, as
 * openpyxl writes) is an error naming the cell, never 0. Numeric cells are read to Excel's
 * 15 significant digits, so what the spreadsheet shows is what is read; date-formatted cells are dates.
 */
public final class XlsxPlanReader {
    /** Earliest and latest Excel serial day accepted in a date column (1990-01-01 … 2100-12-31). */
    private static final int FIRST_SERIAL = 32874;
    private static final int LAST_SERIAL = 73415;

    private XlsxPlanReader() {
    }

    /**
     * @param file  an {@code .xlsx} file
     * @param facts plan-level facts (county, year and fund source are required)
     * @return the validated plan, amounts in 万元
     * @throws InputException naming file, sheet, row and column of the first problem, or when the file is
     *                        not a readable XLSX workbook
     */
    public static CountyPlan read(Path file, PlanFacts facts) {
        Limits.fileSize(file, file.toString());
        Limits.applyXlsx();
        XlsxGuard.checkContainer(file);
        XlsxGuard.scanSheets(file);
        Map<String, List<Row>> sheets = new LinkedHashMap<>();
        String chosen;
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            chosen = chooseSheet(wb, file, facts.sheet(), sheets);
            noteFormulas(wb.getSheet(chosen), file);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": 文件不存在 (file not found)");
        } catch (InputException e) {
            throw e.getMessage().startsWith(file.toString()) ? e : new InputException(file + " " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Zip bomb") || m.contains("exceeds the max") || m.contains("max entry size")) {
                throw new InputException(file + ": XLSX 解压后超出上限（单个部件不超过 " + Limits.MAX_XLSX_ENTRY_BYTES / 1048576
                        + " MiB，压缩比不低于 " + Limits.MIN_XLSX_INFLATE_RATIO + "），疑似压缩炸弹 (XLSX expansion limit exceeded)");
            }
            throw new InputException(file + ": 无法读取 XLSX 工作簿（文件损坏、已加密或不是 .xlsx 格式）: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + " (not a readable .xlsx workbook)");
        }
        return TablePlanReader.read(file, file + " 工作表「" + chosen + "」", sheets.get(chosen), facts);
    }

    private static String chooseSheet(XSSFWorkbook wb, Path file, String wanted, Map<String, List<Row>> rowsOut) {
        FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        if (wanted != null) {
            Sheet s = wb.getSheet(wanted);
            if (s == null) {
                List<String> names = new ArrayList<>();
                wb.forEach(x -> names.add(x.getSheetName()));
                throw new InputException(file + ": 没有工作表「" + wanted + "」，可用：" + String.join("、", names) + " (no such sheet)");
            }
            rowsOut.put(wanted, rows(s, ev));
            return wanted;
        }
        List<String> candidates = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) {
                if (TablePlanReader.findHeaderRow(rows(wb.getSheetAt(i), ev)) >= 0) {
                    hidden.add(wb.getSheetAt(i).getSheetName());
                }
                continue;
            }
            Sheet s = wb.getSheetAt(i);
            List<Row> rows = rows(s, ev);
            if (TablePlanReader.findHeaderRow(rows) >= 0) {
                candidates.add(s.getSheetName());
                rowsOut.put(s.getSheetName(), rows);
            }
        }
        if (candidates.isEmpty() && !hidden.isEmpty()) {
            throw new InputException(file + ": 项目表在隐藏的工作表「" + String.join("」、「", hidden)
                    + "」中，未读取；确认要检查它请用 --sheet 指定 (the project table is on a hidden sheet; choose it with --sheet)");
        }
        if (candidates.isEmpty()) {
            throw new InputException(file + ": 没有含「项目名称」表头的工作表 (no sheet with a project table)");
        }
        if (!hidden.isEmpty()) {
            System.err.println("注意 (note): " + file + " 的隐藏工作表「" + String.join("」、「", hidden)
                    + "」也含项目表，未读取；如需检查请用 --sheet (a hidden sheet also holds a project table; not read)");
        }
        if (candidates.size() > 1) {
            throw new InputException(file + ": 有多个项目表（「" + String.join("」、「", candidates)
                    + "」），请用 --sheet 指定其一 (several project tables; choose one with --sheet)");
        }
        return candidates.get(0);
    }

    private static List<Row> rows(Sheet sheet, FormulaEvaluator ev) {
        Map<Long, CellRangeAddress> merged = new HashMap<>();
        int width = 0;
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    merged.put(key(r, c), region);
                }
            }
            width = Math.max(width, region.getLastColumn() + 1);
        }
        int last = sheet.getLastRowNum();
        for (int r = 0; r <= last; r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
            if (row != null) {
                width = Math.max(width, row.getLastCellNum());
            }
        }
        Limits.sheet(last + 1, width, "工作表「" + sheet.getSheetName() + "」");
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r <= last; r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
            List<Cell> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                CellRangeAddress region = merged.get(key(r, c));
                if (region != null && (r != region.getFirstRow() || c != region.getFirstColumn())) {
                    if (c == region.getFirstColumn()) {
                        org.apache.poi.ss.usermodel.Row top = sheet.getRow(region.getFirstRow());
                        Object v = top == null ? null : value(top.getCell(c), ev);
                        cells.add(v == null ? Cell.EMPTY : new Cell(v, true));
                    } else {
                        cells.add(Cell.EMPTY);
                    }
                    continue;
                }
                Object v = row == null ? null : value(row.getCell(c), ev);
                cells.add(v == null ? Cell.EMPTY : new Cell(v, false));
            }
            rows.add(new Row(r + 1, cells));
        }
        return rows;
    }

    private static long key(int r, int c) {
        return ((long) r << 20) | c;
    }

    private static Object value(org.apache.poi.ss.usermodel.Cell c, FormulaEvaluator ev) {
        if (c == null) {
            return null;
        }
        CellType t = c.getCellType();
        if (t == CellType.FORMULA) {
            if (c instanceof XSSFCell x && (!x.getCTCell().isSetV() || x.getCTCell().getV() == null || x.getCTCell().getV().isEmpty())
                    && x.getCTCell().getT() != org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.STR) {
                // no saved result (openpyxl writes an empty <v/>): never read it as 0
                return new Unreadable("公式「=" + c.getCellFormula() + "」没有保存的计算结果，请在 Excel/WPS 中打开并保存后再检查"
                        + " (formula without a cached value)");
            }
            t = c.getCachedFormulaResultType();
        }
        return switch (t) {
            case NUMERIC -> DateUtil.isCellDateFormatted(c)
                    ? c.getLocalDateTimeCellValue().toLocalDate()
                    : TablePlanReader.fromSpreadsheetNumber(c.getNumericCellValue());
            case STRING -> {
                String s = c.getStringCellValue();
                yield s == null || s.isEmpty() ? null : s;
            }
            case BOOLEAN -> c.getBooleanCellValue();
            case ERROR -> new Unreadable("单元格为错误值 " + errorText(c.getErrorCellValue()) + " (error value)");
            default -> null;
        };
    }

    /** Says on standard error which cells were formulas whose saved result was read. */
    private static void noteFormulas(Sheet sheet, Path file) {
        List<String> cells = new ArrayList<>();
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            for (org.apache.poi.ss.usermodel.Cell c : row) {
                if (c.getCellType() == CellType.FORMULA && c instanceof XSSFCell x && x.getCTCell().isSetV()
                        && x.getCTCell().getV() != null && !x.getCTCell().getV().isEmpty()) {
                    cells.add(c.getAddress().formatAsString());
                }
            }
        }
        if (!cells.isEmpty()) {
            System.err.println("注意 (note): " + file + " 工作表「" + sheet.getSheetName() + "」的公式单元格使用了文件中保存的计算结果："
                    + String.join("、", cells.size() > 20 ? cells.subList(0, 20) : cells) + (cells.size() > 20 ? " 等 " + cells.size() + " 个" : "")
                    + " (formula cells read as their saved results)");
        }
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#" + code;
        }
    }

    /**
     * A number in a date column that is not date-formatted: {@code 20231229}, or an Excel serial day
     * between 1990 and 2100 (a date whose cell format was lost).
     *
     * @param b the number
     * @return the date, or empty when the number is neither
     */
    static Optional<LocalDate> serialDate(BigDecimal b) {
        if (b.signum() <= 0 || b.stripTrailingZeros().scale() > 0) {
            return Optional.empty();
        }
        long n = b.longValueExact();
        try {
            if (n >= 19000101 && n <= 29991231) {
                return Optional.of(LocalDate.of((int) (n / 10000), (int) (n / 100 % 100), (int) (n % 100)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (n >= FIRST_SERIAL && n <= LAST_SERIAL) {
            return Optional.of(DateUtil.getLocalDateTime((double) n).toLocalDate());
        }
        return Optional.empty();
    }
}
