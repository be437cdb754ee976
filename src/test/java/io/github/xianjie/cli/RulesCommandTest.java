package io.github.xianjie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code xianjie rules}: the rulebook lists every ID with its source and the parameters in force by year. */
class RulesCommandTest {

    private static Map<String, JsonNode> rulebook(String... args) throws Exception {
        CheckCommandTest.Run r = CheckCommandTest.run(args);
        assertEquals(0, r.exit(), r.err());
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode n : new ObjectMapper().readTree(r.out()).get("rules")) {
            byId.put(n.get("id").asText(), n);
        }
        return byId;
    }

    private static JsonNode param(JsonNode rule, String fund) {
        String name = Map.of("IS-01", "industry-share.minimum", "IS-02", "industry-share.chain-minimum",
                "AF-01", "management-fee.cap", "CP-01", "county-pooling.non-poverty-cap").get(rule.get("id").asText());
        for (JsonNode p : rule.get("parameters")) {
            if (p.get("fundSource").asText().equals(fund) && p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no " + fund + " parameter on " + rule);
    }

    @Test
    void rulebook2024ListsEveryEncodedIdWithSourceAndParameters() throws Exception {
        Map<String, JsonNode> rules = rulebook("rules", "--year", "2024", "--format", "json");
        for (JsonNode r : rules.values()) {
            assertTrue(!r.get("source").asText().isBlank(), r.toString());
            if (r.get("section").asInt() <= 6 && !r.get("id").asText().equals("PP-04")) {
                assertTrue(r.get("encoded").asBoolean(), r.get("id") + " not encoded");
            }
        }
        JsonNode is01 = param(rules.get("IS-01"), "CENTRAL");
        assertEquals("0.65", is01.get("value").asText());
        assertEquals("ERROR", is01.get("severity").asText());
        assertEquals("2024-01-01", is01.get("effectiveFrom").asText());
        assertTrue(param(rules.get("IS-01"), "REGIONAL").get("value").isNull());
        assertEquals("0.01", param(rules.get("AF-01"), "CENTRAL").get("value").asText());
        assertEquals("0.3", param(rules.get("CP-01"), "REGIONAL").get("value").asText());
    }

    @Test
    void rulebook2023HasTheFiftyPercentWarningAndNoChainShare() throws Exception {
        Map<String, JsonNode> rules = rulebook("rules", "--year", "2023", "--fund", "CENTRAL", "--format", "json");
        JsonNode is01 = param(rules.get("IS-01"), "CENTRAL");
        assertEquals("0.5", is01.get("value").asText());
        assertEquals("WARNING", is01.get("severity").asText());
        assertTrue(param(rules.get("IS-02"), "CENTRAL").get("value").isNull());
    }

    @Test
    void aProfileOverridesParametersInTheRulebook() throws Exception {
        Map<String, JsonNode> rules = rulebook("rules", "--year", "2024", "--format", "json",
                "--profile", "fixtures/profiles/example-province");
        assertEquals("0.03", param(rules.get("AF-01"), "REGIONAL").get("value").asText());
        assertEquals("0.01", param(rules.get("AF-01"), "CENTRAL").get("value").asText());
    }

    @Test
    void textRulebookIsChinese() {
        CheckCommandTest.Run r = CheckCommandTest.run("rules", "--year", "2024", "--fund", "中央");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("xianjie 规则手册"), r.out());
        assertTrue(r.out().contains("industry-share.minimum (CENTRAL) = 0.65 fraction ERROR"), r.out());
    }

    @Test
    void rulebook2025ShowsTheMeasuresFiftyPercentWarningAndNamesTheMissingNotice() throws Exception {
        Map<String, JsonNode> rules = rulebook("rules", "--year", "2025", "--fund", "CENTRAL", "--format", "json");
        JsonNode is01 = param(rules.get("IS-01"), "CENTRAL");
        assertEquals("0.5", is01.get("value").asText());
        assertEquals("WARNING", is01.get("severity").asText());
        assertEquals("2021-08-05", is01.get("effectiveFrom").asText());
        assertTrue(is01.get("notLoaded").asText().contains("塔地财振〔2023〕11号 (二)"), is01.toString());
        assertTrue(is01.get("notLoaded").asText().contains("未载入 2025 年的通知"), is01.toString());
        assertEquals("WARNING", rules.get("IS-01").get("severityInForce").get("CENTRAL").asText());
        JsonNode is02 = param(rules.get("IS-02"), "CENTRAL");
        assertTrue(is02.get("value").isNull());
        assertTrue(is02.get("notLoaded").asText().contains("未载入 2025 年的通知"), is02.toString());
    }

    @Test
    void everyEncodedRuleRecordsTheWordingThatDecidedItsSeverity() throws Exception {
        Map<String, JsonNode> rules = rulebook("rules", "--year", "2024", "--format", "json");
        for (JsonNode r : rules.values()) {
            boolean screening = r.get("section").asInt() <= 6 || r.get("id").asText().equals("AL-03");
            if (r.get("encoded").asBoolean() && screening) {
                assertTrue(!r.get("wording").asText().isBlank(), r.get("id") + " has no wording");
            }
        }
        assertTrue(rules.get("PM-04").get("wording").asText().contains("要组织开展尽职调查"));
        assertEquals("WARNING", rules.get("PM-04").get("severity").asText());
        assertEquals("ERROR", rules.get("PM-06").get("severityInForce").get("CENTRAL").asText());   // 2024: 必须
        // IS-03 reads IS-01's minimum but its findings are WARNING whatever the minimum's severity (not fromParameter)
        assertEquals("WARNING", rules.get("IS-03").get("severityInForce").get("CENTRAL").asText());
        assertEquals("ERROR", rules.get("IS-01").get("severityInForce").get("CENTRAL").asText());   // 2024: 不得低于
        assertEquals(null, rules.get("IS-01").get("severityInForce").get("REGIONAL"), "IS-01: no minimum for regional funds");
        CheckCommandTest.Run text = CheckCommandTest.run("rules", "--year", "2025", "--fund", "CENTRAL");
        assertTrue(text.out().contains("措辞：M 第三条(二)1“原则上不低于50%"), text.out());
        assertTrue(text.out().contains("2025 年严重程度：CENTRAL WARNING"), text.out());
        assertTrue(text.out().contains("industry-share.minimum (CENTRAL) = 0.5 fraction WARNING"), text.out());
    }

    @Test
    void theRulebookNamesTheRulesetVersionBeforeItsDigest() throws Exception {
        CheckCommandTest.Run r = CheckCommandTest.run("rules", "--year", "2024", "--format", "json");
        List<String> keys = new java.util.ArrayList<>();
        new ObjectMapper().readTree(r.out()).get("ruleset").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("version", "sha256"), keys, "the same order on every run");
    }
}
