package io.github.xianjie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check command end to end: reports, exit codes 0/1/2, byte-identical JSON, no stack traces. */
class CheckCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(o);
        try {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--rules";
            all[args.length + 1] = "rules";
            int code = XianjieCommand.commandLine(o, e).execute(all);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void wusuCentralPlanPrintsTheChineseReportAndExitsZero() {
        Run r = run("check", "fixtures/wusu-2024/central.json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("xianjie 衔接资金合规检查报告"), r.out());
        assertTrue(r.out().contains("IS-02"), r.out());
        assertTrue(r.out().contains("粮棉果畜项目 1279.71 万元（C-2、C-3），占产业发展资金 2735.42 万元的 46.78%，低于 65%"), r.out());
        assertTrue(r.out().contains("产业发展比例 0.7906"), r.out());
    }

    @Test
    void englishReport() {
        Run r = run("check", "fixtures/wusu-2024/central.json", "--lang", "en");
        assertTrue(r.out().contains("linkage-fund compliance report"), r.out());
        assertTrue(r.out().contains("Grain/cotton/fruit/livestock projects 1279.71"), r.out());
    }

    @Test
    void jsonFollowsTheContractAndIsByteIdentical() throws Exception {
        Run a = run("check", "fixtures/wusu-2024/central.json", "--format", "json");
        Run b = run("check", "fixtures/wusu-2024/central.json", "--format", "json");
        assertEquals(0, a.exit(), a.err());
        assertEquals(a.out(), b.out());
        JsonNode root = new ObjectMapper().readTree(a.out());
        for (String k : new String[] {"ruleset", "input", "plan", "summary", "metrics", "results"}) {
            assertTrue(root.has(k), "missing " + k);
        }
        assertEquals(64, root.get("ruleset").get("sha256").asText().length());
        assertEquals("乌苏市", root.get("plan").get("county").asText());
        assertEquals("0.7906", root.get("metrics").get("industryShare").asText());
        assertEquals("0.4678", root.get("metrics").get("chainShareOfIndustry").asText());
        // IS-02 46.78% (PM-14 is UNDETERMINED: no budget subject per project in the notice)
        assertEquals(1, root.get("summary").get("WARNING").asInt());
        Set<String> outcomes = new HashSet<>();
        for (JsonNode res : root.get("results")) {
            outcomes.add(res.get("outcome").asText());
            for (String k : new String[] {"ruleId", "subject", "outcome", "severity", "source", "message", "evidence", "missing"}) {
                assertTrue(res.has(k), "result lacks " + k + ": " + res);
            }
        }
        assertTrue(outcomes.containsAll(Set.of("PASS", "FAIL", "UNDETERMINED", "NOT_APPLICABLE")), outcomes.toString());
        JsonNode is02 = null;
        for (JsonNode res : root.get("results")) {
            if (res.get("ruleId").asText().equals("IS-02")) {
                is02 = res;
            }
        }
        assertEquals("0.4678", is02.get("evidence").get("actual").asText());
        assertEquals("0.65", is02.get("evidence").get("limit").asText());
    }

    @Test
    void aScreenedTableWithManyHitsGivesByteIdenticalJson() {
        String[] args = {"check", "fixtures/screening/names-only-20.csv", "--county", "某县", "--year", "2024", "--fund", "中央",
                "--format", "json"};
        Run a = run(args);
        assertEquals(1, a.exit(), a.err());
        for (int i = 0; i < 3; i++) {
            assertEquals(a.out(), run(args).out());
        }
    }

    @Test
    void theAcceptanceBreachesFailWithCitationsAndExitOne() throws Exception {
        Run r = run("check", "fixtures/acceptance/breaches-2024-central.json", "--format", "json");
        assertEquals(1, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        Set<String> errors = new HashSet<>();
        for (JsonNode res : root.get("results")) {
            if (res.get("outcome").asText().equals("FAIL") && res.get("severity").asText().equals("ERROR")) {
                errors.add(res.get("ruleId").asText() + "@" + res.get("subject").asText());
                assertFalse(res.get("source").asText().isBlank());
            }
        }
        assertTrue(errors.containsAll(Set.of("NL-03@P4", "AF-01@plan", "CP-01@plan", "IS-01@plan")), errors.toString());
    }

    @Test
    void theSamePlanExactlyAtTheLimitsExitsZero() {
        Run r = run("check", "fixtures/acceptance/at-limits-2024-central.json");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("不符合(ERROR) 0"), r.out());
    }

    @Test
    void invalidInputExitsTwoWithAMessageAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("typo.json");
        Files.writeString(f, "{\"county\":\"x\",\"year\":2024,\"fundSource\":\"CENTRAL\",\"projects\":[{\"name\":\"a\",\"amount\":1,\"prepaymnet\":1}]}");
        Run r = run("check", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("prepaymnet"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(2, run("check", dir.resolve("missing.json").toString()).exit());
        assertEquals(2, run("check", "fixtures/wusu-2024/central.json", "--format", "pdf").exit());
        assertEquals(2, run("check").exit());
    }
}
