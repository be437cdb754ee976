package io.github.xianjie.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.xianjie.support.Engines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

/**
 * Every catalogue ID of sections 7–8 and PP-04 (16 IDs, AL-07 and AL-08 checked on plans) has DRL rules, and no audit DRL file uses eval.
 */
class AuditCatalogueTest {

    @Test
    void everyAuditIdIsEncoded() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("rules", "catalogue.yaml").toFile());
        Set<String> want = new TreeSet<>();
        for (JsonNode r : root.get("rules")) {
            if (r.get("section").asInt() >= 7 || r.get("id").asText().equals("PP-04")) {
                want.add(r.get("id").asText());
            }
        }
        assertEquals(16, want.size(), want.toString()); // AL-07, AL-08 are plan rules (task-funds.drl, dates.drl)
        Set<String> inDrl = new TreeSet<>();
        for (Rule r : Engines.engine().rules()) {
            Object id = r.getMetaData().get("ruleId");
            if (id != null) {
                inDrl.add(id.toString());
            }
        }
        want.removeAll(inDrl);
        assertTrue(want.isEmpty(), "not encoded: " + want);
    }

    @Test
    void auditRulesUseNoEval() throws IOException {
        for (String f : AuditEngine.FILES) {
            String drl = Files.readString(Path.of("rules", f));
            assertTrue(!drl.matches("(?s).*\\beval\\s*\\(.*"), f + " uses eval");
        }
    }
}
