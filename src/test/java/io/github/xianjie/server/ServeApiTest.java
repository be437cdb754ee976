package io.github.xianjie.server;

import static io.github.xianjie.server.ServeFixture.get;
import static io.github.xianjie.server.ServeFixture.post;
import static io.github.xianjie.server.ServeFixture.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xianjie.cli.XianjieCommand;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanFacts;
import io.github.xianjie.server.ServeFixture.Multipart;
import io.github.xianjie.service.CheckService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST API of {@code xianjie serve} over HTTP on an ephemeral loopback port: the same bytes as the CLI
 * for every format, the rulebook and the diff (the command line itself for the issue's Wusu XLSX check and
 * the rulebook; the code the CLI commands call, {@link CheckService}, for the rest — the CLI tests tie the
 * commands to it); errors as JSON {error, file, row, column, message} with
 * 400/413/415 and no stack trace; 50 parallel checks of different plans byte-identical to the CLI's path.
 */
class ServeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WUSU_XLSX = Path.of("fixtures/wusu-2024/central-notice.xlsx");
    private static final Path WUSU_CSV = Path.of("fixtures/wusu-2024/central-notice.csv");
    private static XianjieServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = ServeFixture.start();
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Run(int exit, byte[] out, String err) {
    }

    /** Runs the real command line in this JVM, as {@code ./xianjie ARGS --rules rules}. */
    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.out;
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(o);
        try {
            String[] all = Stream.concat(Stream.of(args), Stream.of("--rules", "rules")).toArray(String[]::new);
            int code = XianjieCommand.commandLine(o, new PrintStream(err, true, StandardCharsets.UTF_8)).execute(all);
            o.flush();
            return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    /** The CLI names the input as given on its command line, the API by the uploaded file's name. */
    private static String asUploaded(byte[] cliJson, Path file) {
        return new String(cliJson, StandardCharsets.UTF_8)
                .replace("\"file\" : \"" + file + "\"", "\"file\" : \"" + file.getFileName() + "\"");
    }

    private static Multipart wusu(Path file) throws Exception {
        return new Multipart().file("plan", file.getFileName().toString(), Files.readAllBytes(file))
                .field("county", "乌苏市").field("year", "2024").field("fund", "CENTRAL").field("allocation", "3460");
    }

    @Test
    void theIssuesCurlAgainstTheWusuXlsxReturnsTheCliJson() throws Exception {
        Run cli = cli("check", WUSU_XLSX.toString(), "--county", "乌苏市", "--year", "2024", "--fund", "CENTRAL",
                "--allocation", "3460", "--format", "json");
        assertEquals(0, cli.exit(), cli.err());
        HttpResponse<byte[]> r = post(port, "/api/check", wusu(WUSU_XLSX));
        assertEquals(200, r.statusCode(), text(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(asUploaded(cli.out(), WUSU_XLSX), text(r));
        JsonNode report = JSON.readTree(r.body());
        assertEquals("0.7906", report.at("/metrics/industryShare").asText());
        assertEquals("0.4678", report.at("/metrics/chainShareOfIndustry").asText());
        assertEquals("central-notice.xlsx", report.at("/input/file").asText());
        assertEquals(CheckService.sha256(Files.readAllBytes(WUSU_XLSX)), report.at("/input/sha256").asText());
    }

    @Test
    void aJsonPlanBodyGivesTheCliReport() throws Exception {
        Path plan = Path.of("fixtures/wusu-2024/central.json");
        CountyPlan p = CheckService.read(plan, PlanFacts.NONE, null);
        byte[] expected = CheckService.render(ServeFixture.service().check(p, 2024, "central.json", CheckService.sha256(plan)), "json", false);
        HttpResponse<byte[]> r = post(port, "/api/check?name=central.json", "application/json; charset=utf-8", Files.readAllBytes(plan));
        assertEquals(200, r.statusCode(), text(r));
        assertArrayEquals(expected, r.body());
        assertEquals("乌财振〔2023〕9号", JSON.readTree(r.body()).at("/plan/documentNo").asText());
    }

    @Test
    void textCsvAndXlsxFormatsAreTheCliWritersOutput() throws Exception {
        CountyPlan plan = CheckService.read(WUSU_CSV, PlanFacts.fromOptions("乌苏市", null, 2024, "CENTRAL", "3460", null, null, null), null);
        var report = ServeFixture.service().check(plan, 2024, "central-notice.csv", CheckService.sha256(WUSU_CSV));
        for (String format : List.of("text", "csv")) {
            for (String lang : List.of("zh", "en")) {
                HttpResponse<byte[]> r = post(port, "/api/check?format=" + format + "&lang=" + lang, wusu(WUSU_CSV));
                assertEquals(200, r.statusCode(), text(r));
                assertArrayEquals(CheckService.render(report, format, lang.equals("en")), r.body(), format + " " + lang);
            }
        }
        HttpResponse<byte[]> x = post(port, "/api/check", wusu(WUSU_CSV).field("format", "xlsx"));
        assertEquals(200, x.statusCode(), text(x));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", x.headers().firstValue("Content-Type").orElse(""));
        assertTrue(x.headers().firstValue("Content-Disposition").orElse("").contains("central-notice-workpaper.xlsx"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            assertTrue(wb.getNumberOfSheets() >= 2, "workpaper sheets");
        }
        String text = text(post(port, "/api/check?format=text", wusu(WUSU_XLSX)));
        assertTrue(text.contains("比例（四位小数，四舍五入）：产业发展比例 0.7906；粮棉果畜占产业资金比例 0.4678（窄读；宽读 0.8334）；项目管理费比例 0.0000"), text);
    }

    @Test
    void theRulebookIsTheCliRulebook() throws Exception {
        Run cli = cli("rules", "--year", "2024", "--fund", "CENTRAL", "--format", "json");
        HttpResponse<byte[]> r = get(port, "/api/rules?year=2024&fund=CENTRAL");
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(new String(cli.out(), StandardCharsets.UTF_8), text(r));
        assertEquals(400, get(port, "/api/rules?year=1999").statusCode());
        assertEquals(400, get(port, "/api/rules?fund=LOCAL").statusCode());
    }

    @Test
    void theDiffIsTheCliDiff() throws Exception {
        Path plan = Path.of("fixtures/wusu-2024/central.json");
        CheckService.Diff d = ServeFixture.service().diff(CheckService.read(plan, PlanFacts.NONE, null),
                CheckService.read(plan, PlanFacts.NONE, null), 2023, 2024, "central.json");
        HttpResponse<byte[]> r = post(port, "/api/diff?from=2023&to=2024&name=central.json", "application/json", Files.readAllBytes(plan));
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(io.github.xianjie.report.JsonReportWriter.pretty(d.tree()), text(r));
        HttpResponse<byte[]> t = post(port, "/api/diff?from=2023&to=2024&format=text&name=central.json", "application/json", Files.readAllBytes(plan));
        assertEquals(d.text(false), text(t));
        // the real command line gives the same text and (input named as given) the same JSON
        Run cliText = cli("diff", plan.toString(), "--from", "2023", "--to", "2024");
        assertEquals(new String(cliText.out(), StandardCharsets.UTF_8), text(t), cliText.err());
        Run cliJson = cli("diff", plan.toString(), "--from", "2023", "--to", "2024", "--format", "json");
        assertEquals(new String(cliJson.out(), StandardCharsets.UTF_8)
                .replace("\"input\" : \"" + plan + "\"", "\"input\" : \"central.json\""), text(r));
        // the count line counts the changes listed (IS-01, IS-02 and, since the 2024 notices' "必须", PM-06 per project)
        int changes = JSON.readTree(r.body()).get("changes").size();
        assertTrue(text(t).startsWith("按 2023 年与 2024 年办法检查同一计划：结论变化 1 项；严重程度变化（结论不变）" + (changes - 1) + " 项；"), text(t));
        assertEquals(changes, text(t).lines().filter(l -> l.matches("  [A-Z]{2}-\\d{2} .*")).count(), text(t));
        // 2023: industry share at least 50% (WARNING); 2024: at least 65% (ERROR)
        JsonNode is01 = null;
        for (JsonNode c : JSON.readTree(r.body()).get("changes")) {
            if (c.get("ruleId").asText().equals("IS-01")) {
                is01 = c;
            }
        }
        assertNotNull(is01, text(r));
        assertEquals("0.5", is01.at("/from/limit").asText());
        assertEquals("0.65", is01.at("/to/limit").asText());
    }

    /** {@code amountColumn} is {@code check --amount-column}: the table with 资金规模 beside 其中少数民族发展资金. */
    @Test
    void theAmountColumnFieldIsTheCliOption() throws Exception {
        Path table = Path.of("fixtures/screening/as-published/shapotou-2021-minority.csv");
        Run cli = cli("check", table.toString(), "--county", "沙坡头区", "--allocation", "1400", "--amount-column", "资金规模",
                "--format", "json");
        assertTrue(cli.exit() == 0 || cli.exit() == 1, cli.err());
        Multipart m = new Multipart().file("plan", table.getFileName().toString(), Files.readAllBytes(table))
                .field("county", "沙坡头区").field("allocation", "1400").field("amountColumn", "资金规模");
        HttpResponse<byte[]> r = post(port, "/api/check", m);
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(asUploaded(cli.out(), table), text(r));
        assertEquals("沙坡头区", JSON.readTree(r.body()).at("/plan/county").asText(), text(r));
        // without it, both stop naming the two columns (CLI exit 2, API 400 with the CLI's message)
        Run bare = cli("check", table.toString(), "--county", "沙坡头区", "--allocation", "1400");
        assertEquals(2, bare.exit(), bare.err());
        JsonNode e = error(post(port, "/api/check", new Multipart().file("plan", table.getFileName().toString(), Files.readAllBytes(table))
                .field("county", "沙坡头区").field("allocation", "1400")), 400);
        assertTrue(e.get("message").asText().contains("--amount-column 资金规模"), e.toString());
        assertTrue(bare.err().contains(e.get("message").asText().replace(table.getFileName().toString(), table.toString())),
                bare.err() + " / " + e);
    }

    /** Several {@code plan} parts are {@code check FILE FILE}: batch plans of one county, year and fund merged into the year. */
    @Test
    void severalBatchUploadsAreMergedIntoTheYearAsByTheCli() throws Exception {
        Path first = Path.of("fixtures/batches/example-2024-central/1-first-batch.json");
        Path second = Path.of("fixtures/batches/example-2024-central/2-second-batch.json");
        Run cli = cli("check", first.toString(), second.toString(), "--format", "json");
        assertEquals(0, cli.exit(), cli.err());
        HttpResponse<byte[]> r = post(port, "/api/check", new Multipart()
                .file("plan", first.getFileName().toString(), Files.readAllBytes(first))
                .file("plan", second.getFileName().toString(), Files.readAllBytes(second)));
        assertEquals(200, r.statusCode(), text(r));
        String expected = new String(cli.out(), StandardCharsets.UTF_8).replace(first + " + " + second,
                first.getFileName() + " + " + second.getFileName());
        assertEquals(expected, text(r));
        JsonNode report = JSON.readTree(r.body());
        assertEquals("1-first-batch.json + 2-second-batch.json", report.at("/input/file").asText());
        assertTrue(text(r).contains("第二批（示例财振〔2024〕20号，1000 万元）"), text(r));
        // the year's report is not the first batch's alone
        HttpResponse<byte[]> one = post(port, "/api/check", new Multipart().file("plan", first.getFileName().toString(), Files.readAllBytes(first)));
        assertEquals(200, one.statusCode(), text(one));
        assertNotEquals(JSON.readTree(one.body()).at("/metrics"), report.at("/metrics"));
        // plans of two counties do not merge: 400 with the CLI's message
        Path a = Path.of("fixtures/batches/mixed-counties/a.json");
        Path b = Path.of("fixtures/batches/mixed-counties/b.json");
        JsonNode e = error(post(port, "/api/check", new Multipart().file("plan", "a.json", Files.readAllBytes(a))
                .file("plan", "b.json", Files.readAllBytes(b))), 400);
        assertTrue(e.get("message").asText().contains("各文件不是同一县、年度和资金来源"), e.toString());
        Run mixed = cli("check", a.toString(), b.toString());
        assertEquals(2, mixed.exit(), mixed.err());
        // the CLI says what the files are and what to run instead (the survey of cli/CheckCommand); both refuse the merge
        assertTrue(mixed.err().contains("各文件不是同一县、年度和资金来源") && mixed.err().contains("示例县 2024年 中央衔接资金：a.json")
                && mixed.err().contains("另一县 2024年 中央衔接资金：b.json"), mixed.err() + " / " + e);
        // the same name twice is refused rather than one file silently replacing the other
        JsonNode twice = error(post(port, "/api/check", new Multipart().file("plan", "a.json", Files.readAllBytes(a))
                .file("plan", "a.json", Files.readAllBytes(b))), 400);
        assertTrue(twice.get("message").asText().contains("同名文件"), twice.toString());
    }

    /** A plan year before the Measures took effect is refused as by the CLI, unless measuresYear asks for a year. */
    @Test
    void aPlanYearBeforeTheMeasuresIsRefusedUnlessMeasuresYearIsGiven() throws Exception {
        byte[] plan2020 = Files.readString(Path.of("fixtures/batches/example-2024-central/1-first-batch.json"))
                .replace("\"year\": 2024", "\"year\": 2020").getBytes(StandardCharsets.UTF_8);
        JsonNode e = error(post(port, "/api/check?name=plan-2020.json", "application/json", plan2020), 400);
        assertTrue(e.get("message").asText().contains("计划年度 2020 早于办法施行"), e.toString());
        assertTrue(e.get("message").asText().contains("首个适用年度为 2021 年"), e.toString());
        HttpResponse<byte[]> r = post(port, "/api/check?name=plan-2020.json&measuresYear=2021", "application/json", plan2020);
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(2021, JSON.readTree(r.body()).at("/ruleset/measuresYear").asInt(), text(r));
    }

    @Test
    void aTableWithABadAmountNamesFileRowAndColumn() throws Exception {
        String csv = Files.readString(WUSU_CSV, StandardCharsets.UTF_8).replace(",79.71,", ",七十九,");
        HttpResponse<byte[]> r = post(port, "/api/check", new Multipart()
                .file("plan", "bad-amount.csv", csv.getBytes(StandardCharsets.UTF_8)).field("county", "乌苏市").field("allocation", "3460"));
        JsonNode e = error(r, 400);
        assertEquals("bad-input", e.get("error").asText());
        assertEquals("bad-amount.csv", e.get("file").asText());
        assertEquals(4, e.get("row").asInt(), e.toString());
        assertEquals("投资规模", e.get("column").asText(), e.toString());
        assertTrue(e.get("message").asText().startsWith("bad-amount.csv 第4行「投资规模」"), e.toString());
    }

    @Test
    void badUploadsAreJsonErrorsWithoutStackTraces() throws Exception {
        // not a workbook
        JsonNode e = error(post(port, "/api/check", new Multipart().file("plan", "broken.xlsx", "PK not a zip".getBytes(StandardCharsets.UTF_8))
                .field("county", "乌苏市")), 400);
        assertEquals("broken.xlsx", e.get("file").asText());
        assertTrue(e.get("message").asText().contains("XLSX 工作簿"), e.toString());
        // missing plan facts, named all at once
        e = error(post(port, "/api/check", new Multipart().file("plan", "central-notice.csv", Files.readAllBytes(WUSU_CSV))), 400);
        assertTrue(e.get("message").asText().contains("--county"), e.toString());
        // table facts with a JSON plan
        e = error(post(port, "/api/check", new Multipart().file("plan", "central.json",
                Files.readAllBytes(Path.of("fixtures/wusu-2024/central.json"))).field("county", "乌苏市")), 400);
        assertTrue(e.get("message").asText().contains("JSON 计划自带这些信息"), e.toString());
        // invalid JSON body: line and column
        e = error(post(port, "/api/check", "application/json", "{\"county\": \"乌苏市\",\n  \"year\": }".getBytes(StandardCharsets.UTF_8)), 400);
        assertEquals("plan.json", e.get("file").asText());
        assertEquals(2, e.get("row").asInt(), e.toString());
        // no file part; bad form values
        error(post(port, "/api/check", new Multipart().field("county", "乌苏市")), 400);
        e = error(post(port, "/api/check", wusu(WUSU_CSV).field("stage", "later")), 400);
        assertEquals("stage", e.get("column").asText(), e.toString());
        e = error(post(port, "/api/check?format=pdf", wusu(WUSU_CSV)), 400);
        error(post(port, "/api/check?year=二〇二四", wusu(WUSU_CSV)), 400);
        e = error(post(port, "/api/check", new Multipart().file("plan", "x.csv", Files.readAllBytes(WUSU_CSV))
                .field("county", "乌苏市").field("allocation", "三千")), 400);
        assertEquals("allocation", e.get("column").asText(), e.toString());
    }

    /** The CLI's XLSX limits hold for uploads too (the readers are the same; the upload is read from memory). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "zip-bomb.xlsx|XLSX 解压后超出上限",
        "too-many-rows.xlsx|超过上限 20000 行",
        "too-many-cells.xlsx|超过上限",
        "encrypted.xlsx|工作簿已加密",
        "xls-renamed.xlsx|这是旧版 .xls 文件",
        "text-renamed.xlsx|不是 XLSX 工作簿"})
    void xlsxLimitsAndDisguisesAreRefusedAsByTheCli(String fixture, String message) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("fixtures/bad/xlsx", fixture));
        JsonNode e = error(post(port, "/api/check", new Multipart().file("plan", fixture, bytes)
                .field("county", "示例县").field("year", "2024").field("fund", "CENTRAL")), 400);
        assertEquals(fixture, e.get("file").asText());
        assertTrue(e.get("message").asText().contains(message), e.toString());
    }

    @Test
    void wrongMediaTypesAre415() throws Exception {
        JsonNode e = error(post(port, "/api/check", "text/plain", "序号,项目名称".getBytes(StandardCharsets.UTF_8)), 415);
        assertEquals("unsupported-media-type", e.get("error").asText());
        e = error(post(port, "/api/check", new Multipart().file("plan", "plan.xls", new byte[]{(byte) 0xD0, (byte) 0xCF})), 415);
        assertTrue(e.get("message").asText().contains(".xls"), e.toString());
        assertEquals("plan.xls", e.get("file").asText());
        error(post(port, "/api/check", new Multipart().file("plan", "plan.pdf", new byte[]{1})), 415);
    }

    @Test
    void uploadsOverTheLimitAre413() throws Exception {
        byte[] big = new byte[(int) XianjieServer.MAX_UPLOAD_BYTES + 2 * 1024 * 1024];
        JsonNode e = error(refused(() -> post(port, "/api/check", new Multipart().file("plan", "big.csv", big).field("county", "乌苏市"))), 413);
        assertEquals("too-large", e.get("error").asText());
        e = error(refused(() -> post(port, "/api/check", "application/json", big)), 413);
        assertTrue(e.get("message").asText().contains("20 MiB"), e.toString());
    }

    @Test
    void unknownPathsAndMethodsAreJsonToo() throws Exception {
        error(get(port, "/api/nothing"), 404);
        HttpResponse<byte[]> r = get(port, "/api/check");
        assertTrue(r.statusCode() == 404 || r.statusCode() == 405, "GET /api/check: " + r.statusCode());
        JSON.readTree(r.body());
    }

    @Test
    void thePageAndTheOpenApiDocumentAreServedFromTheJar() throws Exception {
        HttpResponse<byte[]> page = get(port, "/");
        assertEquals(200, page.statusCode());
        String html = text(page);
        assertTrue(html.contains("衔接资金合规检查"), html);
        for (String asset : List.of("/app.js", "/app.css")) {
            HttpResponse<byte[]> a = get(port, asset);
            assertEquals(200, a.statusCode(), asset);
            assertFalse(text(a).matches("(?s).*(src|href)\\s*=\\s*[\"']?(https?:)?//.*"), asset + " loads nothing from elsewhere");
        }
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external CDN");
        JsonNode api = JSON.readTree(get(port, "/api/openapi.json").body());
        assertEquals("3.0.3", api.get("openapi").asText());
        for (String p : List.of("/api/check", "/api/diff", "/api/rules", "/api/audit/allocation", "/api/audit/ledger")) {
            assertTrue(api.get("paths").has(p), p);
        }
    }

    @Test
    void theFormIsPrefilledFromTheTableTitle() throws Exception {
        HttpResponse<byte[]> r = post(port, "/api/facts", new Multipart().file("plan", "central-notice.xlsx", Files.readAllBytes(WUSU_XLSX)));
        JsonNode f = JSON.readTree(r.body());
        assertEquals(2024, f.get("year").asInt(), f.toString());
        assertEquals("CENTRAL", f.get("fundSource").asText(), f.toString());
        assertTrue(f.get("county").isNull(), f.toString());
    }

    @Test
    void aCheckOverTheRequestTimeoutIs503() throws Exception {
        try (XianjieServer slow = XianjieServer.start(ServeFixture.service(), "127.0.0.1", 0, 1)) {
            JsonNode e = error(post(slow.port(), "/api/check", wusu(WUSU_XLSX)), 503);
            assertEquals("timeout", e.get("error").asText());
            assertTrue(e.get("message").asText().contains("检查超时"), e.toString());
        }
    }

    /** One request to be checked: the upload's name, its bytes and form fields. */
    record Job(String name, byte[] bytes, Map<String, String> fields, PlanFacts facts) {
    }

    @Test
    void fiftyParallelChecksOfDifferentPlansAreByteIdenticalToTheCliPath() throws Exception {
        List<Job> jobs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("fixtures"))) {
            Iterator<Path> it = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".meta.json")
                    && !p.startsWith("fixtures/bad")).sorted().iterator();
            while (it.hasNext() && jobs.size() < 30) {
                Path p = it.next();
                try {
                    CheckService.requireKnownJustifications(p.toString(), CheckService.read(p, PlanFacts.NONE, null),
                            ServeFixture.service().ruleset());
                } catch (InputException notAPlan) {
                    continue;
                }
                jobs.add(new Job(p.getFileName().toString(), Files.readAllBytes(p), Map.of(), PlanFacts.NONE));
            }
        }
        List<Path> tables = List.of(WUSU_XLSX, WUSU_CSV, Path.of("fixtures/wusu-2024/regional-notice.xlsx"), Path.of("fixtures/wusu-2024/regional-notice.csv"));
        for (int i = 0; jobs.size() < 50; i++) {
            Path t = tables.get(i % tables.size());
            String alloc = String.valueOf(2000 + 113 * i);
            jobs.add(new Job(t.getFileName().toString(), Files.readAllBytes(t), Map.of("county", "乌苏市", "allocation", alloc),
                    PlanFacts.fromOptions("乌苏市", null, null, null, alloc, null, null, null)));
        }
        // The CLI's path, one plan after another: read, evaluate, write JSON (as CheckCommand does).
        List<byte[]> expected = new ArrayList<>();
        Path tmp = Files.createTempDirectory("xianjie-serve");
        try {
            for (Job j : jobs) {
                Path f = tmp.resolve(j.name());
                Files.write(f, j.bytes());
                CountyPlan plan = CheckService.read(f, j.facts(), null);
                expected.add(CheckService.render(ServeFixture.service().check(plan, plan.getYear(), j.name(), CheckService.sha256(j.bytes())), "json", false));
            }
        } finally {
            try (Stream<Path> s = Files.list(tmp)) {
                s.forEach(p -> p.toFile().delete());
            }
            Files.delete(tmp);
        }
        assertEquals(50, jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (Job j : jobs) {
                Multipart m = new Multipart().file("plan", j.name(), j.bytes());
                j.fields().forEach(m::field);
                answers.add(pool.submit(() -> {
                    go.await();
                    return post(port, "/api/check", m);
                }));
            }
            go.countDown();
            for (int i = 0; i < jobs.size(); i++) {
                HttpResponse<byte[]> r = answers.get(i).get(120, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), jobs.get(i).name() + ": " + text(r));
                assertArrayEquals(expected.get(i), r.body(), "request " + i + " " + jobs.get(i).name());
            }
        } finally {
            pool.shutdownNow();
        }
        long distinct = expected.stream().map(b -> new String(b, StandardCharsets.UTF_8)).distinct().count();
        assertEquals(50, distinct, "fifty different plans give fifty different reports");
    }

    /**
     * The server answers 413 from the Content-Length before reading the body and closes the connection; a client
     * still sending may then see the connection reset before it reads the answer, so try up to three times.
     */
    private static HttpResponse<byte[]> refused(java.util.concurrent.Callable<HttpResponse<byte[]>> send) throws Exception {
        java.io.IOException last = null;
        for (int i = 0; i < 3; i++) {
            try {
                return send.call();
            } catch (java.io.IOException reset) {
                last = reset;
            }
        }
        throw last;
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
