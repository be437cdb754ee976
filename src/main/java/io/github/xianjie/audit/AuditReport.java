package io.github.xianjie.audit;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RuleIds;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An audit report (allocation or ledger) per the report contract of plan-format.md: ruleset, input files,
 * the audit's figures, a summary, one entry per test performed (with its counts), and every rule × subject
 * result. Written as text (findings capped per test), JSON or an XLSX workpaper (a sheet per test, complete).
 *
 * @param ruleset ruleset version, sha256 and reference date
 * @param inputs  files audited with their sha256
 * @param audit   {@code kind} and the audit's figures (rows read, projects, …)
 * @param results every result, sorted
 */
public record AuditReport(Map<String, Object> ruleset, List<Map<String, Object>> inputs, Map<String, Object> audit,
                          List<Result> results) {

    /** @return counts by ERROR, WARNING, INFO (failed rules by severity), UNDETERMINED, PASS, NOT_APPLICABLE */
    public Map<String, Integer> summary() {
        Map<String, Integer> s = new LinkedHashMap<>();
        for (String k : List.of("ERROR", "WARNING", "INFO", "UNDETERMINED", "PASS", "NOT_APPLICABLE")) {
            s.put(k, 0);
        }
        for (Result r : results) {
            s.merge(r.outcome() == Outcome.FAIL ? r.severity() : r.outcome().name(), 1, Integer::sum);
        }
        return s;
    }

    /** @return true when an ERROR-severity rule failed (exit code 1) */
    public boolean hasErrors() {
        return results.stream().anyMatch(Result::isError);
    }

    /** @return results grouped by rule ID in catalogue order */
    public Map<String, List<Result>> byTest() {
        Map<String, List<Result>> m = new TreeMap<>((a, b) -> RuleIds.sortKey(a).compareTo(RuleIds.sortKey(b)));
        for (Result r : results) {
            m.computeIfAbsent(r.ruleId(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    /** @return the contract tree */
    public Map<String, Object> toTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ruleset", ruleset);
        root.put("input", Map.of("files", inputs));
        root.put("audit", audit);
        root.put("summary", summary());
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Map.Entry<String, List<Result>> e : byTest().entrySet()) {
            Result first = e.getValue().get(0);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("ruleId", e.getKey());
            t.put("title", first.title());
            t.put("titleEn", first.titleEn());
            t.put("source", first.source());
            for (Outcome o : Outcome.values()) {
                t.put(o.name(), e.getValue().stream().filter(r -> r.outcome() == o).count());
            }
            tests.add(t);
        }
        root.put("tests", tests);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", r.ruleId());
            m.put("subject", r.subject());
            m.put("outcome", r.outcome().name());
            m.put("severity", r.severity());
            m.put("source", r.source());
            m.put("message", r.message());
            m.put("messageEn", r.messageEn());
            m.put("evidence", r.evidence());
            m.put("missing", r.missing());
            rs.add(m);
        }
        root.put("results", rs);
        return root;
    }

    /**
     * @return the JSON report, two-space indented, ending in a newline
     */
    public String json() {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return m.writer(pp).writeValueAsString(toTree()) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param english English labels and messages
     * @param cap     findings (FAIL, UNDETERMINED) shown per test; the rest are counted
     * @return the text report
     */
    public String text(boolean english, int cap) {
        StringBuilder sb = new StringBuilder();
        sb.append(english ? "xianjie audit — " : "xianjie 审计 — ").append(audit.get("kind")).append('\n');
        for (Map<String, Object> in : inputs) {
            sb.append(english ? "Input: " : "输入：").append(in.get("file")).append("  sha256 ").append(in.get("sha256")).append('\n');
        }
        sb.append(english ? "Ruleset: " : "规则集：").append(ruleset.get("version"))
                .append(english ? "  asOf " : "  参数基准日 ").append(ruleset.get("asOf")).append('\n');
        for (Map.Entry<String, Object> e : audit.entrySet()) {
            if (!e.getKey().equals("kind")) {
                Object v = e.getValue();
                String shown = v instanceof List<?> l ? String.join(english ? "; " : "；", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
                sb.append("  ").append(english ? e.getKey() : AUDIT_LABELS.getOrDefault(e.getKey(), e.getKey()))
                        .append(english ? ": " : "：").append(english ? shown : zhFunds(shown)).append('\n');
            }
        }
        sb.append('\n');
        for (Map.Entry<String, List<Result>> e : byTest().entrySet()) {
            List<Result> rs = e.getValue();
            Result first = rs.get(0);
            Map<Outcome, Integer> n = new LinkedHashMap<>();
            for (Outcome o : Outcome.values()) {
                n.put(o, (int) rs.stream().filter(r -> r.outcome() == o).count());
            }
            sb.append(e.getKey()).append(' ').append(first.title(english)).append("  [").append(first.source()).append("]\n");
            sb.append(english ? "  performed on " : "  已执行，主体 ").append(rs.size()).append(english ? " subjects: " : " 个：")
                    .append(english ? "PASS " : "通过 ").append(n.get(Outcome.PASS)).append(english ? ", FAIL " : "，不符合 ").append(n.get(Outcome.FAIL))
                    .append(english ? ", UNDETERMINED " : "，无法判定 ").append(n.get(Outcome.UNDETERMINED)).append(english ? ", NOT_APPLICABLE " : "，不适用 ")
                    .append(n.get(Outcome.NOT_APPLICABLE)).append('\n');
            int shown = 0;
            int findings = 0;
            for (Result r : rs) {
                if (r.outcome() != Outcome.FAIL && r.outcome() != Outcome.UNDETERMINED) {
                    continue;
                }
                findings++;
                if (shown < cap) {
                    shown++;
                    String tag = r.outcome() == Outcome.FAIL ? (english ? r.severity() : "不符合(" + r.severity() + ")")
                            : (english ? "UNDETERMINED" : "无法判定");
                    sb.append("  ").append(tag).append(' ').append(r.subject()).append(english ? ": " : "：").append(r.message(english));
                    Object v = r.evidence().get("vouchers");
                    if (v instanceof List<?> l && !l.isEmpty() && !r.message(english).contains(String.valueOf(l.get(0)))) {
                        sb.append(english ? " — vouchers " : " — 凭证 ").append(String.join(english ? ", " : "、", l.stream().map(String::valueOf).toList()));
                    }
                    sb.append('\n');
                }
            }
            if (findings > shown) {
                sb.append(english ? "  … and " : "  …… 另有 ").append(findings - shown)
                        .append(english ? " more (complete in --format json / xlsx)" : " 条（完整列表见 --format json / xlsx）").append('\n');
            }
        }
        Map<String, Integer> s = summary();
        sb.append('\n').append(english ? "Summary: " : "汇总：")
                .append(english ? "FAIL(ERROR) " : "不符合(ERROR) ").append(s.getOrDefault("ERROR", 0))
                .append(english ? " · FAIL(WARNING) " : " · 不符合(WARNING) ").append(s.getOrDefault("WARNING", 0))
                .append(english ? " · justified(INFO) " : " · 已说明理由(INFO) ").append(s.getOrDefault("INFO", 0))
                .append(english ? " · undetermined " : " · 无法判定 ").append(s.getOrDefault("UNDETERMINED", 0))
                .append(english ? " · pass " : " · 通过 ").append(s.getOrDefault("PASS", 0))
                .append(english ? " · not applicable " : " · 不适用 ").append(s.getOrDefault("NOT_APPLICABLE", 0)).append('\n');
        return sb.toString();
    }

    /** Chinese labels of the audit block's keys (the JSON keeps the keys). */
    private static final Map<String, String> AUDIT_LABELS = Map.of(
            "tables", "分配表", "rows", "行数", "projects", "项目数", "unknownProjectIds", "计划中没有的项目编号",
            "paymentGroups", "支付分组", "rowsKeptForRules", "交规则的行", "fingerprintBytes", "查重指纹字节",
            "streamSeconds", "读取秒数", "rulesBuildSeconds", "规则构建秒数", "rulesSeconds", "规则执行秒数");

    /** {@code 表题 (CENTRAL)} → {@code 表题（中央）} in the Chinese header. */
    private static String zhFunds(String s) {
        return s.replace(" (CENTRAL)", "（中央）").replace(" (REGIONAL)", "（自治区）");
    }

    /**
     * Writes the workpaper: a summary sheet, then one sheet per test with every result.
     *
     * @param english English labels
     * @param file    the .xlsx to write
     * @throws IOException when it cannot be written
     */
    public void xlsx(boolean english, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            xlsx(english, os);
        }
    }

    /**
     * Writes the workpaper to a stream (the server's response): the same sheets as {@link #xlsx(boolean, Path)}.
     *
     * @param english English labels
     * @param os      where to write the .xlsx bytes; not closed
     * @throws IOException when it cannot be written
     */
    public void xlsx(boolean english, OutputStream os) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sum = wb.createSheet(english ? "Summary" : "汇总");
            header(sum, english ? List.of("Test", "Title", "Source", "PASS", "FAIL", "UNDETERMINED", "NOT_APPLICABLE")
                    : List.of("编号", "测试", "依据", "PASS", "FAIL", "UNDETERMINED", "NOT_APPLICABLE"));
            int i = 1;
            for (Map.Entry<String, List<Result>> e : byTest().entrySet()) {
                Row row = sum.createRow(i++);
                Result f = e.getValue().get(0);
                row.createCell(0).setCellValue(e.getKey());
                row.createCell(1).setCellValue(f.title(english));
                row.createCell(2).setCellValue(f.source());
                int c = 3;
                for (Outcome o : Outcome.values()) {
                    row.createCell(c++).setCellValue(e.getValue().stream().filter(r -> r.outcome() == o).count());
                }
            }
            ObjectMapper m = new ObjectMapper();
            for (Map.Entry<String, List<Result>> e : byTest().entrySet()) {
                Sheet s = wb.createSheet(e.getKey());
                header(s, english ? List.of("Subject", "Outcome", "Severity", "Message", "Vouchers", "Evidence")
                        : List.of("主体", "结论", "严重程度", "说明", "凭证号", "证据"));
                int r = 1;
                for (Result res : e.getValue()) {
                    Row row = s.createRow(r++);
                    row.createCell(0).setCellValue(res.subject());
                    row.createCell(1).setCellValue(res.outcome().name());
                    row.createCell(2).setCellValue(res.severity());
                    row.createCell(3).setCellValue(inert(res.message(english)));
                    Object v = res.evidence().get("vouchers");
                    row.createCell(4).setCellValue(v == null ? "" : inert(String.join(", ", AuditOrder.strings((List<?>) v))));
                    String ev = m.writeValueAsString(res.evidence());
                    row.createCell(5).setCellValue(inert(ev.length() > 32000 ? ev.substring(0, 32000) + "…" : ev));
                }
            }
            wb.write(os);
            wb.dispose();
        }
    }

    private static String inert(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static void header(Sheet s, List<String> names) {
        Row h = s.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            h.createCell(i).setCellValue(names.get(i));
        }
    }
}
