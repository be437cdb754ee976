package io.github.xianjie.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.params.Parameter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit engine starts from the rules precompiled into the build when the DRL is unchanged (issue 10 item 1),
 * and the precompiled and the runtime-compiled audit rules give the same results on real allocation tables.
 */
class AuditEngineTest {
    @Test
    void precompiledAndCompiledAuditRulesGiveTheSameResults() {
        Ruleset rules = Ruleset.load(Path.of("rules"));
        AuditEngine pre = AuditEngine.build(rules);
        AuditEngine compiled = AuditEngine.compile(rules);
        assertTrue(pre.precompiled(), "bundled rules/ should load from the precompiled model");
        assertFalse(compiled.precompiled());

        List<Object> facts = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (String f : List.of("fixtures/allocation/tacheng-2024-central.csv",
                "fixtures/cases/allocation-audit/toli-task-cell-plus-one-fails.csv")) {
            AllocationTable at = AllocationTable.read(Path.of(f), null, "");
            facts.add(new AuditInput("TABLE", at.fundSource(), at.file()));
            facts.addAll(at.rows());
            facts.addAll(at.cells());
            at.rows().forEach(r -> order.add(r.getSubject()));
        }
        for (NoticeDate n : AllocationInputs.notices(Path.of("fixtures/allocation/tacheng-wusu-2024-notices.csv"))) {
            facts.add(n);
            order.add(n.documentNo());
        }
        List<Parameter> params = rules.parameters().resolve(LocalDate.of(2024, 12, 31), null);
        List<Result> a = pre.evaluate(facts, params, order);
        List<Result> b = compiled.evaluate(facts, params, order);
        assertTrue(a.size() > 20, "results: " + a.size());
        assertEquals(b, a);
        assertTrue(a.stream().anyMatch(r -> r.ruleId().equals("AL-01") && r.outcome().name().equals("FAIL")));
        Result al01 = a.stream().filter(r -> r.ruleId().equals("AL-01")).findFirst().orElseThrow();
        assertEquals("塔地财振〔2023〕11号 附件1；塔地财振〔2023〕13号 附件1（分配表）", al01.source());
        assertEquals("ERROR", al01.severity());
        assertEquals("县级分配额等于各任务列之和", al01.title());
    }
}
