package io.github.xianjie.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.ManagementFee;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Outcomes;
import io.github.xianjie.support.Plans;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

/**
 * One source of rule metadata: rules/catalogue.yaml holds every rule's citation, titles and severity. A DRL rule in
 * rules/ (every file, no exemptions) carries only {@code @ruleId}, its message templates and, where one outcome differs
 * from the entry, {@code @variant("name")}; a named variant must be defined under the entry's {@code variants}, and
 * every defined variant must be named by some rule.
 */
class MetadataSourceTest {
    /** The metadata that belongs in catalogue.yaml only. */
    static final List<String> CATALOGUE_ONLY = List.of("source", "severity", "title", "titleEn", "sourceFrom");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    @Test
    void noRuleFileStatesMetadataThatBelongsInTheCatalogue() throws IOException {
        Ruleset rules = Ruleset.load(Path.of("rules"));
        Map<String, RuleCatalogue.Entry> catalogue = new HashMap<>();
        RuleCatalogue.load(rules).forEach(e -> catalogue.put(e.id(), e));
        Map<String, String> files = packages();
        Map<String, List<String>> checked = new TreeMap<>();
        List<String> stated = new ArrayList<>();
        for (Rule r : Engines.engine().rules()) {
            Object id = r.getMetaData().get("ruleId");
            assertNotNull(id, r.getName() + " has no @ruleId");
            assertNotNull(catalogue.get(Findings.unquote(id.toString())), r.getName() + ": " + id + " is not in catalogue.yaml");
            for (String key : CATALOGUE_ONLY) {
                if (r.getMetaData().get(key) != null) {
                    stated.add(files.get(r.getPackageName()) + ": " + r.getName() + " @" + key);
                }
            }
            checked.computeIfAbsent(r.getPackageName(), k -> new ArrayList<>()).add(r.getName());
        }
        assertEquals(List.of(), stated, "metadata that belongs in catalogue.yaml only");
        assertEquals(new TreeSet<>(files.keySet()), checked.keySet(), "every rule file's package has rules that were checked");
        assertTrue(files.size() >= 16, "rule files: " + files);
        assertTrue(checked.get("io.github.xianjie.rules.negativelist").size() >= 40, "negative-list.drl: " + checked);
        assertTrue(checked.get("io.github.xianjie.rules.projectmanagement").size() >= 80, "project-management.drl: " + checked);
    }

    @Test
    void everyVariantARuleNamesIsDefinedAndEveryDefinedVariantIsNamed() {
        Map<String, RuleCatalogue.Entry> catalogue = new HashMap<>();
        RuleCatalogue.load(Ruleset.load(Path.of("rules"))).forEach(e -> catalogue.put(e.id(), e));
        Map<String, Set<String>> named = new TreeMap<>();
        for (Rule r : Engines.engine().rules()) {
            Object v = r.getMetaData().get("variant");
            if (v != null) {
                named.computeIfAbsent(Findings.unquote(r.getMetaData().get("ruleId").toString()), k -> new TreeSet<>())
                        .add(Findings.unquote(v.toString()));
            }
        }
        assertEquals(List.of(), variantProblems(named, catalogue));
        // the variants in use today: NL-09 review, AF-02 forbidden and review, IS-01 no-minimum
        assertEquals(Map.of("NL-09", Set.of("review"), "AF-02", Set.of("forbidden", "review"), "IS-01", Set.of("no-minimum")), named);
    }

    @Test
    void theVariantCheckSeesAnUndefinedAndAnUnusedVariant() {
        RuleCatalogue.Entry af02 = RuleCatalogue.load(Ruleset.load(Path.of("rules"))).stream()
                .filter(e -> e.id().equals("AF-02")).findFirst().orElseThrow();
        assertEquals(List.of("AF-02: @variant(\"typo\") is not defined under variants in catalogue.yaml",
                        "AF-02: variant \"forbidden\" is defined in catalogue.yaml but no rule names it"),
                variantProblems(Map.of("AF-02", Set.of("review", "typo")), Map.of("AF-02", af02)));
    }

