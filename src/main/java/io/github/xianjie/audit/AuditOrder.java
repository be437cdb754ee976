package io.github.xianjie.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Puts collected evidence in a fixed order for reports (accumulate collects in no fixed order). Ordering
 * only — no decision is taken here.
 */
public final class AuditOrder {
    private AuditOrder() {
    }

    /**
     * @param sums collected {@link CountyColumnSum} facts
     * @return their texts ordered by column
     */
    public static List<String> byColumn(Collection<?> sums) {
        List<CountyColumnSum> l = new ArrayList<>();
        for (Object o : sums) {
            l.add((CountyColumnSum) o);
        }
        l.sort(Comparator.comparingInt(CountyColumnSum::column));
        List<String> out = new ArrayList<>();
        l.forEach(c -> out.add(c.toString()));
        return out;
    }

    /**
     * @param values collected values
     * @return their string forms, sorted
     */
    public static List<String> strings(Collection<?> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        out.sort(null);
        return out;
    }
}
