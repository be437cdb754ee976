package io.github.xianjie.classify;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.Coded;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.ExpenseItem;
import io.github.xianjie.domain.Implementer;
import io.github.xianjie.domain.ImplementerType;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.Inference;
import io.github.xianjie.domain.Project;
import io.github.xianjie.text.NameReader;
import io.github.xianjie.text.ReadText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies projects from their words when the input leaves fields empty, and finds negative-list
 * words. Texts are normalised and read as words ({@link NameReader}, {@link ReadText}): place names are
 * masked before purpose words are matched and feed only the location test. Explicit input always wins;
 * every inference is recorded on the project as evidence; a name that supports no inference leaves the
 * field empty, so rules report UNDETERMINED rather than guess. Classification works on a copy of the plan
 * and returns it: the input plan is never written to, so two engines can evaluate the same plan object and
 * neither takes the other's inferences as explicit input.
 */
public final class Classifier {
    /**
     * Categories whose projects in a city or county seat are not urban infrastructure (NL-07): they serve
     * people (relocation follow-up, jobs, training, credit) or production, wherever the site is.
     */
    private static final Set<Category> NOT_URBAN_INFRASTRUCTURE = Set.of(Category.INDUSTRY, Category.EMPLOYMENT,
            Category.RELOCATION_SUPPORT, Category.TRAINING, Category.CREDIT_SUBSIDY, Category.ETHNIC_MINORITY);
    private final KeywordCatalogue catalogue;
    private final NameReader reader;

    /** @param catalogue the keyword catalogue (with its reader) */
    public Classifier(KeywordCatalogue catalogue) {
        this.catalogue = catalogue;
        this.reader = catalogue.reader();
    }

    /** The texts of one project, each read once. */
    private final class Texts {
        final Project p;
        final List<String> places = new ArrayList<>();
        final ReadText name;
        final ReadText heading;
        final ReadText location;

        Texts(Project p) {
            this.p = p;
            for (String s : new String[] {p.location, p.town, p.village}) {
                if (s != null && !s.isBlank()) {
                    places.add(s);
                }
            }
            name = reader.read(p.name, places);
            heading = p.getSectionHeading() == null ? null : reader.read(p.getSectionHeading(), places);
            location = p.location == null ? null : reader.read(p.location, List.of());
        }
    }

    /**
     * A classified plan: a copy of the input plan whose projects have their empty classification fields filled
     * (each with its {@link io.github.xianjie.domain.Inference}) and their negative-list marks set, and the
     * negative-list hits found — the facts the rules are evaluated on.
     *
     * @param plan the classified copy (the input plan is unchanged)
     * @param hits hits in project order, then catalogue order
     */
    public record Classification(CountyPlan plan, List<NegativeListHit> hits) {
    }

    /**
     * Classifies a copy of the plan: fills the empty classification fields of every project of the copy
     * (category, then industryChain for industry projects, then the infrastructure flag, the implementer type and
     * the transport-subsidy scope) and finds the negative-list hits.
     *
     * @param input the plan as read; not modified
     * @return the classified copy and the hits
     */
    public Classification classify(CountyPlan input) {
        CountyPlan plan = input.copy();
        List<NegativeListHit> hits = new ArrayList<>();
        for (Project p : plan.getProjects()) {
            Texts t = new Texts(p);
            inferCategory(t);
            inferChain(t);
            inferInfrastructure(t);
            inferImplementer(t);
            inferTransportScope(t);
            inferTask(t);
            List<NegativeListHit> mine = negativeList(t);
            urban(t).ifPresent(mine::add);
            boolean exception = mine.stream().anyMatch(h -> h.target().equals("NL-05-EXCEPTION"));
            for (NegativeListHit h : mine) {
                if (!h.target().endsWith("-EXCEPTION") && !h.target().endsWith("-REVIEW") && !(exception && h.target().equals("NL-05"))) {
                    p.markOnNegativeList(h.target());
                }
            }
            hits.addAll(mine);
        }
        return new Classification(plan, List.copyOf(hits));
    }

    /**
     * The words the screening looked at in a project's name (places bracketed), for the 需人工复核 list.
     *
     * @param p a project
     * @return e.g. {@code [［某村］, 文化, 活动, 设施]}; empty for a project without a name
     */
    public List<String> wordsOf(Project p) {
        return new Texts(p).name.describeWords();
    }

