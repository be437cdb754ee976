package io.github.xianjie.text;

import static io.github.xianjie.support.Plans.plan;
import static io.github.xianjie.support.Plans.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.ExpenseItem;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.input.PlanJsonReader;
import io.github.xianjie.support.Engines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 item 1: invisible and traditional characters do not dodge the negative list (新财规〔2021〕11号 第四条). */
class NormalisedMatchingTest {
    static final String[] INVISIBLE = {"\u200B", " ", "\u00AD", "\u2060", "\u202E", "\u3000", "\u0000", "\uFEFF", "\t"};

    private static Result result(Evaluation ev, String rule, String subject) {
        return ev.results().stream().filter(r -> r.ruleId().equals(rule) && subject.equals(r.subject()))
                .findFirst().orElseThrow();
    }

    @Test
    void theNormalFormDropsInvisibleCharactersAndIsSimplified() {
        assertEquals("某村村委会办公楼新建", TextNormalizer.normalize("某村村委會辦\u200B公\u3000樓 新建\u0000"));
        assertEquals("ABC123", TextNormalizer.normalize("ＡＢＣ１２３"));
        assertEquals("", TextNormalizer.normalize(null));
    }

    @Test
    void theIssueReproducerFailsNl03AndSaysTheTextWasNormalised() throws IOException {
        Path f = Files.createTempFile("nl03", ".json");
        Files.writeString(f, "{\"county\":\"示例县\",\"year\":2024,\"fundSource\":\"CENTRAL\",\"projects\":[{\"id\":\"A\",\"name\":\"某村村委会办 公楼新建\",\"amount\":\"100\"}]}");
        CountyPlan plan = PlanJsonReader.read(f);
        Files.delete(f);
        Result r = result(Engines.evaluate(plan), "NL-03", "A");
        assertEquals(Outcome.FAIL, r.outcome());
        @SuppressWarnings("unchecked")
        Map<String, Object> hit = ((List<Map<String, Object>>) r.evidence().get("evidence")).get(0);
        assertEquals("某村村委会办 公楼新建", hit.get("text"), "evidence shows the original text");
        assertEquals(true, hit.get("normalised"));
        assertEquals("某村村委会办公楼新建", hit.get("matchedForm"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"某村村委会辦公樓新建", "某村村委会办\u200B公楼新建", "某村村委会办\u00AD公楼新建", "某村村委会办\u2060公楼新建",
            "某村村委会办\u202E公楼新建", "某村村委会办\u3000公楼新建", "某村村委会办\u0000公楼新建"})
    void everyDisguiseOfOfficeBuildingFailsNl03(String name) {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0", project("A", name, "100", p -> { })));
        assertEquals(Outcome.FAIL, result(ev, "NL-03", "A").outcome(), name);
    }

    @Test
    void anExpenseItemWithAZeroWidthSpaceFailsNl01() {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0", project("A", "某村肉牛养殖圈舍建设项目", "100",
                p -> p.expenseItems = List.of(new ExpenseItem("办\u200B公\u00AD经费", null, null)))));
        assertEquals(Outcome.FAIL, result(ev, "NL-01", "A").outcome());
    }

    /** The names whose FAIL an invisible character must not undo: one per negative-list rule. */
    static Stream<String> failingNames() {
        return Stream.of("某乡人民政府2024年办公经费", "某乡购置公务用车项目", "某村村委会办公楼建设项目", "某乡工作人员加班津贴发放",
                "某村偿还村集体欠款项目", "某县城区道路改造工程", "某县设立乡村振兴产业发展基金", "某村主干道文化墙彩绘",
                "向某公司出借衔接资金用于资金周转", "入股辽宁某某生物科技有限公司发展薯类加工", "某县防返贫动态监测帮扶信息平台运维");
    }

    /**
     * Invariant (issue 12 item 8): inserting invisible characters anywhere in a name never turns a FAIL into a
     * PASS. Seeded: 40 random insertions per name, so the run is reproducible.
     */
    @ParameterizedTest
    @MethodSource("failingNames")
    void invisibleCharactersNeverTurnAFailIntoAPass(String name) {
        Evaluation clean = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0", project("A", name, "100", p -> { })));
        List<String> failed = new ArrayList<>();
        clean.results().stream().filter(r -> r.ruleId().startsWith("NL-") && r.outcome() == Outcome.FAIL)
                .forEach(r -> failed.add(r.ruleId()));
        assertNotEquals(List.of(), failed, name + " fails some NL rule");
        Random rnd = new Random(name.hashCode());
        List<io.github.xianjie.domain.Project> ps = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            StringBuilder b = new StringBuilder(name);
            int n = 1 + rnd.nextInt(4);
            for (int j = 0; j < n; j++) {
                b.insert(rnd.nextInt(b.length() + 1), INVISIBLE[rnd.nextInt(INVISIBLE.length)]);
            }
            String disguised = b.toString();
            ps.add(project("V" + k, disguised, "1", p -> { }));
        }
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0", ps.toArray(io.github.xianjie.domain.Project[]::new)));
        for (io.github.xianjie.domain.Project p : ps) {
            for (String rule : failed) {
                assertEquals(Outcome.FAIL, result(ev, rule, p.getSubject()).outcome(),
                        rule + " on " + p.name.replace("\u0000", "\\0") + " (from " + name + ")");
            }
        }
        assertTrue(ps.size() == 40);
    }
}
