package io.github.xianjie.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanJsonReader;
import io.github.xianjie.input.TablePlanReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A seeded generator of realistic county plans for benchmarks. Its vocabulary is the fixtures': the
 * real Wusu 2024 projects ({@code wusu-2024/central.json}, {@code regional.json}) give the project
 * templates (responsible unit, town, village, notice date, budget subject) and the amount distribution;
 * the screening table ({@code screening/names.csv}, 116 real and negative-list project names with their
 * category; a name holding 项目管理费 is left out, since a fee is the plan's managementFee and never a
 * project) gives the names and categories. Amounts are a real Wusu amount times a log-normal factor
 * (σ = 0.5), rounded to 0.01 万元; the allocation is the projects' total plus 0–8 %. The same seed and
 * index give the same plan.
 */
public final class PlanGenerator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<ObjectNode> templates = new ArrayList<>();
    private final List<ObjectNode> bases = new ArrayList<>();
    private final List<String[]> names = new ArrayList<>();
    private final List<BigDecimal> amounts = new ArrayList<>();
    private final long seed;

    /**
     * @param fixtures the repository's {@code fixtures/} folder
     * @param seed     the seed; plan {@code i} uses {@code seed + i}
     * @throws InputException when the fixture files are missing
     */
    public PlanGenerator(Path fixtures, long seed) {
        this.seed = seed;
        try {
            for (String f : List.of("wusu-2024/central.json", "wusu-2024/regional.json")) {
                ObjectNode plan = (ObjectNode) MAPPER.readTree(fixtures.resolve(f).toFile());
                for (JsonNode p : plan.get("projects")) {
                    templates.add((ObjectNode) p);
                    amounts.add(new BigDecimal(p.get("amount").asText()));
                }
                plan.remove("projects");
                ((ObjectNode) plan.get("allocation")).remove("tasks");
                bases.add(plan);
            }
            try (Reader r = Files.newBufferedReader(fixtures.resolve("screening/names.csv"), StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                    if (rec.get("name").contains(TablePlanReader.FEE_WORD)) {
                        continue; // a fee row is the plan's managementFee, never a project (plan-format: written once)
                    }
                    names.add(new String[] {rec.get("name"), rec.get("category"), rec.get("industryChain"), rec.get("infrastructure")});
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException("bench: 需要 fixtures/ 中的乌苏项目与 screening/names.csv 作为词汇 (" + fixtures + "): " + e.getMessage());
        }
    }

    /**
     * @param index    plan number (0-based)
     * @param projects projects in the plan
     * @return the plan as one line of compact JSON (no newline), in the plan-format contract
     */
    public String json(int index, int projects) {
        SplittableRandom rnd = new SplittableRandom(seed + index);
        ObjectNode plan = bases.get(index % bases.size()).deepCopy();
        plan.put("county", "测试县" + (index + 1));
        ArrayNode ps = plan.putArray("projects");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < projects; i++) {
            ObjectNode p = templates.get(rnd.nextInt(templates.size())).deepCopy();
            String[] n = names.get(rnd.nextInt(names.size()));
            p.put("id", "G-" + (i + 1));
            p.put("seq", String.valueOf(i + 1));
            p.put("name", n[0]);
            set(p, "category", n[1]);
            set(p, "industryChain", n[2]);
            if (!n[3].isBlank()) {
                p.put("infrastructure", Boolean.parseBoolean(n[3]));
            } else if (!n[1].isBlank()) {
                p.put("infrastructure", n[1].equals("INFRASTRUCTURE"));
            } else {
                p.remove("infrastructure");
            }
            BigDecimal base = amounts.get(rnd.nextInt(amounts.size()));
            double factor = Math.exp(0.5 * gaussian(rnd));
            BigDecimal amount = base.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("0.01"));
            p.put("amount", amount.toPlainString());
            total = total.add(amount);
            ps.add(p);
        }
        BigDecimal alloc = total.multiply(BigDecimal.valueOf(1 + rnd.nextDouble() * 0.08)).setScale(2, RoundingMode.HALF_UP);
        ((ObjectNode) plan.get("allocation")).put("amount", alloc.toPlainString());
        return plan.toString();
    }

    /**
     * @param index    plan number (0-based)
     * @param projects projects in the plan
     * @return the plan, read and validated as {@code check} reads a JSON plan
     */
    public CountyPlan plan(int index, int projects) {
        return PlanJsonReader.read(json(index, projects).getBytes(StandardCharsets.UTF_8), "generated plan " + index);
    }

    private static void set(ObjectNode p, String field, String value) {
        if (value == null || value.isBlank()) {
            p.remove(field);
        } else {
            p.put(field, value);
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
