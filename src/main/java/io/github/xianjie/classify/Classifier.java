package io.github.xianjie.classify;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.Coded;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.ExpenseItem;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.Inference;
import io.github.xianjie.domain.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies projects from their words when the input leaves fields empty, and finds negative-list
 * words. Explicit input always wins; every inference is recorded on the project as evidence; a name
 * that supports no inference leaves the field empty, so rules report UNDETERMINED rather than guess.
 */
public final class Classifier {
    private final KeywordCatalogue catalogue;

    /** @param catalogue the keyword catalogue */
    public Classifier(KeywordCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Fills empty classification fields of every project (category, then industryChain for industry
     * projects, then the infrastructure flag) and returns the negative-list hits.
     *
     * @param plan the plan; its projects are updated in place
     * @return hits in project order, then catalogue order
     */
    public List<NegativeListHit> classify(CountyPlan plan) {
        List<NegativeListHit> hits = new ArrayList<>();
        for (Project p : plan.getProjects()) {
            inferCategory(p);
            inferChain(p);
            inferInfrastructure(p);
            List<NegativeListHit> mine = negativeList(p);
            urbanInfrastructure(p).ifPresent(mine::add);
            boolean exception = mine.stream().anyMatch(h -> h.target().equals("NL-05-EXCEPTION"));
            for (NegativeListHit h : mine) {
                if (!h.target().endsWith("-EXCEPTION") && !(exception && h.target().equals("NL-05"))) {
                    p.markOnNegativeList(h.target());
                }
            }
            hits.addAll(mine);
        }
        return hits;
    }

    private void inferCategory(Project p) {
        if (p.category != null) {
            return;
        }
        KeywordRow row = first("category", p.name);
        if (row != null) {
            p.category = Coded.parse(Category.class, row.value());
            p.addInference(new Inference("category", row.value(), "name", row.match(p.name), row.id()));
            return;
        }
        String heading = p.getSectionHeading();
        row = heading == null ? null : first("category", heading);
        if (row != null) {
            p.category = Coded.parse(Category.class, row.value());
            p.addInference(new Inference("category", row.value(), "sectionHeading「" + heading + "」", row.match(heading), row.id()));
        }
    }

    private void inferChain(Project p) {
        if (p.industryChain != null || p.category != Category.INDUSTRY) {
            return;
        }
        KeywordRow row = first("industryChain", p.name);
        if (row != null) {
            p.industryChain = Coded.parse(IndustryChain.class, row.value());
            p.addInference(new Inference("industryChain", row.value(), "name", row.match(p.name), row.id()));
        }
    }

    private void inferInfrastructure(Project p) {
        if (p.infrastructure != null) {
            return;
        }
        KeywordRow row = first("infrastructure", p.name);
        if (row != null) {
            p.infrastructure = Boolean.parseBoolean(row.value());
            p.addInference(new Inference("infrastructure", row.value(), "name", row.match(p.name), row.id()));
        } else if (p.category == Category.INFRASTRUCTURE) {
            p.infrastructure = Boolean.TRUE;
            p.addInference(new Inference("infrastructure", "true", "category", List.of("INFRASTRUCTURE"), "category"));
        }
    }

    /**
     * The 建设地点 (or the name) places an infrastructure project in a city or county seat (a {@code location}
     * row, e.g. 县城/城区, without 村): urban infrastructure, NL-07. Recorded as an inference with its evidence.
     */
    private java.util.Optional<NegativeListHit> urbanInfrastructure(Project p) {
        if (p.category != Category.INFRASTRUCTURE) {
            return java.util.Optional.empty();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("location", p.location);
        texts.put("name", p.name);
        for (Map.Entry<String, String> t : texts.entrySet()) {
            if (t.getValue() == null) {
                continue;
            }
            KeywordRow row = first("location", t.getValue());
            if (row != null) {
                List<String> m = row.match(t.getValue());
                p.addInference(new Inference("locationType", row.value(), t.getKey(), m, row.id()));
                return java.util.Optional.of(new NegativeListHit(p.getSubject(), "NL-07", t.getKey(), t.getValue(), m,
                        row.id(), row.source()));
            }
        }
        return java.util.Optional.empty();
    }

    private KeywordRow first(String target, String text) {
        for (KeywordRow r : catalogue.rows()) {
            if (r.target().equals(target) && !r.match(text).isEmpty()) {
                return r;
            }
        }
        return null;
    }

    private List<NegativeListHit> negativeList(Project p) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("name", p.name);
        List<ExpenseItem> items = p.expenseItems == null ? List.of() : p.expenseItems;
        for (int i = 0; i < items.size(); i++) {
            ExpenseItem e = items.get(i);
            texts.put("expenseItems[" + i + "].description", e.description());
            texts.put("expenseItems[" + i + "].economicClass", e.economicClass());
        }
        List<NegativeListHit> hits = new ArrayList<>();
        for (KeywordRow r : catalogue.rows()) {
            if (!r.isNegativeList()) {
                continue;
            }
            for (Map.Entry<String, String> t : texts.entrySet()) {
                List<String> m = r.match(t.getValue());
                if (!m.isEmpty()) {
                    hits.add(new NegativeListHit(p.getSubject(), r.target(), t.getKey(), t.getValue(), m, r.id(), r.source()));
                }
            }
        }
        if (Boolean.TRUE.equals(p.filedByIntermediary)) {
            hits.add(new NegativeListHit(p.getSubject(), "NL-12", "filedByIntermediary", "true",
                    List.of("中介机构直接代理"), "filedByIntermediary", "新财振〔2022〕5号 三(一)3"));
        }
        return hits;
    }
}
