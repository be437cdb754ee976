package io.github.xianjie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code xianjie diff}: the Wusu central plan under 2023 and 2024 measures. */
class DiffCommandTest {

    @Test
    void industryShareMovesFromFiftyWarningToSixtyFiveErrorAndTheChainShareAppears() throws Exception {
        CheckCommandTest.Run r = CheckCommandTest.run("diff", "fixtures/wusu-2024/central.json",
                "--from", "2023", "--to", "2024", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        Map<String, JsonNode> changes = new HashMap<>();
        for (JsonNode c : new ObjectMapper().readTree(r.out()).get("changes")) {
            changes.put(c.get("ruleId").asText() + "@" + c.get("subject").asText(), c);
        }
        JsonNode is01 = changes.get("IS-01@plan");
        assertEquals("0.5", is01.get("from").get("limit").asText());
        assertEquals("WARNING", is01.get("from").get("severity").asText());
        assertEquals("0.65", is01.get("to").get("limit").asText());
        assertEquals("ERROR", is01.get("to").get("severity").asText());
        assertEquals("0.7906", is01.get("to").get("actual").asText());
        JsonNode is02 = changes.get("IS-02@plan");
        assertEquals("NOT_APPLICABLE", is02.get("from").get("outcome").asText());
        assertEquals("FAIL", is02.get("to").get("outcome").asText());
        // PM-06 on each of the 7 projects: M 第八条 "全面推行" (WARNING) in 2023, the 2024 notices' "必须" (ERROR) in 2024
        JsonNode pm06 = changes.get("PM-06@C-1");
        assertEquals("WARNING", pm06.get("from").get("severity").asText());
        assertEquals("ERROR", pm06.get("to").get("severity").asText());
        assertEquals(9, changes.size(), changes.keySet().toString());
    }
}
