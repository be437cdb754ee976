package io.github.xianjie.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import java.util.List;
import java.util.stream.Collectors;

/** Lookups and assertions on an evaluation's results. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * @param ev      an evaluation
     * @param ruleId  catalogue ID
     * @param subject project subject or {@code plan}
     * @return the single result for that rule and subject
     */
    public static Result result(Evaluation ev, String ruleId, String subject) {
        List<Result> rs = ev.results().stream()
                .filter(r -> r.ruleId().equals(ruleId) && r.subject().equals(subject)).toList();
        if (rs.size() != 1) {
            fail("expected exactly one " + ruleId + " result for " + subject + ", got " + rs.size() + ": "
                    + rs.stream().map(r -> r.ruleName() + "=" + r.outcome()).collect(Collectors.joining(", ")));
        }
        return rs.get(0);
    }

    /**
     * Asserts the outcome (and, when given, the severity) of one rule for one subject.
     *
     * @param ev       an evaluation
     * @param ruleId   catalogue ID
     * @param subject  project subject or {@code plan}
     * @param outcome  expected outcome
     * @param severity expected severity, or null not to check
     * @return the result, for further assertions
     */
    public static Result assertOutcome(Evaluation ev, String ruleId, String subject, Outcome outcome, String severity) {
        Result r = result(ev, ruleId, subject);
        assertEquals(outcome, r.outcome(), () -> ruleId + " " + subject + ": " + r.message());
        if (severity != null) {
            assertEquals(severity, r.severity(), () -> ruleId + " " + subject + " severity");
        }
        return r;
    }

    /**
     * @param ev      an evaluation
     * @param ruleId  catalogue ID
     * @param subject subject
     * @param key     evidence key
     * @return the evidence value as text
     */
    public static String evidence(Evaluation ev, String ruleId, String subject, String key) {
        Object v = result(ev, ruleId, subject).evidence().get(key);
        return v == null ? null : v.toString();
    }
}
