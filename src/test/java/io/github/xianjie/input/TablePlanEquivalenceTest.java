package io.github.xianjie.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xianjie.cli.XianjieCommand;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.ManagementFee;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.support.Engines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same Wusu notice as JSON (names only), CSV and XLSX gives the same findings wherever the three hold the
 * same information. JSON subjects are ids (C-1) and table subjects are 序号 (1), so results are compared by
 * project position.
 */
class TablePlanEquivalenceTest {
    static final Path WUSU = XlsxFixtureBuilder.WUSU;

    @TempDir
    Path dir;

    static CountyPlan json(String fund) {
        return PlanJsonReader.read(WUSU.resolve(fund + "-names-only.json"));
    }

    /** The facts the names-only JSON states, given as command-line options. */
    static PlanFacts optionsLike(CountyPlan json) {
        return PlanFacts.fromOptions(json.county, json.prefecture, json.year, json.fundSource.name(),
                json.getAllocationAmount().toPlainString(), json.allocation.documentNo(), null, null);
    }

    static CountyPlan table(String fund, String ext, PlanFacts facts) {
        return PlanReaders.read(WUSU.resolve(fund + "-notice." + ext), facts);
    }

    /** @return "ruleId subject outcome severity" per result, subjects as project positions, sorted */
    static List<String> findings(CountyPlan plan) {
        return new ArrayList<>(keyed(Engines.evaluate(plan)).keySet().stream().sorted().toList());
    }

    static Map<String, Result> keyed(Evaluation ev) {
        Map<String, Integer> position = new HashMap<>();
        for (Project p : ev.plan().getProjects()) {
            position.put(p.getSubject(), p.getIndex());
        }
        Map<String, Result> out = new LinkedHashMap<>();
        for (Result r : ev.results()) {
            String subject = "plan".equals(r.subject()) ? "plan" : "#" + position.get(r.subject());
            out.put(r.ruleId() + " " + subject + " " + r.outcome() + " " + r.severity(), r);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"central", "regional"})
    void jsonCsvAndXlsxGiveTheSameFindings(String fund) {
        CountyPlan json = json(fund);
        // A published table lists every use of the funds, so a table without a fee row states a fee of 0;
        // the names-only JSON says nothing about the fee. Give it the same information.
        json.managementFee = new ManagementFee(BigDecimal.ZERO, List.of());
        List<String> expected = findings(json);
        assertEquals(expected, findings(table(fund, "csv", optionsLike(json))));
        assertEquals(expected, findings(table(fund, "xlsx", optionsLike(json))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"central", "regional"})
    void withoutTheFeeOnlyRulesThatNeedTheFeeDiffer(String fund) {
        CountyPlan json = json(fund);
        Map<String, Result> fromJson = byRuleAndSubject(keyed(Engines.evaluate(json)));
        Map<String, Result> fromCsv = byRuleAndSubject(keyed(Engines.evaluate(table(fund, "csv", optionsLike(json)))));
        assertEquals(fromJson.keySet(), fromCsv.keySet());
        List<String> differing = new ArrayList<>();
        fromJson.forEach((k, r) -> {
            Result t = fromCsv.get(k);
            if (r.outcome() != t.outcome() || !r.severity().equals(t.severity())) {
                differing.add(k);
                assertEquals(Outcome.UNDETERMINED, r.outcome(), k);
                assertTrue(r.missing().contains("managementFee.amount"), k + " " + r.missing());
            }
        });
        assertFalse(differing.isEmpty(), "AF-01 and AL-03 need the fee");
        assertTrue(differing.contains("AF-01 plan") && differing.contains("AL-03 plan"), differing.toString());
    }

    private static Map<String, Result> byRuleAndSubject(Map<String, Result> keyed) {
        Map<String, Result> out = new LinkedHashMap<>();
        keyed.forEach((k, r) -> {
            String[] parts = k.split(" ");
            out.put(parts[0] + " " + parts[1], r);
        });
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"central", "regional"})
    void csvAndXlsxWithTheSideFileGiveTheSameFindings(String fund) {
        PlanFacts meta = PlanFacts.fromOptions(null, null, null, null, null, null, WUSU.resolve(fund + "-notice.meta.json"), null);
        CountyPlan csv = table(fund, "csv", meta);
        assertEquals("塔城地区", csv.prefecture);
        assertTrue(csv.allocation.issuedOn() != null && csv.allocation.budgetSubject() != null);
        assertEquals(findings(csv), findings(table(fund, "xlsx", meta)));
    }

    // ---- the command line ---------------------------------------------------------------------------------

    record Run(int exit, String out, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = XianjieCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theReadmeCommandsGiveTheSameJsonForCsvAndXlsx() throws IOException {
        List<JsonNode> reports = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        for (String ext : List.of("csv", "xlsx")) {
            Path out = dir.resolve("report-" + ext + ".json");
            Run run = cli("check", WUSU.resolve("central-notice." + ext).toString(), "--county", "乌苏市", "--year", "2024",
                    "--fund", "CENTRAL", "--allocation", "3460", "--rules", "rules", "--format", "json", "-o", out.toString());
            assertTrue(run.exit() == 0 || run.exit() == 1, run.err());
            exits.add(run.exit());
            ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(Files.readString(out));
            tree.remove("input");
            reports.add(tree);
        }
        assertEquals(exits.get(0), exits.get(1));
        assertEquals(reports.get(0), reports.get(1));
        assertEquals("0.0000", reports.get(0).at("/metrics/managementFeeShare").asText(), "a table without a fee row has a fee of 0");
    }

    @Test
    void theSideFileCommandWorks() {
        Run run = cli("check", WUSU.resolve("regional-notice.csv").toString(), "--plan-meta",
                WUSU.resolve("regional-notice.meta.json").toString(), "--rules", "rules", "-o", dir.resolve("r.txt").toString());
        assertTrue(run.exit() == 0 || run.exit() == 1, run.err());
    }

    @Test
    void aBadCellExitsWithCode2AndOneMessageNamingTheCell() throws IOException {
        Path bad = dir.resolve("central.xlsx");
        XlsxFixtureBuilder.sheet(bad, "Sheet1", new Object[] {"序号", "项目名称", "投资规模"}, new Object[] {1, "甲项目", "12O"});
        Run run = cli("check", bad.toString(), "--county", "乌苏市", "--year", "2024", "--fund", "中央", "--rules", "rules");
        assertEquals(2, run.exit());
        assertEquals("错误 (error): " + bad + " 工作表「Sheet1」第2行「投资规模」: '12O' 不是金额 (not an amount)", run.err().strip());
    }

    @Test
    void aTableWithoutTheFundIsAUsageErrorNamingTheOption() {
        // the screening sample's title names no fund source (the Wusu notices' titles do: 中央 / 自治区)
        Run run = cli("check", "fixtures/screening/names-only-20.csv", "--county", "某县", "--year", "2024", "--rules", "rules");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--fund"), run.err());
    }
}
