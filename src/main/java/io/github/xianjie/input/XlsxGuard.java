package io.github.xianjie.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Looks at an {@code .xlsx} file's container before POI opens it, so that an encrypted workbook, a legacy
 * {@code .xls} renamed to {@code .xlsx}, or something else entirely gets a Chinese message instead of POI's text.
 */
final class XlsxGuard {
    private XlsxGuard() {
    }

    /**
     * @param file the {@code .xlsx} file
     * @throws InputException when it is not a ZIP (OOXML) container: encrypted (an OLE2 file holding an
     *                        EncryptedPackage), legacy .xls, or another format
     */
    static void checkContainer(Path file) {
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (org.apache.poi.EmptyFileException e) {
            throw new InputException(file + ": 文件为空，不是 XLSX 工作簿 (empty file, not an .xlsx workbook)");
        } catch (IOException | RuntimeException e) {
            return; // the reader reports missing or unreadable files
        }
        if (magic == FileMagic.OOXML) {
            return;
        }
        if (magic == FileMagic.OLE2) {
            boolean encrypted;
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                encrypted = fs.getRoot().hasEntry("EncryptedPackage");
            } catch (IOException | RuntimeException e) {
                encrypted = false;
            }
            if (encrypted) {
                throw new InputException(file + ": 工作簿已加密（设有打开密码），无法读取；请在 Excel/WPS 中取消密码后另存为 .xlsx"
                        + " (the workbook is password-protected)");
            }
            throw new InputException(file + ": 这是旧版 .xls 文件（扩展名被改成了 .xlsx），请在 Excel/WPS 中另存为 .xlsx"
                    + " (a legacy .xls file renamed to .xlsx)");
        }
        throw new InputException(file + ": 不是 XLSX 工作簿（文件内容为 " + magic + " 格式），请用 Excel/WPS 另存为 .xlsx"
                + " (not an .xlsx workbook)");
    }

    /**
     * Streams each worksheet's XML once, before POI builds it in memory, counting rows and cells, so that a
     * sheet of 200 000 rows is refused in a second instead of taking gigabytes.
     *
     * @param file an OOXML container (checked by {@link #checkContainer})
     * @throws InputException when a sheet's XML exceeds {@link Limits#MAX_XLSX_ENTRY_BYTES}, or a sheet has more
     *                        than {@link Limits#MAX_ROWS} rows or {@link Limits#MAX_CELLS} cells
     */
    static void scanSheets(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (java.util.Enumeration<? extends java.util.zip.ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                java.util.zip.ZipEntry e = en.nextElement();
                if (!e.getName().startsWith("xl/worksheets/") || !e.getName().endsWith(".xml")) {
                    continue;
                }
                try (InputStream in = new BufferedInputStream(zip.getInputStream(e), 1 << 16)) {
                    count(in, file + " " + e.getName());
                }
            }
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // not a readable ZIP: POI reports it
        }
    }

    private static void count(InputStream in, String label) throws IOException {
        long bytes = 0;
        long rows = 0;
        long cells = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (++bytes > Limits.MAX_XLSX_ENTRY_BYTES) {
                throw new InputException(label + ": XLSX 解压后超出上限（单个部件不超过 " + Limits.MAX_XLSX_ENTRY_BYTES / 1048576
                        + " MiB）(XLSX expansion limit exceeded)");
            }
            if (b != '<') {
                continue;
            }
            StringBuilder tag = new StringBuilder(4);
            while ((b = in.read()) >= 0 && b != ' ' && b != '>' && b != '/' && b != '\n' && b != '\t' && tag.length() < 12) {
                bytes++;
                tag.append((char) b);
                if (b == ':') {
                    tag.setLength(0);
                }
            }
            bytes++;
            String t = tag.toString();
            if (t.equals("row") && ++rows > Limits.MAX_ROWS) {
                throw new InputException(label + ": 行数超过上限 " + Limits.MAX_ROWS + " 行 (row limit exceeded)");
            }
            if (t.equals("c") && ++cells > Limits.MAX_CELLS) {
                throw new InputException(label + ": 单元格数超过上限 " + Limits.MAX_CELLS + " (cell count limit exceeded)");
            }
        }
    }
}
