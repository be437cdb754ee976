package io.github.xianjie.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The results as CSV (the 检查结果 / Results sheet of the workpaper): one row per rule × subject with
 * ruleId, subject, project name, outcome and severity in words, source, message, evidence (compact JSON), missing
 * fields (in Chinese by table column, 村类别（项目 1、2）; in English by field path), and the outcome and severity codes. UTF-8 with a BOM and CRLF line ends, so Excel opens the Chinese text correctly.
 */
public final class CsvResultsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HEADERS_ZH = List.of("规则编号", "对象", "项目名称", "结论", "严重程度", "依据", "说明", "证据",
            "缺少（表格列）", "结论代码", "严重程度代码");
    private static final List<String> HEADERS_EN = List.of("ruleId", "subject", "projectName", "outcome", "severity", "source", "message",
            "evidence", "missing", "outcomeCode", "severityCode");

    private CsvResultsWriter() {
    }

    /**
     * @param english true for English column headers and messages
     * @return the column headers of the results table
     */
    public static List<String> headers(boolean english) {
        return english ? HEADERS_EN : HEADERS_ZH;
    }

    /**
     * @param report  the report
     * @param english true for English messages
     * @return one row per result, in report order, with the columns of {@link #headers(boolean)}; outcome and
     *         severity in words as the workpaper writes them (不符合, 警告; English fail, WARNING), then their contract
     *         codes (FAIL, WARNING) in the last two columns; the subject {@code plan} has the project name
     *         （计划整体）/(whole plan)
     */
    public static List<List<String>> rows(Report report, boolean english) {
        Map<String, Project> bySubject = new HashMap<>();
        report.evaluation().plan().getProjects().forEach(p -> bySubject.put(p.getSubject(), p));
        List<List<String>> rows = new ArrayList<>();
        for (Result r : report.evaluation().results()) {
            Project p = bySubject.get(r.subject());
            String name = "plan".equals(r.subject()) ? (english ? "(whole plan)" : "（计划整体）") : p == null ? "" : p.getName();
            rows.add(List.of(r.ruleId(), r.subject(), name, r.outcome().label(english),
                    nz(WorkpaperWriter.severityLabel(r.severity(), english)), nz(r.source()),
                    nz(r.message(english)), compactJson(r.evidence()),
                    io.github.xianjie.domain.ColumnNames.describe(r.missing(), english), r.outcome().name(), nz(r.severity())));
        }
        return rows;
    }

    /**
     * @param report  the report
     * @param english true for English column headers and messages
     * @return the CSV bytes: UTF-8 BOM, header row, one row per result, CRLF line ends
     */
    public static byte[] write(Report report, boolean english) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xEF);
        bytes.write(0xBB);
        bytes.write(0xBF);
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.EXCEL)) {
            csv.printRecord(headers(english));
            for (List<String> row : rows(report, english)) {
                csv.printRecord(row.stream().map(CsvResultsWriter::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param value evidence or another tree of maps, lists and strings
     * @return compact JSON with Chinese unescaped, e.g. {@code {"actual":"0.4678","limit":"0.65"}}
     */
    static String compactJson(Object value) {
        try {
            return value == null ? "" : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps a spreadsheet from running a cell as a formula (CSV injection): a cell that starts with
     * {@code = + - @} or a tab/CR gets a leading apostrophe, which Excel shows as text.
     *
     * @param cell a cell
     * @return the cell, made inert
     */
    static String inert(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                && !cell.matches("-?\\d+(\\.\\d+)?")) {
            return "'" + cell;
        }
        return cell;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