    /**
     * After {@link #classify}, on the classified copy: the words read in the name of every project left without a recognised
     * purpose (category empty or OTHER), as facts for NL-99.
     *
     * @param plan a classified plan
     * @return one fact per such project, in plan order
     */
    public List<NameWords> reviewWords(CountyPlan plan) {
        List<NameWords> out = new ArrayList<>();
        for (Project p : plan.getProjects()) {
            if (p.category == null || p.category == Category.OTHER) {
                out.add(new NameWords(p.getSubject(), p.name, wordsOf(p)));
            }
        }
        return out;
    }

    private static String basis(String field, ReadText t) {
        return t.normalised() ? field + "（已规范化：" + t.text() + "）" : field;
    }

    private void inferCategory(Texts t) {
        Project p = t.p;
        if (p.category != null) {
            return;
        }
        KeywordRow row = first("category", t.name);
        if (row != null) {
            p.category = Coded.parse(Category.class, row.value());
            p.addInference(new Inference("category", row.value(), basis("name", t.name), row.match(t.name), row.id()));
            return;
        }
        row = t.heading == null ? null : first("category", t.heading);
        if (row != null) {
            p.category = Coded.parse(Category.class, row.value());
            p.addInference(new Inference("category", row.value(), "sectionHeading「" + t.heading.original() + "」",
                    row.match(t.heading), row.id()));
        }
    }

    /**
     * 任务/资金类别 from the name (「…（少数民族发展资金）」 → ETHNIC_MINORITY, 「以工代赈」 → WORK_FOR_RELIEF; {@code task}
     * rows); a task given in the input wins. Recorded as an inference, so a report shows where it came from.
     */
    private void inferTask(Texts t) {
        Project p = t.p;
        if (p.task != null) {
            return;
        }
        KeywordRow row = first("task", t.name);
        if (row != null) {
            p.task = Coded.parse(io.github.xianjie.domain.Task.class, row.value());
            p.addInference(new Inference("task", row.value(), basis("name", t.name), row.match(t.name), row.id()));
        }
    }

    private void inferChain(Texts t) {
        Project p = t.p;
        if (p.industryChain != null || p.category != Category.INDUSTRY) {
            return;
        }
        KeywordRow row = first("industryChain", t.name);
        if (row != null) {
            p.industryChain = Coded.parse(IndustryChain.class, row.value());
            p.addInference(new Inference("industryChain", row.value(), basis("name", t.name), row.match(t.name), row.id()));
        }
    }

    private void inferInfrastructure(Texts t) {
        Project p = t.p;
        if (p.infrastructure != null) {
            return;
        }
        KeywordRow row = first("infrastructure", t.name);
        if (row != null) {
            p.infrastructure = Boolean.parseBoolean(row.value());
            p.addInference(new Inference("infrastructure", row.value(), basis("name", t.name), row.match(t.name), row.id()));
        } else if (p.category == Category.INFRASTRUCTURE) {
            p.infrastructure = Boolean.TRUE;
            p.addInference(new Inference("infrastructure", "true", "category", List.of("INFRASTRUCTURE"), "category"));
        }
    }

    /**
     * 实施主体 type from the implementer's name, else 责任单位 ({@code implementerType} rows: 有限公司 → ENTERPRISE,
     * 合作社 → COOPERATIVE, 村委会 → VILLAGE_COLLECTIVE …); a type given in the input wins. Not from the project
     * name: a name such as 某合作社肉羊养殖 does not say who implements, and PM-05 reads an absent benefit
     * linkage of a business entity as a breach, so a guess there would be a false ERROR.
     */
    private void inferImplementer(Texts t) {
        Project p = t.p;
        if (p.implementer != null && p.implementer.type() != null) {
            return;
        }
        Map<String, ReadText> texts = new LinkedHashMap<>();
        if (p.implementer != null && p.implementer.name() != null) {
            texts.put("implementer.name", reader.read(p.implementer.name(), List.of()));
        }
        if (p.responsibleUnit != null) {
            texts.put("responsibleUnit", reader.read(p.responsibleUnit, List.of()));
        }
        for (Map.Entry<String, ReadText> e : texts.entrySet()) {
            KeywordRow row = firstPlain("implementerType", e.getValue());
            if (row != null) {
                p.implementer = new Implementer(Coded.parse(ImplementerType.class, row.value()),
                        p.implementer == null ? null : p.implementer.name());
                p.addInference(new Inference("implementer.type", row.value(), basis(e.getKey(), e.getValue()),
                        row.matchPlain(e.getValue()), row.id()));
                return;
            }
        }
    }

