package io.github.xianjie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.input.CsvPlanReader;
import io.github.xianjie.input.PlanFacts;
import io.github.xianjie.input.PlanJsonReader;
import io.github.xianjie.input.XlsxPlanReader;
import io.github.xianjie.support.Engines;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over generated plans (seeded: seed n always gives the same plan). A plan has 1–12 projects drawn
 * from industry, infrastructure, employment and negative-list names, amounts of 0.01–2000 万元 with up to
 * 4 decimals, with or without an allocation (万元), and a management fee of 0 or a share of the allocation.
 * Results are compared as (rule ID, subject) → outcome.
 */
class PlanInvariantsTest {
    private static final int CASES = 60;
    private static final String[] NAMES = {
        "村肉牛养殖项目", "村温室育苗大棚建设项目", "村购买生产母羊建设项目", "村农产品冷链仓储设施建设项目", "村葡萄种植基地建设项目",
        "村道路硬化项目", "村饮水安全巩固提升项目", "村人居环境整治项目", "村公益性岗位补助", "村小额信贷贴息",
        "村村委会办公楼新建", "村购置公务用车", "村广场景观亮化工程", "村文化室装修",
    };
    private static final String[] NEGATIVE = {"村村委会办公楼新建", "村购置公务用车"};

    @TempDir
    Path dir;

    static Stream<Integer> seeds() {
        return IntStream.range(0, CASES).boxed();
    }

    /** A generated plan in plan-format JSON: projects with seq 1…n (the subjects), names and amounts. */
    private record Generated(List<String> names, List<BigDecimal> amounts, BigDecimal allocation, BigDecimal fee) {
        static Generated of(int seed) {
            Random r = new Random(seed * 7919L + 17);
            int n = 1 + r.nextInt(12);
            List<String> names = new ArrayList<>();
            List<BigDecimal> amounts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                names.add("第" + (i + 1) + "号" + NAMES[r.nextInt(NAMES.length)]);
                amounts.add(BigDecimal.valueOf(1 + r.nextInt(20_000_000), 4));
            }
            BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal allocation = r.nextBoolean() ? null : sum.add(BigDecimal.valueOf(r.nextInt(1000)));
            BigDecimal fee = allocation == null ? BigDecimal.ZERO : allocation.multiply(BigDecimal.valueOf(r.nextInt(30), 3)).setScale(4, java.math.RoundingMode.DOWN);
            return new Generated(names, amounts, allocation, fee);
        }

        Generated scaled(BigDecimal k) {
            return new Generated(names, amounts.stream().map(a -> a.multiply(k)).toList(),
                    allocation == null ? null : allocation.multiply(k), fee.multiply(k));
        }

