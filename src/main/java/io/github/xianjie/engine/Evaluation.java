package io.github.xianjie.engine;

import io.github.xianjie.classify.NegativeListHit;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.params.Parameter;
import java.time.LocalDate;
import java.util.List;

/**
 * What one evaluation produced.
 *
 * @param plan       the evaluated plan (with inferred fields filled)
 * @param parameters the parameters that were in force
 * @param hits       negative-list keyword hits
 * @param asOf       the reference date of the parameters
 * @param results    every rule × subject outcome, sorted
 */
public record Evaluation(CountyPlan plan, List<Parameter> parameters, List<NegativeListHit> hits,
                         LocalDate asOf, List<Result> results) {

    /** @return true when an ERROR-severity rule failed (exit code 1). */
    public boolean hasErrors() {
        return results.stream().anyMatch(Result::isError);
    }
}
