package io.github.xianjie.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
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
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fixtures/screening/names.csv — project names in the style of real notices with their expected
 * classification and negative-list outcome, near-misses included. Run through the whole engine.
 */
class ScreeningTableTest {

    static List<CSVRecord> rows() throws IOException {
        try (Reader r = Files.newBufferedReader(Path.of("fixtures/screening/names.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void nameIsClassifiedAndScreenedAsExpected(CSVRecord row) {
        Project p = new Project();
        p.name = row.get("name");
        p.amount = new BigDecimal("100");
        CountyPlan plan = new CountyPlan();
        plan.county = "测试县";
        plan.year = 2024;
        plan.fundSource = FundSource.CENTRAL;
        plan.projects.add(p);
        PlanValidator.validate(plan, "names.csv");
        Evaluation ev = Engines.evaluate(plan);
        p = ev.plan().getProjects().get(0); // the classified copy (the input project stays as given)
        String where = row.get("name") + " (" + row.get("note") + ")";
        assertEquals(row.get("category"), p.getCategory() == null ? "" : p.getCategory().name(), where + " category");
        assertEquals(row.get("industryChain"), p.getIndustryChain() == null ? "" : p.getIndustryChain().name(), where + " chain");
        assertEquals(row.get("infrastructure"), p.getInfrastructure() == null || !p.getInfrastructure() ? "" : "true", where + " infrastructure");
        String expected = row.get("negativeList");
        TreeSet<String> failed = ev.results().stream()
                .filter(r -> r.ruleId().startsWith("NL-") && !r.ruleId().equals("NL-99") && r.outcome() == Outcome.FAIL)
                .map(Result::ruleId).collect(Collectors.toCollection(TreeSet::new));
        if (expected.isEmpty()) {
            assertEquals(new TreeSet<>(), failed, where + ": clean name must not hit the negative list");
        } else if (expected.equals("NL-05-EXCEPTION")) {
            assertEquals(new TreeSet<>(), failed, where);
            Result nl05 = ev.results().stream().filter(r -> r.ruleId().equals("NL-05")).findFirst().orElseThrow();
            assertEquals(Outcome.PASS, nl05.outcome(), where);
            assertEquals(true, nl05.evidence().containsKey("exception"), where + " cites the exception");
        } else {
            assertEquals(new TreeSet<>(List.of(expected)), failed, where);
        }
    }
}
