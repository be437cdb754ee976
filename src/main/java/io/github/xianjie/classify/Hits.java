package io.github.xianjie.classify;

import io.github.xianjie.domain.Project;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Helpers that turn negative-list hits into report evidence, for the negative-list DRL. */
public final class Hits {
    private Hits() {
    }

    /**
     * @param hits a collected list of {@link NegativeListHit}
     * @return one Chinese line per hit: {@code name 含「办公楼」(K012)}
     */
    public static List<String> describe(Collection<?> hits) {
        List<String> out = new ArrayList<>();
        for (NegativeListHit h : ordered(hits)) {
            out.add(h.describe());
        }
        return out;
    }

    /** Hits in a fixed order (collected lists come in no fixed order): the name first, then other fields, then catalogue row. */
    private static List<NegativeListHit> ordered(Collection<?> hits) {
        List<NegativeListHit> list = new ArrayList<>();
        hits.forEach(h -> list.add((NegativeListHit) h));
        list.sort(java.util.Comparator.comparing((NegativeListHit h) -> !h.field().equals("name"))
                .thenComparing(NegativeListHit::field).thenComparing(NegativeListHit::row));
        return list;
    }

    /**
     * @param hits a collected list of {@link NegativeListHit}
     * @return one evidence map per hit (field, text, matched, catalogueRow)
     */
    public static List<Map<String, Object>> evidence(Collection<?> hits) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NegativeListHit h : ordered(hits)) {
            out.add(h.evidence());
        }
        return out;
    }

    /**
     * @param p a project
     * @return the fields the negative-list screening read, e.g. {@code [name, expenseItems(2)]}
     */
    public static List<String> checkedFields(Project p) {
        List<String> out = new ArrayList<>(List.of("name"));
        if (p.getExpenseItems() != null && !p.getExpenseItems().isEmpty()) {
            out.add("expenseItems(" + p.getExpenseItems().size() + ")");
        }
        if (p.getFiledByIntermediary() != null) {
            out.add("filedByIntermediary");
        }
        return out;
    }
}
