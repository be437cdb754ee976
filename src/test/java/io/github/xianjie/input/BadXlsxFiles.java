package io.github.xianjie.input;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test data: writes the XLSX inputs of the bad-input corpus ({@code fixtures/bad/xlsx/}, listed in
 * {@code fixtures/bad/cases.csv}). The files are committed; {@code main} regenerates them:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.github.xianjie.input.BadXlsxFiles
 * </pre>
 */
public final class BadXlsxFiles {
    private BadXlsxFiles() {
    }

    /**
     * @param args optional: the output folder (default {@code fixtures/bad/xlsx})
     * @throws Exception when a file cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Path.of("fixtures", "bad", "xlsx");
        Files.createDirectories(dir);
        write(dir.resolve("formula-no-value.xlsx"), wb -> table(wb, "Sheet1", s -> formula(s, "50+50", null)), UnaryOperator.identity());
        // openpyxl writes <f>…</f><v></v>: no saved result; even =1/0 must not be read as 0
        write(dir.resolve("formula-empty-v.xlsx"), wb -> table(wb, "Sheet1", s -> formula(s, "50+50", null)), BadXlsxFiles::emptyV);
        write(dir.resolve("formula-div0-empty-v.xlsx"), wb -> table(wb, "Sheet1", s -> formula(s, "1/0", null)), BadXlsxFiles::emptyV);
        write(dir.resolve("formula-cached-error.xlsx"), wb -> table(wb, "Sheet1", s -> {
            XSSFCell c = formula(s, "1/0", null);
            c.setCellErrorValue(FormulaError.DIV0);
        }), UnaryOperator.identity());
        write(dir.resolve("formula-cached-value.xlsx"), wb -> table(wb, "Sheet1", s -> formula(s, "50+50", 100.0)), UnaryOperator.identity());
        write(dir.resolve("hidden-only.xlsx"), wb -> {
            table(wb, "隐藏表", s -> { });
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("见隐藏表");
            wb.setSheetHidden(0, true);
            wb.setActiveSheet(1);
        }, UnaryOperator.identity());
        write(dir.resolve("hidden-and-visible.xlsx"), wb -> {
            table(wb, "项目表", s -> { });
            table(wb, "旧表", s -> { });
            wb.setSheetHidden(1, true);
        }, UnaryOperator.identity());
        write(dir.resolve("two-tables.xlsx"), wb -> {
            table(wb, "中央", s -> { });
            table(wb, "自治区", s -> { });
        }, UnaryOperator.identity());
        write(dir.resolve("too-many-cells.xlsx"), wb -> table(wb, "Sheet1", s -> s.createRow(99).createCell(16383).setCellValue("x")),
                UnaryOperator.identity());
        write(dir.resolve("too-many-rows.xlsx"), wb -> table(wb, "Sheet1", s -> s.createRow(Limits.MAX_ROWS + 5).createCell(0).setCellValue("x")),
                UnaryOperator.identity());
        // 40 MB of XML whitespace deflates to a few kB: POI's inflate-ratio guard must stop it
        write(dir.resolve("zip-bomb.xlsx"), wb -> table(wb, "Sheet1", s -> { }),
                xml -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(40 * 1024 * 1024)));
        write(dir.resolve("cell-too-long.xlsx"), wb -> table(wb, "Sheet1", s -> s.getRow(3).getCell(1).setCellValue("某村" + "道".repeat(5000))),
                UnaryOperator.identity());
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("xls-renamed.xlsx"))) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("项目名称");
            wb.write(out);
        }
        Files.writeString(dir.resolve("text-renamed.xlsx"), "序号,项目名称,投资规模\n1,道路,100\n", StandardCharsets.UTF_8);
        encrypted(dir.resolve("encrypted.xlsx"));
    }

    private static void table(XSSFWorkbook wb, String name, Consumer<Sheet> more) {
        Sheet s = wb.createSheet(name);
        s.createRow(0).createCell(0).setCellValue("示例县2024年中央财政衔接资金项目表");
        s.createRow(1).createCell(0).setCellValue("单位：万元");
        Row h = s.createRow(2);
        String[] head = {"序号", "项目名称", "建设地点", "投资规模", "责任单位"};
        for (int i = 0; i < head.length; i++) {
            h.createCell(i).setCellValue(head[i]);
        }
        Row r = s.createRow(3);
        r.createCell(0).setCellValue(1);
        r.createCell(1).setCellValue("某村道路硬化项目");
        r.createCell(2).setCellValue("某村");
        r.createCell(3).setCellValue(100);
        r.createCell(4).setCellValue("某乡人民政府");
        more.accept(s);
    }

    /** Replaces the amount of row 4 (D4) by a formula, with a cached number or none. */
    private static XSSFCell formula(Sheet s, String f, Double cached) {
        XSSFCell c = (XSSFCell) s.getRow(3).getCell(3);
        c.setCellFormula(f);
        if (cached == null) {
            c.getCTCell().unsetV();
        } else {
            c.getCTCell().setV(String.valueOf(cached));
        }
        return c;
    }

    private static String emptyV(String xml) {
        return xml.replaceAll("(<f>[^<]*</f>)(</c>)", "$1<v></v>$2");
    }

    private static void write(Path file, Consumer<XSSFWorkbook> build, UnaryOperator<String> sheetXml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            build.accept(wb);
            wb.write(bytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().startsWith("xl/worksheets/sheet")) {
                    data = sheetXml.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
                z.putNextEntry(copy);
                z.write(data);
                z.closeEntry();
            }
        }
        Files.write(file, out.toByteArray());
    }

    private static void encrypted(Path file) throws Exception {
        Path plain = Files.createTempFile("plain", ".xlsx");
        write(plain, wb -> table(wb, "Sheet1", s -> { }), UnaryOperator.identity());
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("xianjie");
            try (OPCPackage opc = OPCPackage.open(plain.toFile()); OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        Files.delete(plain);
    }
}
