package io.github.xianjie;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.xianjie.support.Case;
import io.github.xianjie.support.Engines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

/**
 * Every catalogue ID of sections 1–6 (and the plan rules AL-03, AL-07, AL-08) has DRL rules, and at least one FAIL and one PASS case
 * in fixtures/cases/. Deleting a rule or a case turns this red.
 */
class CatalogueCoverageTest {

    static List<String> encodedIds() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("rules", "catalogue.yaml").toFile());
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode r : root.get("rules")) {
            String id = r.get("id").asText();
            if (r.get("section").asInt() <= 6 && !id.equals("PP-04") || List.of("AL-03", "AL-07", "AL-08").contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void everyCatalogueIdHasDrlRules() throws IOException {
        Set<String> inDrl = new HashSet<>();
        for (Rule r : Engines.engine().rules()) {
            Object id = r.getMetaData().get("ruleId");
            if (id != null) {
                inDrl.add(id.toString());
            }
        }
        Set<String> missing = new TreeSet<>(encodedIds());
        missing.removeAll(inDrl);
        assertTrue(missing.isEmpty(), "catalogue IDs with no DRL rule: " + missing);
    }

    @Test
    void everyCatalogueIdHasAFailAndAPassCase() throws IOException {
        Set<String> fail = new HashSet<>();
        Set<String> pass = new HashSet<>();
        for (Case c : CaseSuiteTest.all()) {
            for (Case.Expected e : c.expect()) {
                if (e.outcome().equals("FAIL")) {
                    fail.add(e.ruleId());
                } else if (e.outcome().equals("PASS")) {
                    pass.add(e.ruleId());
                }
            }
        }
        Set<String> noFail = new TreeSet<>(encodedIds());
        noFail.removeAll(fail);
        Set<String> noPass = new TreeSet<>(encodedIds());
        noPass.removeAll(pass);
        assertTrue(noFail.isEmpty() && noPass.isEmpty(),
                "catalogue IDs without a FAIL case: " + noFail + "; without a PASS case: " + noPass);
    }
}