    /** PM-10: the scope of a one-off transport subsidy read from its name (跨省, 疆内跨地州) when the input gives none. */
    private void inferTransportScope(Texts t) {
        Project p = t.p;
        if (p.transportScope != null && !p.transportScope.isBlank()) {
            return;
        }
        KeywordRow row = firstPlain("transportScope", t.name);
        if (row != null) {
            p.transportScope = row.value();
            p.addInference(new Inference("transportScope", row.value(), basis("name", t.name), row.matchPlain(t.name), row.id()));
        }
    }

    /**
     * NL-07 for every project: the 建设地点 (or the name) places it in a city or county seat (a {@code location}
     * row, e.g. 县城/城区/工业园区; 集镇、乡镇 and anything with 村 are rural). The location type is recorded as
     * an inference for every such project; it is a hit unless the project's category serves production or
     * people rather than building the city (industry, jobs, relocation follow-up, training, credit, ethnic tasks).
     */
    private Optional<NegativeListHit> urban(Texts t) {
        Project p = t.p;
        Map<String, ReadText> texts = new LinkedHashMap<>();
        if (t.location != null) {
            texts.put("location", t.location);
        }
        texts.put("name", t.name);
        for (Map.Entry<String, ReadText> e : texts.entrySet()) {
            KeywordRow row = firstPlain("location", e.getValue());
            if (row != null) {
                List<String> m = row.matchPlain(e.getValue());
                p.addInference(new Inference("locationType", row.value(), basis(e.getKey(), e.getValue()), m, row.id()));
                if (p.category != null && NOT_URBAN_INFRASTRUCTURE.contains(p.category)) {
                    return Optional.empty();
                }
                return Optional.of(hit(p, "NL-07", e.getKey(), e.getValue(), m, row));
            }
        }
        return Optional.empty();
    }

    private static NegativeListHit hit(Project p, String target, String field, ReadText t, List<String> m, KeywordRow row) {
        return new NegativeListHit(p.getSubject(), target, field, t.original(), m, row.id(), row.source(),
                t.normalised() ? t.text() : null);
    }

    private KeywordRow first(String target, ReadText text) {
        for (KeywordRow r : catalogue.rows()) {
            if (r.target().equals(target) && !r.match(text).isEmpty()) {
                return r;
            }
        }
        return null;
    }

    private KeywordRow firstPlain(String target, ReadText text) {
        for (KeywordRow r : catalogue.rows()) {
            if (r.target().equals(target) && !r.matchPlain(text).isEmpty()) {
                return r;
            }
        }
        return null;
    }

    private List<NegativeListHit> negativeList(Texts t) {
        Project p = t.p;
        Map<String, ReadText> texts = new LinkedHashMap<>();
        texts.put("name", t.name);
        List<ExpenseItem> items = p.expenseItems == null ? List.of() : p.expenseItems;
        for (int i = 0; i < items.size(); i++) {
            ExpenseItem e = items.get(i);
            texts.put("expenseItems[" + i + "].description", reader.read(e.description(), t.places));
            texts.put("expenseItems[" + i + "].economicClass", reader.read(e.economicClass(), t.places));
        }
        List<NegativeListHit> hits = new ArrayList<>();
        for (KeywordRow r : catalogue.rows()) {
            if (!r.isNegativeList()) {
                continue;
            }
            for (Map.Entry<String, ReadText> e : texts.entrySet()) {
                // NL-07 rows are about places (城区道路, 县城管网): places are what they read, so they are not masked
                List<String> m = r.target().equals("NL-07") ? r.matchPlain(e.getValue()) : r.match(e.getValue());
                if (!m.isEmpty()) {
                    hits.add(hit(p, r.target(), e.getKey(), e.getValue(), m, r));
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
