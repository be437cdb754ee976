package io.github.xianjie.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.audit.AuditEngine;
import io.github.xianjie.audit.AuditReport;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.Ruleset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link AuditService}: one audit engine per service, whoever asks first, and the same report for the same tables
 * from every thread (the Tacheng 2024 tables with Wusu's budget line: AL-05 5923 = 3460 + 2463).
 */
class AuditServiceTest {
    private static final Ruleset RULES = Ruleset.load(Path.of("rules"));

    @Test
    void eightThreadsAskingAtOnceGetTheOneEngineAndTheSameReport() throws Exception {
        AuditService service = new AuditService(RULES, RULES.parameters());
        AuditService.AllocationRequest request = new AuditService.AllocationRequest(
                List.of(Path.of("fixtures/allocation/tacheng-2024-central.csv"), Path.of("fixtures/allocation/tacheng-2024-regional.csv")),
                null, null, Path.of("fixtures/allocation/wusu-2024-budget.csv"), null, 1, null, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<AuditEngine>> engines = new ArrayList<>();
            List<Future<String>> reports = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                engines.add(pool.submit(() -> {
                    go.await();
                    return service.engine();
                }));
                reports.add(pool.submit(() -> {
                    go.await();
                    return service.allocation(request).json();
                }));
            }
            go.countDown();
            AuditEngine first = engines.get(0).get(300, TimeUnit.SECONDS);
            String report = reports.get(0).get(300, TimeUnit.SECONDS);
            for (int i = 1; i < 8; i++) {
                assertSame(first, engines.get(i).get(300, TimeUnit.SECONDS), "one engine per service");
                assertEquals(report, reports.get(i).get(300, TimeUnit.SECONDS), "report " + i);
            }
            assertSame(first, service.engine());
        } finally {
            pool.shutdownNow();
        }
        AuditReport r = service.allocation(request);
        Result wusu = r.results().stream().filter(x -> x.ruleId().equals("AL-05") && x.subject().equals("乌苏市")).findFirst().orElseThrow();
        assertEquals(Outcome.PASS, wusu.outcome());
        assertEquals("5923", String.valueOf(wusu.evidence().get("noticesSum")));
        assertEquals(16, r.audit().get("rows"));
        assertTrue(new String(AuditService.render(r, "text", false, 20), java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("xianjie 审计 — allocation\n输入：fixtures/allocation/tacheng-2024-central.csv  sha256 "));
    }
}