    /**
     * @param named     rule ID → the variants its DRL rules name
     * @param catalogue entries by ID
     * @return one line per variant named but not defined, or defined but named by no rule
     */
    static List<String> variantProblems(Map<String, Set<String>> named, Map<String, RuleCatalogue.Entry> catalogue) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(named).forEach((id, vs) -> {
            RuleCatalogue.Entry e = catalogue.get(id);
            for (String v : new TreeSet<>(vs)) {
                if (e == null || !e.variants().containsKey(v)) {
                    out.add(id + ": @variant(\"" + v + "\") is not defined under variants in catalogue.yaml");
                }
            }
        });
        new TreeMap<>(catalogue).forEach((id, e) -> {
            for (String v : new TreeSet<>(e.variants().keySet())) {
                if (!named.getOrDefault(id, Set.of()).contains(v)) {
                    out.add(id + ": variant \"" + v + "\" is defined in catalogue.yaml but no rule names it");
                }
            }
        });
        return out;
    }

    /** @return DRL package → file name, for every .drl file in rules/ */
    private static Map<String, String> packages() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                Matcher m = PACKAGE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                assertTrue(m.find(), f + " has no package");
                assertEquals(null, out.put(m.group(1), f.getFileName().toString()), "two files share package " + m.group(1));
            }
        }
        return out;
    }

    @Test
    void aRuleWithOnlyItsIdReportsTheCataloguesCitationTitlesAndSeverity() {
        CountyPlan plan = Plans.plan(2024, FundSource.CENTRAL, "100", null, Plans.project("P1", "某乡某村测试项目", "90", p -> {
            p.prepayment = new BigDecimal("10");
        }));
        Result r = Engines.evaluate(plan).results().stream()
                .filter(x -> x.ruleId().equals("PP-03") && x.subject().equals("P1")).findFirst().orElseThrow();
        assertEquals("FAIL", r.outcome().name());
        assertEquals("新财规〔2021〕11号 第十三条", r.source());
        assertEquals("ERROR", r.severity());
        assertEquals("预付资金须经行业主管部门出具审核意见", r.title());
        assertEquals("Prepayment needs the industry department's review opinion", r.titleEn());
        assertEquals("预付 10 万元，未见县级行业主管部门出具的审核意见", r.message());
    }

    @Test
    void aVariantSetsItsOutcomesSeverityOrCitationAndKeepsTheRest() {
        // AF-02 (catalogue: ERROR, 新财规〔2021〕11号 第九条): 办公用品 is basic expenditure (forbidden: 第九条、第四条, ERROR);
        // 宣传费 is not listed (review: WARNING, 第九条)
        Result forbidden = Outcomes.assertOutcome(Engines.evaluate(fee("办公用品")), "AF-02", "plan", Outcome.FAIL, "ERROR");
        assertEquals("新财规〔2021〕11号 第九条、第四条", forbidden.source());
        Result review = Outcomes.assertOutcome(Engines.evaluate(fee("宣传费")), "AF-02", "plan", Outcome.FAIL, "WARNING");
        assertEquals("新财规〔2021〕11号 第九条", review.source());
        assertEquals("项目管理费只用于前期设计、评审、招标、监理、验收", review.title());
        // IS-01 on regional funds: no minimum in force, NOT_APPLICABLE at the variant's ERROR (the entry's level is WARNING)
        CountyPlan regional = Plans.plan(2024, FundSource.REGIONAL, "100", null, Plans.project("P1", "某乡某村测试项目", "90", p -> { }));
        assertEquals("ERROR", Outcomes.assertOutcome(Engines.evaluate(regional), "IS-01", "plan", Outcome.NOT_APPLICABLE, null).severity());
    }

    @Test
    void theNegativeListCarriesItsReportTitlesAndNl08ItsSourceNote() {
        CountyPlan plan = Plans.plan(2024, FundSource.CENTRAL, "100", null, Plans.project("P1", "某乡某村测试项目", "90", p -> { }));
        Evaluation ev = Engines.evaluate(plan);
        Result nl02 = Outcomes.assertOutcome(ev, "NL-02", "P1", Outcome.PASS, "ERROR");
        assertEquals("负面清单：交通工具及通讯设备购置", nl02.title());
        assertEquals("Negative list: purchase of vehicles and communication equipment", nl02.titleEn());
        Result nl08 = Outcomes.assertOutcome(ev, "NL-08", "P1", Outcome.PASS, "ERROR");
        assertEquals("新财振〔2022〕5号 三(四)；新财规〔2021〕11号 第三条(一)1（监测预警工作经费通过各级部门预算安排）", nl08.source());
        Result nl99 = Outcomes.result(ev, "NL-99", "P1");
        assertEquals("未识别出第三条所列的支持方向，需人工复核", nl99.title());
        assertEquals("No permitted purpose recognised: manual review", nl99.titleEn(), "no reportTitleEn: the entry's titleEn");
    }

    private static CountyPlan fee(String use) {
        CountyPlan plan = Plans.plan(2024, FundSource.CENTRAL, "10000", null, Plans.project("P1", "某乡某村测试项目", "9900", p -> { }));
        plan.managementFee = new ManagementFee(new BigDecimal("100"), List.of(use));
        return plan;
    }
}
