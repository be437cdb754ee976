package io.github.xianjie.server;

import static io.github.xianjie.server.ServeFixture.post;
import static io.github.xianjie.server.ServeFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xianjie.audit.ledger.LedgerGenerator;
import io.github.xianjie.server.ServeFixture.Multipart;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/audit/ledger} over HTTP: a generated ledger (seed 42, 30 projects × 20 rows, one planted fault of
 * every PP/LG kind) gives the bytes of {@code xianjie audit ledger LEDGER --plans DIR}, JSON and text; bad uploads
 * are JSON errors.
 */
class ServeAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static XianjieServer server;
    private static int port;
    private static List<LedgerGenerator.Planted> planted;

    @BeforeAll
    static void start() throws Exception {
        planted = LedgerGenerator.write(dir, 42, 30, 20);
        server = ServeFixture.start();
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Multipart upload() throws Exception {
        return new Multipart().file("ledger", "ledger.csv", Files.readAllBytes(dir.resolve("ledger.csv")))
                .file("plans", "plan.json", Files.readAllBytes(dir.resolve("plans/plan.json")));
    }

    @Test
    void theLedgerAuditIsTheCliAudit() throws Exception {
        Path ledger = dir.resolve("ledger.csv");
        ServeApiTest.Run cli = ServeApiTest.cli("audit", "ledger", ledger.toString(), "--plans", dir.resolve("plans").toString(),
                "--format", "json");
        assertEquals(1, cli.exit(), cli.err());
        HttpResponse<byte[]> r = post(port, "/api/audit/ledger", upload());
        assertEquals(200, r.statusCode(), text(r));
        // the same report but for the measured times (streamSeconds, rulesBuildSeconds, rulesSeconds)
        assertEquals(untimed(new String(cli.out(), StandardCharsets.UTF_8)
                .replace("\"file\" : \"" + ledger + "\"", "\"file\" : \"ledger.csv\"")), untimed(text(r)));
        assertTrue(text(r).contains("\"rulesSeconds\""), text(r));
        // every planted fault is found, under its rule
        Set<String> failed = new TreeSet<>();
        for (JsonNode x : JSON.readTree(r.body()).get("results")) {
            if (x.get("outcome").asText().equals("FAIL")) {
                failed.add(x.get("ruleId").asText());
            }
        }
        for (LedgerGenerator.Planted p : planted) {
            assertTrue(failed.contains(p.ruleId()), p + " in " + failed);
        }
        ServeApiTest.Run cliText = ServeApiTest.cli("audit", "ledger", ledger.toString(), "--plans", dir.resolve("plans").toString(),
                "--max-per-test", "1");
        HttpResponse<byte[]> t = post(port, "/api/audit/ledger?format=text&maxPerTest=1", upload());
        assertEquals(200, t.statusCode(), text(t));
        assertEquals(untimed(new String(cliText.out(), StandardCharsets.UTF_8).replace(ledger.toString(), "ledger.csv")), untimed(text(t)));
    }

    /** The report with its measured times (seconds, two decimals) blanked. */
    private static String untimed(String report) {
        return report.replaceAll("((?:stream|rulesBuild|rules)Seconds\\W+|(?:读取|规则构建|规则执行)秒数：)\\d+\\.\\d\\d", "$1#.##");
    }

    @Test
    void badLedgerUploadsAreJsonErrors() throws Exception {
        HttpResponse<byte[]> noPlans = post(port, "/api/audit/ledger", new Multipart()
                .file("ledger", "ledger.csv", Files.readAllBytes(dir.resolve("ledger.csv"))));
        assertEquals(400, noPlans.statusCode(), text(noPlans));
        assertTrue(text(noPlans).contains("plans"), text(noPlans));
        HttpResponse<byte[]> wrongType = post(port, "/api/audit/ledger", new Multipart()
                .file("ledger", "ledger.txt", "x".getBytes(StandardCharsets.UTF_8))
                .file("plans", "plan.json", Files.readAllBytes(dir.resolve("plans/plan.json"))));
        assertEquals(415, wrongType.statusCode(), text(wrongType));
        String csv = Files.readString(dir.resolve("ledger.csv"), StandardCharsets.UTF_8);
        String[] lines = csv.split("\n", 5);
        String[] row = lines[3].split(",", -1);
        row[3] = "十二"; // 支付金额
        HttpResponse<byte[]> bad = post(port, "/api/audit/ledger", new Multipart()
                .file("ledger", "bad.csv", (lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + String.join(",", row) + "\n")
                        .getBytes(StandardCharsets.UTF_8))
                .file("plans", "plan.json", Files.readAllBytes(dir.resolve("plans/plan.json"))));
        assertEquals(400, bad.statusCode(), text(bad));
        JsonNode e = JSON.readTree(bad.body());
        assertEquals("bad-input", e.get("error").asText());
        assertTrue(e.get("message").asText().startsWith("bad.csv"), e.toString());
        assertEquals(4, e.get("row").asInt(), e.toString());
        assertFalse(text(bad).contains("xianjie-audit"), "no server path: " + text(bad));
        assertFalse(text(bad).contains("\tat "), text(bad));
    }
}
