package io.github.xianjie.rules;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.Allocation;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.PublicNotice;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Plans;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * rules/dates.drl — AL-08: no project's 公示 dated before the county's own allocation notice (a date anomaly, WARNING;
 * 新财规〔2021〕11号 第八条; Wusu's regional 公示 2023-12-29 against 乌财振〔2024〕1号 of 2024-01-17).
 */
class DatesRulesTest {

    private static Evaluation plan(String issuedOn, String... noticedOn) {
        io.github.xianjie.domain.Project[] projects = new io.github.xianjie.domain.Project[noticedOn.length];
        for (int i = 0; i < noticedOn.length; i++) {
            String on = noticedOn[i];
            projects[i] = Plans.project("P" + (i + 1), "某村肉羊养殖项目" + i, "10",
                    x -> x.setPublicNotice(on == null ? null : new PublicNotice(LocalDate.parse(on))));
        }
        CountyPlan p = Plans.plan(2024, FundSource.REGIONAL, null, "0", projects);
        p.allocation = new Allocation(new BigDecimal("100"), "某财振〔2024〕1号", null,
                issuedOn == null ? null : LocalDate.parse(issuedOn), null, null);
        return Engines.evaluate(p);
    }

    @Test
    void theDayBeforeFailsTheSameDayPasses() {
        Evaluation ev = plan("2024-01-17", "2024-01-16", "2024-01-17");
        assertOutcome(ev, "AL-08", "plan", Outcome.FAIL, "WARNING");
        assertEquals("[P1]", evidence(ev, "AL-08", "plan", "projects"));
        assertEquals("2024-01-16", evidence(ev, "AL-08", "plan", "noticedOn"));
        ev = plan("2024-01-17", "2024-01-17", "2024-02-01");
        assertOutcome(ev, "AL-08", "plan", Outcome.PASS, "WARNING");
        assertEquals("2024-01-17", evidence(ev, "AL-08", "plan", "earliestNoticedOn"));
    }

    @Test
    void missingDatesAreUndetermined() {
        assertEquals(List.of("allocation.issuedOn"),
                assertOutcome(plan(null, "2024-01-16"), "AL-08", "plan", Outcome.UNDETERMINED, null).missing());
        assertEquals(List.of("projects[].publicNotice.noticedOn"),
                assertOutcome(plan("2024-01-17", (String) null), "AL-08", "plan", Outcome.UNDETERMINED, null).missing());
    }
}
