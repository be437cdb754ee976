package io.github.xianjie.engine;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.OtherFunding;
import io.github.xianjie.domain.Project;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Static helpers for the project-management, prepayment-review, management-fee-uses and
 * county-pooling-purposes rules (PM-01 … PM-13, PP-03, AF-02, CP-02), called from DRL.
 *
 * <p>They compute the values that classify rules put into derived facts (a project's budget subject, its
 * undelineated funding, a date limit) and format evidence; the decisions are the rules' constraints.
 * Pure functions of their arguments: thresholds come in as {@code Parameter} facts and are passed in;
 * the word lists of a ruleset (permitted fee uses, benefit-linkage words, project kinds) belong to its
 * {@link RulesetData}, which the rules reach as the global {@code data}. No state is kept here.
 */
public final class ProjectChecks {
    private ProjectChecks() {
    }

    /**
     * @param text  a text, possibly null
     * @param words words to look for
     * @return the words contained in the text, in list order
     */
    public static List<String> matches(String text, List<String> words) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String w : words) {
            if (text.contains(w) && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    // ---- small predicates ----------------------------------------------------------------------

    /** @param s a text @return true when null or only whitespace */
    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** @param c a collection @return true when null or empty */
    public static boolean isEmpty(Collection<?> c) {
        return c == null || c.isEmpty();
    }

    /**
     * @param texts a list of texts, possibly null
     * @return its non-blank entries, trimmed
     */
    public static List<String> nonBlank(List<String> texts) {
        List<String> out = new ArrayList<>();
        if (texts != null) {
            for (String t : texts) {
                if (!isBlank(t)) {
                    out.add(t.trim());
                }
            }
        }
        return out;
    }

    /**
     * For messages: the value's text, or "—" when absent (a null would leave a {@code {placeholder}} unfilled).
     *
     * @param v a value
     * @return its text or "—"
     */
    public static String orDash(Object v) {
        return v == null || (v instanceof String s && s.isBlank()) ? "—" : v.toString();
    }

    // ---- PM-01, PM-02: the project library -----------------------------------------------------


    /**
     * PM-02: the last day by which a project of the plan year must be in the library — the end of the
     * fourth quarter of the year before (当年第四季度完成下年度项目…入库).
     *
     * @param planYear the plan year
     * @return 31 December of {@code planYear − 1}
     */
    public static LocalDate libraryDeadline(int planYear) {
        return LocalDate.of(planYear - 1, 12, 31);
    }


    /**
     * PM-02: the latest entry date that is already stale when the plan year starts: an entry left
     * unexecuted for the full staleness period (3年未执行) has left the library by 1 January of the plan
     * year. Entries on or before this date are stale.
     *
     * @param planYear plan year
     * @param years    the staleness parameter (whole years)
     * @return 1 January of the plan year minus {@code years}
     */
    public static LocalDate staleOnOrBefore(int planYear, BigDecimal years) {
        return LocalDate.of(planYear, 1, 1).minusYears(years.intValueExact());
    }



    // ---- PM-04: investment -------------------------------------------------------------------------


    /**
     * PM-04: where the total investment came from.
     *
     * @param p a project
     * @return {@code investment} when the input gave it, else {@code amount} (its default)
     */
    public static String investmentField(Project p) {
        return p.investment != null ? "investment" : "amount";
    }

    // ---- PM-07: budget subject ------------------------------------------------------------------

    /**
     * PM-07: the budget subject that applies to a project: its own, else the allocation's.
     *
     * @param p    a project
     * @param plan its plan
     * @return the subject code (trimmed), or null when neither is given
     */
    public static String budgetSubjectOf(Project p, CountyPlan plan) {
        if (!isBlank(p.getBudgetSubject())) {
            return p.getBudgetSubject().trim();
        }
        if (plan.getAllocation() != null && !isBlank(plan.getAllocation().budgetSubject())) {
            return plan.getAllocation().budgetSubject().trim();
        }
        return null;
    }

    /**
     * @param p    a project
     * @param plan its plan
     * @return {@code budgetSubject} or {@code allocation.budgetSubject}: the field {@link #budgetSubjectOf} read
     */
    public static String budgetSubjectField(Project p, CountyPlan plan) {
        return !isBlank(p.getBudgetSubject()) ? "budgetSubject" : "allocation.budgetSubject";
    }

    /**
     * The code prefix a numeric parameter stands for (parameters are decimals: 21305 → "21305").
     *
     * @param code the parameter value, a whole number
     * @return its digits
     */
    public static String code(BigDecimal code) {
        return code.toBigIntegerExact().toString();
    }

    // ---- PM-08: other funding -------------------------------------------------------------------

    /**
     * @param funding the project's other funding
     * @return e.g. {@code ["高标准农田建设资金：渠道防渗"]}, in list order
     */
    public static List<String> describeFunding(List<OtherFunding> funding) {
        List<String> out = new ArrayList<>();
        if (funding != null) {
            for (OtherFunding f : funding) {
                if (f != null) {
                    out.add(orDash(f.source()) + "：" + orDash(f.content()));
                }
            }
        }
        return out;
    }

    // ---- PM-10: one-off transport subsidy --------------------------------------------------------

    /**
     * PM-10: the transport scope as a code; the Chinese words are accepted too.
     *
     * @param raw {@code CROSS_PROVINCE} (跨省), {@code CROSS_PREFECTURE} (跨地州, 疆内跨地（州、市）) or
     *            {@code WITHIN_PREFECTURE} (地州内), any case
     * @return the code, or null when blank or not recognised
     */
    public static String transportScopeCode(String raw) {
        if (isBlank(raw)) {
            return null;
        }
        String t = raw.trim();
        for (String c : List.of("CROSS_PROVINCE", "CROSS_PREFECTURE", "WITHIN_PREFECTURE")) {
            if (c.equalsIgnoreCase(t)) {
                return c;
            }
        }
        return switch (t) {
            case "跨省", "跨省区", "跨省就业" -> "CROSS_PROVINCE";
            case "跨地州", "跨地（州、市）", "疆内跨地（州、市）", "疆内跨地州", "跨地州市" -> "CROSS_PREFECTURE";
            case "地州内", "地（州、市）内", "本地州" -> "WITHIN_PREFECTURE";
            default -> null;
        };
    }


    // ---- PM-13: detailed within N days of the notice -----------------------------------------------

    /**
     * @param plan a plan
     * @return the allocation notice date, or null
     */
    public static LocalDate issuedOn(CountyPlan plan) {
        return plan.getAllocation() == null ? null : plan.getAllocation().issuedOn();
    }

    /**
     * @param from a date
     * @param to   a later (or earlier) date
     * @return days from {@code from} to {@code to} (negative when {@code to} is earlier)
     */
    public static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /**
     * @param issuedOn the notice date
     * @param days     the parameter (whole days)
     * @return the last day that is still within the limit: {@code issuedOn + days}
     */
    public static LocalDate lastDay(LocalDate issuedOn, BigDecimal days) {
        return issuedOn.plusDays(days.longValueExact());
    }


    /**
     * PM-13, for evidence: the late projects (those the rules found noticed after the last day), with their dates.
     *
     * @param projects the late projects (objects of type {@link Project})
     * @param issuedOn the allocation notice date
     * @return e.g. {@code ["C-1（2024-01-29，31 日）"]}, in plan order
     */
    public static List<String> describeLate(Collection<?> projects, LocalDate issuedOn) {
        List<String> out = new ArrayList<>();
        for (Project p : inPlanOrder(projects)) {
            out.add(p.getSubject() + "（" + p.getNoticedOn() + "，" + daysBetween(issuedOn, p.getNoticedOn()) + " 日）");
        }
        return out;
    }


    /**
     * PM-13: the latest notice date among the projects.
     *
     * @param projects the plan's projects
     * @return the latest {@code publicNotice.noticedOn}, or null when none has one
     */
    public static LocalDate latestNotice(Collection<?> projects) {
        LocalDate max = null;
        for (Project p : inPlanOrder(projects)) {
            LocalDate on = p.getNoticedOn();
            if (on != null && (max == null || on.isAfter(max))) {
                max = on;
            }
        }
        return max;
    }

    private static List<Project> inPlanOrder(Collection<?> projects) {
        List<Project> ps = new ArrayList<>();
        for (Object o : projects) {
            ps.add((Project) o);
        }
        ps.sort(java.util.Comparator.comparingInt(Project::getIndex));
        return ps;
    }

}
