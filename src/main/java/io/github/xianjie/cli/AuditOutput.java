package io.github.xianjie.cli;

import io.github.xianjie.audit.AuditReport;
import io.github.xianjie.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Output options of the audit commands: format, language, output file, findings shown per test in text. */
public final class AuditOutput {
    @Option(names = "--format", defaultValue = "text", description = "text | json | xlsx（审计底稿，每项测试一页，需 -o）(default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--lang", defaultValue = "zh", description = "zh | en (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = {"-o", "--output"}, description = "写入文件而非标准输出 (write to a file)")
    Path output;

    @Option(names = "--max-per-test", defaultValue = "20", description = "文本报告每项测试最多列出的问题数（JSON/XLSX 完整）(default: ${DEFAULT-VALUE})")
    int cap;

    /** @throws InputException for an unknown format or language, or xlsx without -o */
    void validate() {
        if (!List.of("text", "json", "xlsx").contains(format)) {
            throw new InputException("--format: '" + format + "' 无效，可用：text, json, xlsx");
        }
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw new InputException("--lang: '" + lang + "' 无效，可用：zh, en");
        }
        if (format.equals("xlsx") && output == null) {
            throw new InputException("--format xlsx: 需要用 -o FILE 指定输出的 .xlsx 文件");
        }
    }

    /**
     * @param report the report
     * @return exit code: 1 when an ERROR-severity rule failed, else 0
     */
    int write(AuditReport report) {
        boolean en = lang.equals("en");
        try {
            if (format.equals("xlsx")) {
                report.xlsx(en, output);
            } else {
                byte[] b = (format.equals("json") ? report.json() : report.text(en, cap)).getBytes(StandardCharsets.UTF_8);
                if (output != null) {
                    Files.write(output, b);
                } else {
                    System.out.write(b);
                    System.out.flush();
                }
            }
        } catch (IOException e) {
            throw new InputException("-o " + output + ": 无法写入 (cannot write): " + e.getMessage());
        }
        if (output != null) {
            System.err.println("已写入 (written): " + output);
        }
        return report.hasErrors() ? 1 : 0;
    }

    /** @return SHA-256 of the file, hex, read streaming (a ledger may be gigabytes); see {@link io.github.xianjie.service.AuditService#sha256} */
    static String sha256(Path file) {
        return io.github.xianjie.service.AuditService.sha256(file);
    }
}
