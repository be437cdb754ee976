package io.github.xianjie.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.input.CsvPlanReader;
import io.github.xianjie.input.PlanFacts;
import io.github.xianjie.support.Engines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * fixtures/screening/names-only-20.csv: a names-only notice table of 20 projects mixing negative-list items,
 * clean projects and near-misses. Each row's negative-list outcome matches names-only-20.expected.csv:
 * no false positive on a clean row, and every hit shows its evidence (field, matched words, catalogue row).
 */
class NamesOnlyScreeningTest {

    @Test
    void twentyNamesAreScreenedWithoutFalsePositives() throws IOException {
        CountyPlan plan = CsvPlanReader.read(Path.of("fixtures/screening/names-only-20.csv"),
                PlanFacts.fromOptions("某县", null, 2024, "CENTRAL", null, null, null, null));
        assertEquals(20, plan.getProjects().size());
        Evaluation ev = Engines.evaluate(plan);
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of("fixtures/screening/names-only-20.expected.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            expected.put(c[0], c[1]);
        }
        int hits = 0;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            TreeSet<String> failed = ev.results().stream()
                    .filter(r -> r.subject().equals(e.getKey()) && r.ruleId().startsWith("NL-")
                            && !r.ruleId().equals("NL-99") && r.outcome() == Outcome.FAIL)
                    .map(Result::ruleId).collect(Collectors.toCollection(TreeSet::new));
            String want = e.getValue().equals("NL-05-EXCEPTION") ? "" : e.getValue();
            assertEquals(want.isEmpty() ? new TreeSet<>() : new TreeSet<>(List.of(want)), failed, "row " + e.getKey());
            for (String id : failed) {
                Result r = ev.results().stream().filter(x -> x.subject().equals(e.getKey()) && x.ruleId().equals(id))
                        .findFirst().orElseThrow();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> evidence = (List<Map<String, Object>>) r.evidence().get("evidence");
                assertFalse(evidence.isEmpty());
                assertEquals("name", evidence.get(0).get("field"));
                assertFalse(((List<?>) evidence.get(0).get("matched")).isEmpty());
                assertTrue(String.valueOf(evidence.get(0).get("catalogueRow")).matches("K\\d{3}"));
                hits++;
            }
        }
        assertTrue(hits >= 8, "at least eight negative-list items in the table, got " + hits);
    }
}
