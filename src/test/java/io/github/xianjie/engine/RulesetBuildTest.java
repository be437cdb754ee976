package io.github.xianjie.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.rule.Rule;

/** Everything in rules/ builds with no Drools ERROR or WARNING, and every rule carries its citation. */
class RulesetBuildTest {

    @Test
    void everythingInRulesBuildsWithoutErrorsOrWarnings() {
        RuleEngine e = assertDoesNotThrow(() -> RuleEngine.build(Ruleset.load(Path.of("rules"))));
        assertFalse(e.rules().isEmpty());
    }

    @Test
    void everyRuleIsNamedAfterItsCatalogueIdAndCitesItsSource() {
        Pattern id = Pattern.compile("(NL|PP|AF|CP|IS|PM|AL|LG)-\\d\\d");
        Ruleset rules = Ruleset.load(Path.of("rules"));
        java.util.Map<String, RuleCatalogue.Entry> catalogue = new java.util.HashMap<>();
        RuleCatalogue.load(rules).forEach(e -> catalogue.put(e.id(), e));
        for (Rule r : RuleEngine.build(rules).rules()) {
            Object ruleId = r.getMetaData().get("ruleId");
            assertTrue(ruleId != null && id.matcher(ruleId.toString()).matches(), r.getName() + " has no @ruleId");
            assertTrue(r.getName().startsWith(ruleId.toString() + " "), r.getName() + " not named after " + ruleId);
            RuleCatalogue.Entry e = catalogue.get(ruleId.toString());
            Object source = r.getMetaData().get("source");
            assertTrue(source != null && !source.toString().isBlank() || e != null && !e.source().isBlank(),
                    r.getName() + " has no @source and no catalogue source");
            assertTrue(r.getMetaData().get("severity") != null || e != null, r.getName() + " has no @severity");
        }
    }

    @Test
    void noThresholdLiteralsInDrl() throws IOException {
        Pattern literal = Pattern.compile("(?<![\\w.-])(0\\.\\d+|30|50|65|3000|21305)(?![\\w%])");
        try (var files = Files.walk(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                int n = 0;
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    n++;
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//") || code.startsWith("@")) {
                        continue;
                    }
                    assertFalse(literal.matcher(code.replaceAll("\"[^\"]*\"", "\"\"")).find(), f + ":" + n + " threshold literal: " + line);
                }
            }
        }
    }

    @Test
    void aBrokenRuleFileIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ruleset.yaml"), "version: test\n");
        Files.writeString(dir.resolve("broken.drl"), "package x;\nrule \"X-01 broken\"\nwhen\n  Nope( )\nthen\nend\n");
        RulesetException ex = assertThrows(RulesetException.class, () -> RuleEngine.build(Ruleset.load(dir)));
        assertTrue(ex.getMessage().contains("broken.drl:4"), ex.getMessage());
    }
}
