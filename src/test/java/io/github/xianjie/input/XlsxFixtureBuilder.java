package io.github.xianjie.input;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test data: builds XLSX project tables with POI, either from a notice CSV (as a county would publish the
 * same table in Excel: merged title and unit rows, numeric amounts, a 合计 row with a SUM formula whose
 * cached value is stored) or cell by cell for reader tests.
 *
 * <p>{@code main} regenerates {@code fixtures/wusu-2024/central-notice.xlsx} and {@code regional-notice.xlsx}
 * from the CSVs beside them (XlsxPlanReaderTest fails when the committed workbooks no longer match the CSVs):
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.github.xianjie.input.XlsxFixtureBuilder
 * </pre>
 */
public final class XlsxFixtureBuilder {
    /** The fixture folder. */
    public static final Path WUSU = Path.of("fixtures", "wusu-2024");
    /** The sheet name of the generated fixtures. */
    public static final String SHEET = "Sheet1";
    private static final Date FIXED = Date.from(LocalDate.of(2024, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());

    private XlsxFixtureBuilder() {
    }

    /** A formula cell, e.g. {@code new Formula("SUM(D4:D10)")}. */
    public record Formula(String text) {
    }

    /**
     * Regenerates the Wusu XLSX fixtures from the notice CSVs.
     *
     * @param args optional: the fixture folder (default {@code fixtures/wusu-2024})
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : WUSU;
        for (String name : List.of("central-notice", "regional-notice")) {
            fromCsv(dir.resolve(name + ".csv"), dir.resolve(name + ".xlsx"));
            System.out.println("wrote " + dir.resolve(name + ".xlsx"));
        }
    }

    /**
     * Lays a notice CSV out as Excel would hold it: rows above the header merged across the table width
     * (title centred, unit right-aligned), a bold header, 序号 and 投资规模 as numbers, and in a 合计 row a
     * {@code SUM} formula over the rows above (its cached value computed and stored).
     *
     * @param csv  the notice CSV
     * @param xlsx the workbook to write
     * @throws IOException when a file cannot be read or written
     */
    public static void fromCsv(Path csv, Path xlsx) throws IOException {
        List<List<String>> records = new ArrayList<>();
        String text = TextDecoding.utf8OrGb18030(Files.readAllBytes(csv), csv.toString());
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            for (CSVRecord r : p) {
                records.add(r.toList());
            }
        }
        int header = -1;
        for (int i = 0; i < records.size() && header < 0; i++) {
            if (records.get(i).contains("项目名称")) {
                header = i;
            }
        }
        if (header < 0) {
            throw new IllegalArgumentException(csv + ": no header row");
        }
        List<String> headers = records.get(header);
        int width = headers.size();
        int seqCol = headers.indexOf("序号");
        int amountCol = headers.indexOf("投资规模");
        int firstData = header + 1;
        final int headerRow = header;
        write(xlsx, wb -> {
            Sheet sh = wb.createSheet(SHEET);
            CellStyle centred = wb.createCellStyle();
            centred.setAlignment(HorizontalAlignment.CENTER);
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            CellStyle title = wb.createCellStyle();
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setFont(bold);
            CellStyle right = wb.createCellStyle();
            right.setAlignment(HorizontalAlignment.RIGHT);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            for (int r = 0; r < records.size(); r++) {
                List<String> rec = records.get(r);
                Row row = sh.createRow(r);
                if (r < headerRow) {
                    Cell c = row.createCell(0);
                    c.setCellValue(rec.get(0));
                    c.setCellStyle(rec.get(0).startsWith("单位") ? right : title);
                    sh.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
                    continue;
                }
                boolean total = !rec.isEmpty() && List.of("合计", "总计").contains(rec.get(seqCol < 0 ? 0 : seqCol).strip());
                for (int c = 0; c < rec.size(); c++) {
                    String v = rec.get(c);
                    if (v.isEmpty() && !(total && c == amountCol)) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (r == headerRow) {
                        cell.setCellValue(v);
                        cell.setCellStyle(head);
                    } else if (total && c == amountCol) {
                        String col = CellReference.convertNumToColString(c);
                        cell.setCellFormula("SUM(" + col + (firstData + 1) + ":" + col + r + ")");
                    } else if ((c == seqCol || c == amountCol) && v.matches("\\d+(\\.\\d+)?")) {
                        cell.setCellValue(new BigDecimal(v).doubleValue());
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            for (int c = 0; c < width; c++) {
                sh.setColumnWidth(c, (c == headers.indexOf("项目名称") ? 56 : c == seqCol ? 6 : 28) * 256);
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
    }

    /**
     * Writes a workbook built by {@code build}, with fixed document and zip-entry dates (reproducible bytes).
     *
     * @param file  the .xlsx to write
     * @param build fills the workbook
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path write(Path file, Consumer<XSSFWorkbook> build) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.getProperties().getCoreProperties().setCreated(Optional.of(FIXED));
            wb.getProperties().getCoreProperties().setCreator("xianjie XlsxFixtureBuilder");
            build.accept(wb);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            out.write(reproducible(bytes.toByteArray()));
        }
        return file;
    }

    /** Rewrites the zip with fixed entry times, so regenerating a fixture gives the same bytes. */
    private static byte[] reproducible(byte[] xlsx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(FIXED.getTime());
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A one-sheet workbook with the given rows from A1 on. Cell values: String (text), Number (numeric),
     * Boolean, LocalDate (a date-formatted cell), {@link Formula}, or null (no cell).
     *
     * @param file  the .xlsx to write
     * @param sheet the sheet name
     * @param rows  the rows
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path sheet(Path file, String sheet, Object[]... rows) throws IOException {
        return write(file, wb -> fill(wb, wb.createSheet(sheet), rows));
    }

    /**
     * Writes rows into a sheet from A1 on (see {@link #sheet}); formulas are evaluated so their results are stored.
     *
     * @param wb    the workbook
     * @param sh    the sheet
     * @param rows  the rows
     */
    public static void fill(XSSFWorkbook wb, Sheet sh, Object[]... rows) {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        for (int r = 0; r < rows.length; r++) {
            Row row = sh.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof String s) {
                    cell.setCellValue(s);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b);
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v instanceof Formula f) {
                    cell.setCellFormula(f.text());
                } else {
                    throw new IllegalArgumentException("cell value " + v.getClass());
                }
            }
        }
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }
}
