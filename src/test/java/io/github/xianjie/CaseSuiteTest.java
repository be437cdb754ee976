package io.github.xianjie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Result;
import io.github.xianjie.support.Case;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Outcomes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The table-driven suite: every case under fixtures/cases/ gives exactly its expected results. */
class CaseSuiteTest {

    static Stream<Path> cases() throws IOException {
        return Case.files().stream();
    }

    @Test
    void theSuiteHasCases() throws IOException {
        assertFalse(Case.files().isEmpty(), "no case files under fixtures/cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseGivesItsExpectedResults(Path file) throws IOException {
        Case c = Case.load(file);
        assertFalse(c.expect().isEmpty(), file + ": no expectations");
        Evaluation ev = Engines.evaluate(c.plan(), c.measuresYear());
        for (Case.Expected e : c.expect()) {
            Result r = Outcomes.result(ev, e.ruleId(), e.subject());
            String where = file + " — " + c.name() + " — " + e.ruleId() + " " + e.subject() + ": " + r.message();
            assertEquals(e.outcome(), r.outcome().name(), where);
            if (e.severity() != null) {
                assertEquals(e.severity(), r.severity(), where);
            }
            e.evidence().forEach((k, v) -> {
                assertTrue(r.evidence().containsKey(k), where + " evidence lacks " + k);
                assertEquals(v, String.valueOf(r.evidence().get(k)), where + " evidence " + k);
            });
        }
    }

    /** @return every (case, expected) pair, for the coverage test. */
    static List<Case> all() throws IOException {
        return Case.files().stream().map(f -> {
            try {
                return Case.load(f);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
