package io.github.xianjie.server;

import static io.github.xianjie.server.ServeFixture.post;
import static io.github.xianjie.server.ServeFixture.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xianjie.server.ServeFixture.Multipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/audit/allocation} over HTTP on the fixtures of the CLI's allocation audit tests: the Tacheng 2024
 * central and regional tables (塔地财振〔2023〕11号/13号 附件1), Wusu's two plans, Wusu's budget line 1100231, the
 * Tacheng/Wusu notice dates and the factor file that reproduces the central table. The report is the one
 * {@code xianjie audit allocation} writes, JSON, text and workpaper; bad uploads are JSON errors naming file, row and
 * column; concurrent audits and checks give the reports they give one at a time.
 */
class ServeAllocationAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path CENTRAL = Path.of("fixtures/allocation/tacheng-2024-central.csv");
    static final Path REGIONAL = Path.of("fixtures/allocation/tacheng-2024-regional.csv");
    static final Path BUDGET = Path.of("fixtures/allocation/wusu-2024-budget.csv");
    static final Path NOTICES = Path.of("fixtures/allocation/tacheng-wusu-2024-notices.csv");
    static final Path FACTORS = Path.of("fixtures/allocation/tacheng-2024-central-factors-reproduces.csv");
    static final Path FACTORS_DIFFER = Path.of("fixtures/allocation/tacheng-2024-central-factors-differs.csv");
    static final Path TOLI = Path.of("fixtures/cases/allocation-audit/toli-task-cell-plus-one-fails.csv");
    @TempDir
    static Path dir;
    private static Path plans;
    private static XianjieServer server;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        plans = Files.createDirectories(dir.resolve("plans"));
        Files.copy(Path.of("fixtures/wusu-2024/central.json"), plans.resolve("wusu-central.json"));
        Files.copy(Path.of("fixtures/wusu-2024/regional.json"), plans.resolve("wusu-regional.json"));
        server = ServeFixture.start();
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Both tables with every side input, as the CLI is given them. */
    private static Multipart everything() throws IOException {
        return file(file(file(file(file(file(new Multipart(), "allocation", CENTRAL), "allocation", REGIONAL), "plans",
                plans.resolve("wusu-central.json")), "plans", plans.resolve("wusu-regional.json")), "budget", BUDGET), "notices", NOTICES);
    }

    private static Multipart file(Multipart m, String field, Path f) throws IOException {
        return m.file(field, f.getFileName().toString(), Files.readAllBytes(f));
    }

    private static String[] everythingArgs(String... more) {
        List<String> a = new ArrayList<>(List.of("audit", "allocation", CENTRAL.toString(), REGIONAL.toString(),
                "--plans", plans.toString(), "--budget", BUDGET.toString(), "--notices", NOTICES.toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    /**
     * The CLI names each input as given on its command line; the API by the uploaded file's name, the plans in a
     * folder {@code plans}: the CLI's report as if it had been run in a folder holding the uploads.
     */
    private static String asUploaded(byte[] cli) {
        String s = new String(cli, StandardCharsets.UTF_8).replace(plans.toString(), "plans");
        for (Path p : List.of(CENTRAL, REGIONAL, BUDGET, NOTICES, FACTORS, FACTORS_DIFFER, TOLI)) {
            s = s.replace(p.toString(), p.getFileName().toString());
        }
        return s;
    }

    @Test
    void theAllocationAuditIsTheCliAudit() throws Exception {
        ServeApiTest.Run cli = ServeApiTest.cli(everythingArgs("--format", "json"));
        assertEquals(0, cli.exit(), cli.err());
        HttpResponse<byte[]> r = post(port, "/api/audit/allocation", everything());
        assertEquals(200, r.statusCode(), text(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(asUploaded(cli.out()), text(r));
        JsonNode report = JSON.readTree(r.body());
        assertEquals("allocation", report.at("/audit/kind").asText());
        assertEquals(16, report.at("/audit/rows").asInt(), "8 rows in each table");
        List<String> files = new ArrayList<>();
        report.at("/input/files").forEach(f -> files.add(f.get("file").asText()));
        assertEquals(List.of("tacheng-2024-central.csv", "tacheng-2024-regional.csv", "plans/wusu-central.json",
                "plans/wusu-regional.json", "wusu-2024-budget.csv", "tacheng-wusu-2024-notices.csv"), files);
        // 5923 = 3460 (central) + 2463 (regional), seed 表1; Wusu's plans equal their rows (3460, 2463)
        JsonNode al05 = result(report, "AL-05", "乌苏市");
        assertEquals("PASS", al05.get("outcome").asText());
        assertEquals("5923", al05.at("/evidence/noticesSum").asText());
        assertEquals("PASS", result(report, "AL-03", "中央/乌苏市").get("outcome").asText());
        assertEquals("3460", result(report, "AL-03", "中央/乌苏市").at("/evidence/total").asText());
        JsonNode toli = result(report, "AL-03", "中央/托里县");
        assertEquals("FAIL", toli.get("outcome").asText(), "a row without a plan");
        assertEquals("plans", toli.at("/evidence/plans").asText(), "the plans folder as the CLI run in the uploads' folder names it");
    }

    @Test
    void oneTableWithTheFactorsAndItsOptionsIsTheCliAuditToo() throws Exception {
        // the options as form fields: fund, factorColumn, measuresYear
        ServeApiTest.Run cli = ServeApiTest.cli("audit", "allocation", CENTRAL.toString(), "--factors", FACTORS_DIFFER.toString(),
                "--factor-column", "1", "--fund", "CENTRAL", "--measures-year", "2024", "--format", "json");
        assertEquals(0, cli.exit(), cli.err());
        HttpResponse<byte[]> r = post(port, "/api/audit/allocation", file(file(new Multipart(), "allocation", CENTRAL), "factors", FACTORS_DIFFER)
                .field("factorColumn", "1").field("fund", "CENTRAL").field("measuresYear", "2024"));
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(asUploaded(cli.out()), text(r));
        long al04Fails = 0;
        for (JsonNode x : JSON.readTree(r.body()).get("results")) {
            if (x.get("ruleId").asText().equals("AL-04") && x.get("outcome").asText().equals("FAIL")) {
                al04Fails++;
            }
        }
        assertEquals(2, al04Fails, "the factor file swaps two counties' scores: both fail");
        // a factor column the table does not have is the CLI's message, with the option as the column
        JsonNode e = error(post(port, "/api/audit/allocation?factorColumn=9", file(file(new Multipart(), "allocation", CENTRAL),
                "factors", FACTORS)), 400);
        assertTrue(e.get("message").asText().startsWith("--factor-column 9: 分配表只有 "), e.toString());
        assertEquals("factor-column", e.get("column").asText(), e.toString());
    }

    @Test
    void textAndTheWorkpaperAreTheCliOutput() throws Exception {
        for (String lang : List.of("zh", "en")) {
            ServeApiTest.Run cli = ServeApiTest.cli(everythingArgs("--lang", lang, "--max-per-test", "2"));
            assertEquals(0, cli.exit(), cli.err());
            HttpResponse<byte[]> t = post(port, "/api/audit/allocation?format=text&lang=" + lang + "&maxPerTest=2", everything());
            assertEquals(200, t.statusCode(), text(t));
            assertTrue(t.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertEquals(asUploaded(cli.out()), text(t), lang);
        }
        String zh = text(post(port, "/api/audit/allocation", file(new Multipart(), "allocation", TOLI).field("format", "text")));
        assertTrue(zh.startsWith("xianjie 审计 — allocation\n输入：toli-task-cell-plus-one-fails.csv  sha256 "
                + "1dcff4fe10abd89b725816882d84df306c4778c6ef4ce1b7b3f64f8d86bc32fa\n"), zh);
        assertTrue(zh.contains("  不符合(ERROR) 托里县：总规模 9728 万元，各任务列之和 9729 万元，相差 1 万元（toli-task-cell-plus-one-fails.csv 第 5 行）"), zh);
        Path xlsx = dir.resolve("cli.xlsx");
        ServeApiTest.Run cli = ServeApiTest.cli(everythingArgs("--format", "xlsx", "-o", xlsx.toString()));
        assertEquals(0, cli.exit(), cli.err());
        HttpResponse<byte[]> x = post(port, "/api/audit/allocation?format=xlsx", everything());
        assertEquals(200, x.statusCode(), text(x));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", x.headers().firstValue("Content-Type").orElse(""));
        assertTrue(x.headers().firstValue("Content-Disposition").orElse("").contains("tacheng-2024-central-audit.xlsx"));
        String api = cells(new ByteArrayInputStream(x.body()));
        try (InputStream in = Files.newInputStream(xlsx)) {
            assertEquals(asUploaded(cells(in).getBytes(StandardCharsets.UTF_8)), api);
        }
        assertTrue(api.startsWith("[汇总]\n编号\t测试\t依据\tPASS\tFAIL\tUNDETERMINED\tNOT_APPLICABLE\nAL-01\t"), api);
        assertTrue(api.contains("\n[AL-05]\n主体\t结论\t严重程度\t说明\t凭证号\t证据\n乌苏市\tPASS\t"), api);
        error(post(port, "/api/audit/allocation?format=csv", everything()), 400);
    }

    /** Every sheet of a workbook as text: {@code [name]}, then one line per row, cells separated by tabs. */
    private static String cells(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet s : wb) {
                sb.append('[').append(s.getSheetName()).append("]\n");
                for (Row row : s) {
                    List<String> cs = new ArrayList<>();
                    for (Cell c : row) {
                        cs.add(c.toString());
                    }
                    sb.append(String.join("\t", cs)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void badUploadsAreJsonErrorsNamingFileRowAndColumn() throws Exception {
        // a bad amount: the CLI's message (AllocationAuditTest), the upload's name, its row and column
        byte[] bad = Files.readString(CENTRAL).replace("9728", "九千").getBytes(StandardCharsets.UTF_8);
        JsonNode e = error(post(port, "/api/audit/allocation", new Multipart().file("allocation", "bad.csv", bad)), 400);
        assertEquals("bad-input", e.get("error").asText());
        assertEquals("bad.csv", e.get("file").asText());
        assertEquals(5, e.get("row").asInt(), e.toString());
        assertEquals("提前下达总规模", e.get("column").asText(), e.toString());
        assertTrue(e.get("message").asText().startsWith("bad.csv 第 5 行「提前下达总规模」: '九千' 不是金额"), e.toString());
        // a bad side file is named as uploaded, not as the first table
        JsonNode b = error(post(port, "/api/audit/allocation", file(new Multipart(), "allocation", CENTRAL)
                .file("budget", "budget-neg.csv", Files.readAllBytes(Path.of("fixtures/bad/audit/budget-neg.csv")))), 400);
        assertEquals("budget-neg.csv", b.get("file").asText(), b.toString());
        assertEquals("预算数", b.get("column").asText(), b.toString());
        assertTrue(b.get("row").isInt(), b.toString());
        // a plan that is not a plan: named by its upload
        JsonNode p = error(post(port, "/api/audit/allocation", file(file(new Multipart(), "allocation", CENTRAL), "allocation", REGIONAL)
                .file("plans", "broken.json", "{\"county\": ".getBytes(StandardCharsets.UTF_8))), 400);
        assertEquals("broken.json", p.get("file").asText(), p.toString());
        assertTrue(p.get("message").asText().startsWith("plans/broken.json"), p.toString());
        // a plan whose name the folder rule skips (a side file, a hidden or lock file) is refused, not silently dropped
        for (String name : new String[] {"central.meta.json", ".central.json", "~$central.json"}) {
            JsonNode s = error(post(port, "/api/audit/allocation", file(new Multipart(), "allocation", CENTRAL)
                    .file("plans", name, Files.readAllBytes(Path.of("fixtures/wusu-2024/central.json")))), 400);
            assertEquals(name, s.get("file").asText(), s.toString());
            assertTrue(s.get("message").asText().contains("不会被读取"), s.toString());
        }
        // the wrong kind of file
        JsonNode w = error(post(port, "/api/audit/allocation", new Multipart().file("allocation", "table.pdf", new byte[] {1})), 415);
        assertEquals("table.pdf", w.get("file").asText());
        error(post(port, "/api/audit/allocation", file(new Multipart(), "allocation", CENTRAL)
                .file("plans", "plan.csv", Files.readAllBytes(CENTRAL))), 415);
        error(post(port, "/api/audit/allocation", new Multipart().file("allocation", "legacy.xls", Files.readAllBytes(Path.of("fixtures/bad/csv/legacy.xls")))), 415);
        error(post(port, "/api/audit/allocation", "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 415);
        // a text file renamed .xlsx is refused by the reader, as by the CLI
        JsonNode x = error(post(port, "/api/audit/allocation", new Multipart().file("allocation", "text-renamed.xlsx",
                Files.readAllBytes(Path.of("fixtures/bad/xlsx/text-renamed.xlsx")))), 400);
        assertEquals("text-renamed.xlsx", x.get("file").asText(), x.toString());
        // options: an unknown fund source, a fund for two tables, a measures year out of range
        JsonNode f = error(post(port, "/api/audit/allocation", file(new Multipart(), "allocation", CENTRAL).field("fund", "LOCAL")), 400);
        assertEquals("fund", f.get("column").asText(), f.toString());
        error(post(port, "/api/audit/allocation?fund=CENTRAL", file(file(new Multipart(), "allocation", CENTRAL), "allocation", REGIONAL)), 400);
        error(post(port, "/api/audit/allocation?measuresYear=1999", file(new Multipart(), "allocation", CENTRAL)), 400);
        error(post(port, "/api/audit/allocation?maxPerTest=many", file(new Multipart(), "allocation", CENTRAL)), 400);
        // the same name twice
        error(post(port, "/api/audit/allocation", file(file(new Multipart(), "allocation", CENTRAL), "budget", CENTRAL)), 400);
        JsonNode two = error(post(port, "/api/audit/allocation", file(file(file(new Multipart(), "allocation", CENTRAL), "budget", BUDGET),
                "budget", NOTICES)), 400);
        assertTrue(two.get("message").asText().startsWith("budget: "), two.toString());
    }

    /** The plan readers' XLSX limits hold for the audit's tables too (the CLI reads them with the same reader). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "zip-bomb.xlsx|allocation|XLSX 解压后超出上限",
        "too-many-rows.xlsx|allocation|超过上限 20000 行",
        "too-many-cells.xlsx|notices|超过上限",
        "encrypted.xlsx|allocation|工作簿已加密",
        "xls-renamed.xlsx|budget|这是旧版 .xls 文件",
        "text-renamed.xlsx|allocation|不是 XLSX 工作簿"})
    void xlsxLimitsAndDisguisesAreRefusedAsForPlans(String fixture, String field, String message) throws Exception {
        Multipart m = field.equals("allocation") ? new Multipart() : file(new Multipart(), "allocation", CENTRAL);
        JsonNode e = error(post(port, "/api/audit/allocation", m.file(field, fixture,
                Files.readAllBytes(Path.of("fixtures/bad/xlsx", fixture)))), 400);
        assertEquals(fixture, e.get("file").asText(), e.toString());
        assertTrue(e.get("message").asText().startsWith(fixture) && e.get("message").asText().contains(message), e.toString());
    }

    @Test
    void aMissingTableIs400() throws Exception {
        JsonNode e = error(post(port, "/api/audit/allocation", file(new Multipart(), "budget", BUDGET)), 400);
        assertTrue(e.get("message").asText().startsWith("allocation: 缺少上传的文件"), e.toString());
        error(post(port, "/api/audit/allocation", new Multipart().field("fund", "CENTRAL")), 400);
    }

    @Test
    void tenConcurrentAuditsAndTenChecksGiveTheReportsOfOneAtATime() throws Exception {
        // five audits of different inputs, twice each; ten checks of the Wusu tables with different allocations
        List<java.util.function.Supplier<Multipart>> audits = new ArrayList<>();
        audits.add(unchecked(ServeAllocationAuditTest::everything));
        audits.add(unchecked(() -> file(new Multipart(), "allocation", TOLI)));
        audits.add(unchecked(() -> file(file(new Multipart(), "allocation", CENTRAL), "factors", FACTORS)));
        audits.add(unchecked(() -> file(file(new Multipart(), "allocation", CENTRAL), "factors", FACTORS_DIFFER)));
        audits.add(unchecked(() -> file(file(file(new Multipart(), "allocation", CENTRAL), "allocation", REGIONAL), "budget",
                Path.of("fixtures/cases/allocation-audit/budget-line-changed-fails.csv"))));
        List<String> paths = new ArrayList<>();
        List<java.util.function.Supplier<Multipart>> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            paths.add("/api/audit/allocation");
            bodies.add(audits.get(i % audits.size()));
            String alloc = String.valueOf(3000 + 97 * i);
            Path table = Path.of(i % 2 == 0 ? "fixtures/wusu-2024/central-notice.xlsx" : "fixtures/wusu-2024/central-notice.csv");
            paths.add("/api/check");
            bodies.add(unchecked(() -> file(new Multipart(), "plan", table).field("county", "乌苏市").field("year", "2024")
                    .field("fund", "CENTRAL").field("allocation", alloc)));
        }
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            HttpResponse<byte[]> r = post(port, paths.get(i), bodies.get(i).get());
            assertEquals(200, r.statusCode(), text(r));
            expected.add(r.body());
        }
        assertEquals(5 + 10, expected.stream().map(b -> new String(b, StandardCharsets.UTF_8)).distinct().count(),
                "five different audits and ten different checks");
        ExecutorService pool = Executors.newFixedThreadPool(paths.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                String path = paths.get(i);
                Multipart m = bodies.get(i).get();
                answers.add(pool.submit(() -> {
                    go.await();
                    return post(port, path, m);
                }));
            }
            go.countDown();
            for (int i = 0; i < paths.size(); i++) {
                HttpResponse<byte[]> r = answers.get(i).get(300, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), paths.get(i) + " " + i + ": " + text(r));
                assertArrayEquals(expected.get(i), r.body(), "request " + i + " " + paths.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static java.util.function.Supplier<Multipart> unchecked(IoSupplier<Multipart> s) {
        return () -> {
            try {
                return s.get();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static JsonNode result(JsonNode report, String ruleId, String subject) {
        List<JsonNode> l = new ArrayList<>();
        for (JsonNode r : report.get("results")) {
            if (r.get("ruleId").asText().equals(ruleId) && r.get("subject").asText().equals(subject)) {
                l.add(r);
            }
        }
        assertEquals(1, l.size(), ruleId + " " + subject + ": " + l);
        return l.get(0);
    }

    private static JsonNode error(HttpResponse<byte[]> r, int status) throws Exception {
        String body = text(r);
        assertEquals(status, r.statusCode(), body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), body);
        JsonNode e = JSON.readTree(body);
        List<String> keys = new ArrayList<>();
        e.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("error", "file", "row", "column", "message"), keys, body);
        assertFalse(body.contains("\tat ") || body.contains("at io.github") || body.contains("at org."), "no stack trace: " + body);
        return e;
    }
}
