package io.github.xianjie.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.Inference;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.input.PlanValidator;
import io.github.xianjie.support.Engines;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * fixtures/screening/corpus.csv — a labelled corpus of project names (Wusu-style place + purpose of
 * 新财规〔2021〕11号 第三条, near-misses whose place names hold 羊/牛/杏/枣/车, and the misuses of issue 7).
 * Prints precision and recall per NL rule and for category, industryChain and locationType, and fails below
 * the thresholds: no false ERROR on a clean name, every misuse caught by its own rule, NL-99 on under 5% of
 * clean names.
 */
class ScreeningCorpusTest {
    record Score(int tp, int fp, int fn) {
        double precision() { return tp + fp == 0 ? 1 : (double) tp / (tp + fp); }
        double recall() { return tp + fn == 0 ? 1 : (double) tp / (tp + fn); }
    }

    @Test
    void corpusMeetsItsThresholds() throws IOException {
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(Path.of("fixtures/screening/corpus.csv"), StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertTrue(rows.size() >= 300, "corpus has " + rows.size() + " names");
        CountyPlan plan = new CountyPlan();
        plan.county = "测试县";
        plan.year = 2024;
        plan.fundSource = FundSource.CENTRAL;
        for (int i = 0; i < rows.size(); i++) {
            Project p = new Project();
            p.id = "T" + i;
            p.name = rows.get(i).get("name");
            p.amount = BigDecimal.ONE;
            plan.projects.add(p);
        }
        PlanValidator.validate(plan, "corpus.csv");
        Evaluation ev = Engines.evaluate(plan);
        Map<String, Set<String>> failed = new TreeMap<>();
        for (Result r : ev.results()) {
            if (r.ruleId().startsWith("NL-") && r.outcome() == Outcome.FAIL) {
                failed.computeIfAbsent(r.subject(), k -> new TreeSet<>()).add(r.ruleId());
            }
        }
        Map<String, int[]> nl = new TreeMap<>();
        Map<String, int[]> fields = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int clean = 0;
        int cleanReview = 0;
        int falseErrorsOnClean = 0;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Project p = ev.plan().projects.get(i);
            String exp = row.get("negativeList");
            Set<String> expected = exp.isEmpty() || exp.equals("NL-05-EXCEPTION") ? Set.of() : Set.of(exp.split("\\|"));
            Set<String> actual = new TreeSet<>(failed.getOrDefault(p.getSubject(), Set.of()));
            if (!expected.isEmpty() && !expected.contains("NL-99")) {
                actual.remove("NL-99"); // a misuse has no permitted purpose either: its review flag is not a second finding
            }
            Set<String> all = new TreeSet<>(expected);
            all.addAll(actual);
            for (String id : all) {
                int[] s = nl.computeIfAbsent(id, k -> new int[3]);
                if (expected.contains(id) && actual.contains(id)) {
                    s[0]++;
                } else if (actual.contains(id)) {
                    s[1]++;
                } else {
                    s[2]++;
                }
            }
            if (!expected.equals(actual)) {
                wrong.add(row.get("name") + " 期望 " + expected + " 实得 " + actual);
            }
            boolean isClean = expected.isEmpty() || expected.equals(Set.of("NL-99"));
            if (expected.isEmpty()) {
                clean++;
                cleanReview += actual.contains("NL-99") ? 1 : 0;
                falseErrorsOnClean += actual.stream().anyMatch(id -> !id.equals("NL-99")) ? 1 : 0;
            }
            score(fields, "category", row.get("category"), p.getCategory() == null ? "" : p.getCategory().name(), isClean, wrong, row);
            if ("INDUSTRY".equals(row.get("category"))) {
                score(fields, "industryChain", row.get("industryChain"), p.getIndustryChain() == null ? "" : p.getIndustryChain().name(), true, wrong, row);
            }
            Inference loc = p.inferenceFor("locationType");
            score(fields, "locationType", row.get("locationType"), loc == null ? "" : loc.value(), true, wrong, row);
        }
        StringBuilder report = new StringBuilder("screening corpus: " + rows.size() + " names, " + clean + " clean\n");
        nl.forEach((id, s) -> report.append(String.format("  %-6s precision %.3f recall %.3f (tp %d fp %d fn %d)%n", id,
                new Score(s[0], s[1], s[2]).precision(), new Score(s[0], s[1], s[2]).recall(), s[0], s[1], s[2])));
        fields.forEach((f, s) -> report.append(String.format("  %-14s precision %.3f recall %.3f (tp %d fp %d fn %d)%n", f,
                new Score(s[0], s[1], s[2]).precision(), new Score(s[0], s[1], s[2]).recall(), s[0], s[1], s[2])));
        report.append(String.format("  NL-99 on clean names: %d of %d (%.1f%%); false ERROR on clean names: %d%n",
                cleanReview, clean, 100.0 * cleanReview / clean, falseErrorsOnClean));
        wrong.forEach(w -> report.append("  ✗ ").append(w).append('\n'));
        System.out.println(report);
        assertEquals(0, falseErrorsOnClean, "no false ERROR on a clean name\n" + report);
        assertTrue(cleanReview * 20 < clean, "NL-99 on under 5% of clean names\n" + report);
        nl.forEach((id, s) -> {
            if (!id.equals("NL-99")) {
                assertEquals(0, s[2], id + ": every misuse caught by its own rule\n" + report);
            }
        });
        Score cat = score(fields.get("category"));
        assertTrue(cat.precision() >= 0.97 && cat.recall() >= 0.95, "category thresholds\n" + report);
        Score chain = score(fields.get("industryChain"));
        assertTrue(chain.precision() >= 0.97 && chain.recall() >= 0.95, "industryChain thresholds\n" + report);
        Score loc = score(fields.get("locationType"));
        assertTrue(loc.precision() >= 0.99 && loc.recall() >= 0.99, "locationType thresholds\n" + report);
    }

    private static Score score(int[] s) {
        return new Score(s[0], s[1], s[2]);
    }

    /** tp: inferred = label (non-empty); fp: inferred a value the label does not have; fn: label not inferred. */
    private static void score(Map<String, int[]> fields, String field, String label, String actual, boolean scoreSpurious,
                              List<String> wrong, CSVRecord row) {
        int[] s = fields.computeIfAbsent(field, k -> new int[3]);
        if (!label.isEmpty() && label.equals(actual)) {
            s[0]++;
            return;
        }
        if (!actual.isEmpty() && (scoreSpurious || !label.isEmpty())) {
            s[1]++;
        }
        if (!label.isEmpty()) {
            s[2]++;
        }
        if (!label.equals(actual) && (scoreSpurious || !label.isEmpty())) {
            wrong.add(row.get("name") + " " + field + " 期望「" + label + "」实得「" + actual + "」");
        }
    }
}
