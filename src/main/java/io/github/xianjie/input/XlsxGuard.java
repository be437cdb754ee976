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
        } catch (IOException e) {
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
}
