package io.github.xianjie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.engine.RuleCatalogue;
import io.github.xianjie.engine.Ruleset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table "Rules → articles" is what a reader checks first: its severity column must say what
 * rules/catalogue.yaml says (a single level, or "by year" for a rule whose severity the dated parameter gives),
 * and it must list every catalogue ID once. Guards against the drift found in round 15 (PM-04 and PM-13 shown
 * with their old severities after the catalogue changed them).
 */
class ReadmeRulesTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z]{2}-\\d\\d) \\| .*? \\| ([^|]+?) \\| [^|]*\\|$");

    @Test
    void everyCatalogueIdIsListedOnceWithTheCatalogueSeverity() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("## Rules → articles");
        int to = readme.indexOf("\n## ", from + 1);
        assertTrue(from >= 0 && to > from, "README has no section 'Rules → articles'");
        Map<String, String> shown = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        for (String line : readme.substring(from, to).split("\n")) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches() && shown.put(m.group(1), m.group(2).strip()) != null) {
                twice.add(m.group(1));
            }
        }
        assertEquals(List.of(), twice, "listed twice");
        List<String> wrong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RuleCatalogue.Entry e : RuleCatalogue.load(Ruleset.load(Path.of("rules")))) {
            String s = shown.get(e.id());
            if (s == null) {
                missing.add(e.id());
            } else if (e.severityFromParameter() && !e.severityByYear().isEmpty()) {
                if (!s.startsWith("by year")) {
                    wrong.add(e.id() + ": README «" + s + "», catalogue by year: " + e.severityByYear());
                }
            } else if (!s.split("[ (]")[0].equals(e.severity())) {
                wrong.add(e.id() + ": README «" + s + "», catalogue " + e.severity());
            }
        }
        assertEquals(List.of(), missing, "catalogue IDs missing from the README table");
        assertEquals(List.of(), wrong, "README severities that disagree with rules/catalogue.yaml");
    }
}