        Generated reordered(long seed) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, names.size()).boxed().toList());
            Collections.shuffle(order, new Random(seed));
            return new Generated(order.stream().map(names::get).toList(), order.stream().map(amounts::get).toList(), allocation, fee);
        }

        /** The plan with one more project; the allocation and fee stay (a share of the same funds). */
        Generated plus(String name, BigDecimal amount) {
            List<String> n = new ArrayList<>(names);
            List<BigDecimal> a = new ArrayList<>(amounts);
            n.add(name);
            a.add(amount);
            return new Generated(n, a, allocation, fee);
        }

        /** Subjects are the project names' numbers (第N号), so reordering keeps each project's subject. */
        String json() {
            StringBuilder s = new StringBuilder("{\"county\":\"测试县\",\"year\":2024,\"fundSource\":\"CENTRAL\",");
            if (allocation != null) {
                s.append("\"allocation\":{\"amount\":\"").append(allocation.toPlainString()).append("\"},");
            }
            s.append("\"managementFee\":{\"amount\":\"").append(fee.toPlainString()).append("\",\"uses\":[]},\"projects\":[");
            for (int i = 0; i < names.size(); i++) {
                s.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id(i)).append("\",\"name\":\"").append(names.get(i))
                        .append("\",\"amount\":\"").append(amounts.get(i).toPlainString()).append("\"}");
            }
            return s.append("]}").toString();
        }

        String id(int i) {
            String n = names.get(i);
            return n.substring(1, n.indexOf('号'));
        }

        /** The same plan as a notice table; {@code yuan} writes amounts in 元 under 投资规模（元）. */
        String csv(boolean yuan) {
            StringBuilder s = new StringBuilder("测试县项目表\n" + (yuan ? "" : "单位：万元\n") + "序号,项目名称,投资规模" + (yuan ? "（元）" : "") + "\n");
            for (int i = 0; i < names.size(); i++) {
                BigDecimal a = yuan ? amounts.get(i).movePointRight(4) : amounts.get(i);
                s.append(id(i)).append(',').append(names.get(i)).append(',').append(a.stripTrailingZeros().toPlainString()).append('\n');
            }
            if (fee.signum() > 0) {
                s.append(",项目管理费,").append((yuan ? fee.movePointRight(4) : fee).stripTrailingZeros().toPlainString()).append('\n');
            }
            return s.toString();
        }

        PlanFacts facts() {
            return PlanFacts.fromOptions("测试县", null, 2024, "CENTRAL", allocation == null ? null : allocation.toPlainString(),
                    null, null, null);
        }
    }

    private CountyPlan fromJson(Generated g, String name) throws IOException {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, g.json(), StandardCharsets.UTF_8);
        return PlanJsonReader.read(f);
    }

    private static Map<String, Outcome> outcomes(CountyPlan plan) {
        Evaluation ev = Engines.evaluate(plan);
        Map<String, Outcome> out = new TreeMap<>();
        for (Result r : ev.results()) {
            out.merge(r.ruleId() + " " + r.subject(), r.outcome(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        return out;
    }

    private static Set<String> failures(Map<String, Outcome> m) {
        Set<String> f = new TreeSet<>();
        m.forEach((k, v) -> {
            if (v == Outcome.FAIL) {
                f.add(k);
            }
        });
        return f;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scalingEveryAmountChangesOnlyAbsoluteThresholds(int seed) throws IOException {
        Generated g = Generated.of(seed);
        BigDecimal k = seed % 2 == 0 ? new BigDecimal("10") : new BigDecimal("0.5");
        Map<String, Outcome> a = outcomes(fromJson(g, "a"));
        Map<String, Outcome> b = outcomes(fromJson(g.scaled(k), "b"));
        a.keySet().removeIf(key -> key.startsWith("PM-04 "));
        b.keySet().removeIf(key -> key.startsWith("PM-04 "));
        assertEquals(a, b, "seed " + seed + " × " + k + ": " + g.json());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void yuanAndWanyuanTablesAgree(int seed) throws IOException {
        Generated g = Generated.of(seed);
        Path wan = dir.resolve("wan.csv");
        Path yuan = dir.resolve("yuan.csv");
        Files.writeString(wan, g.csv(false), StandardCharsets.UTF_8);
        Files.writeString(yuan, g.csv(true), StandardCharsets.UTF_8);
        assertEquals(outcomes(CsvPlanReader.read(wan, g.facts())), outcomes(CsvPlanReader.read(yuan, g.facts())), g.csv(true));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reorderingProjectsChangesNoOutcome(int seed) throws IOException {
        Generated g = Generated.of(seed);
        assertEquals(outcomes(fromJson(g, "a")), outcomes(fromJson(g.reordered(seed), "b")), g.json());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingANegativeListProjectNeverRemovesAFailure(int seed) throws IOException {
        Generated g = Generated.of(seed);
        Generated more = g.plus("第" + (g.names().size() + 1) + "号" + NEGATIVE[seed % NEGATIVE.length], new BigDecimal("50"));
        Set<String> before = failures(outcomes(fromJson(g, "a")));
        Set<String> after = failures(outcomes(fromJson(more, "b")));
        assertTrue(after.containsAll(before), "seed " + seed + ": lost " + diff(before, after) + " in " + more.json());
        assertTrue(after.stream().anyMatch(f -> f.startsWith("NL-")), "the added project fails a negative-list rule: " + after);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jsonCsvAndXlsxGiveTheSameResults(int seed) throws IOException {
        Generated g = Generated.of(seed);
        Path csv = dir.resolve("plan.csv");
        Files.writeString(csv, g.csv(false), StandardCharsets.UTF_8);
        Path xlsx = dir.resolve("plan.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet s = wb.createSheet("Sheet1");
            List<String> lines = g.csv(false).lines().toList();
            for (int r = 0; r < lines.size(); r++) {
                Row row = s.createRow(r);
                String[] cells = lines.get(r).split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (r > 2 && c == 2) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else if (!cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            wb.write(out);
        }
        Map<String, Outcome> json = outcomes(fromJson(g, "a"));
        assertEquals(json, outcomes(CsvPlanReader.read(csv, g.facts())), "CSV vs JSON: " + g.json());
        assertEquals(json, outcomes(XlsxPlanReader.read(xlsx, g.facts())), "XLSX vs JSON: " + g.json());
    }

    /**
     * Inserting invisible characters (U+200B, U+00AD, U+2060) into every name never turns a FAIL into a PASS.
     * Needs text normalisation (issue 12 item 1, helper {@code words}); skipped, saying so, while a zero-width
     * space still hides 办公楼 from NL-03 (detected by behaviour on the first seed that has a negative-list failure).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invisibleCharactersNeverTurnAFailIntoAPass(int seed) throws IOException {
        Generated g = Generated.of(seed);
        String[] invisible = {"\u200b", "\u00ad", "\u2060"};
        List<String> hidden = new ArrayList<>();
        for (String n : g.names()) {
            int at = n.indexOf('号') + 1;
            StringBuilder b = new StringBuilder(n.substring(0, at));
            for (int i = at; i < n.length(); i++) {
                b.append(n.charAt(i));
                if (i + 1 < n.length()) {
                    b.append(invisible[(seed + i) % invisible.length]);   // between every two characters of the name
                }
            }
            hidden.add(b.toString());
        }
        Generated h = new Generated(hidden, g.amounts(), g.allocation(), g.fee());
        Set<String> before = failures(outcomes(fromJson(g, "a")));
        Set<String> after = failures(outcomes(fromJson(h, "b")));
        org.junit.jupiter.api.Assumptions.assumeTrue(after.containsAll(before) || normalisationPresent(),
                "assumes text normalisation (issue 12 item 1, helper `words`), not present yet: seed " + seed + " loses " + diff(before, after));
        assertTrue(after.containsAll(before), "seed " + seed + ": lost " + diff(before, after) + " in " + h.json());
    }

    private boolean normalisationPresent() throws IOException {
        Generated probe = new Generated(List.of("第1号村村委会办\u200b公楼新建"), List.of(new BigDecimal("100")), null, BigDecimal.ZERO);
        return failures(outcomes(fromJson(probe, "probe"))).stream().anyMatch(f -> f.startsWith("NL-03 "));
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
