package io.github.xianjie.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The Chinese words for the codes a rule's evidence holds ({@code REGIONAL}, {@code GOVERNMENT}, {@code INDUSTRY}),
 * so that a Chinese message reads 自治区衔接资金, 政府部门, 产业发展 where the evidence (and the English message) keeps
 * the contract code. Chosen by the evidence key, never by the value alone.
 */
public final class CodeLabels {
    private CodeLabels() {
    }

    private static final Map<String, Class<? extends Enum<?>>> BY_KEY = Map.of(
            "fundSource", FundSource.class,
            "implementerType", ImplementerType.class,
            "category", Category.class,
            "villageType", VillageType.class,
            "industryChain", IndustryChain.class,
            "stage", PlanStage.class,
            "task", Task.class);

    private static final java.util.regex.Pattern HIT = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9.\\[\\]]*) 含「");

    /** A negative-list hit with the field it was read in named by its table column (项目名称 含「办公楼」(K009)). */
    private static String hit(String h) {
        java.util.regex.Matcher m = HIT.matcher(h);
        return m.find() ? ColumnNames.column(m.group(1)) + h.substring(m.end(1)) : h;
    }

    /** PM-10's work scopes of a one-off transport subsidy (ProjectChecks.transportScopeCode), under either key. */
    private static final Map<String, String> TRANSPORT_SCOPES = Map.of(
            "CROSS_PROVINCE", "跨省",
            "CROSS_PREFECTURE", "疆内跨地（州、市）",
            "WITHIN_PREFECTURE", "地（州、市）内");

    /**
     * @param key   an evidence key, e.g. {@code fundSource}
     * @param value its value as the evidence holds it (a code, a list of codes, or anything else)
     * @return the Chinese label(s) when the key names a coded field and the value is one of its codes (a fund source
     *         as 中央衔接资金/自治区衔接资金); otherwise the value unchanged
     */
    public static Object zh(String key, Object value) {
        if (value != null && "field".equals(key)) {          // a field path (PM-07: budgetSubject, allocation.budgetSubject)
            return ColumnNames.column(value.toString());
        }
        if (value != null && "hits".equals(key)) {           // negative-list hits: "name 含「办公楼」(K009)"
            if (value instanceof Collection<?> c) {
                List<Object> out = new ArrayList<>(c.size());
                c.forEach(x -> out.add(hit(String.valueOf(x))));
                return out;
            }
            return hit(value.toString());
        }
        if (value != null && ("transportScope".equals(key) || "required".equals(key))) {
            return TRANSPORT_SCOPES.getOrDefault(value.toString(), value.toString());
        }
        Class<? extends Enum<?>> type = BY_KEY.get(key);
        if (type == null || value == null) {
            return value;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(zh(key, x)));
            return out;
        }
        String code = value instanceof Enum<?> e ? e.name() : value.toString();
        for (Enum<?> e : type.getEnumConstants()) {
            if (e.name().equals(code)) {
                String label = ((Coded) e).label();
                return e instanceof FundSource ? label + "衔接资金" : label;
            }
        }
        return value;
    }
}
