package io.github.xianjie.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A county's year of one fund: the batches it received (提前下达, 第一批, 第二批 …, 结余资金) merged into one plan, so
 * that the annual shares (新财规〔2021〕11号 第三条(二)1 "年度到县的中央衔接资金", 第七条; the 2024 notices) are decided on
 * the year rather than on one batch.
 */
public final class PlanYear {
    private PlanYear() {
    }

    /**
     * Merges several plans of one county, year and fund source into the year's plan.
     * <ul>
     *   <li>allocation: amounts summed (null when any batch lacks one), task columns summed, documents listed per batch
     *       ("第一批：乌财振〔2024〕1号；第二批：…"); the notice date and budget subject kept only when every batch agrees;</li>
     *   <li>management fee: amounts summed and uses joined (null when any batch lacks a fee);</li>
     *   <li>projects: all batches' projects in file order, each id prefixed with its batch ("第二批/3") so subjects
     *       stay unique; their subjects are reassigned;</li>
     *   <li>{@link CountyPlan#batches}: one line per batch naming its document and amount, cited by annual findings.</li>
     * </ul>
     *
     * @param batches the plans, in the order given (at least one); they are changed (project ids) and must not be reused
     * @return the year's plan, with {@code batch} null
     * @throws IllegalArgumentException when they are not all of one county, year and fund source (message in Chinese)
     */
    public static CountyPlan merge(List<CountyPlan> batches) {
        if (batches == null || batches.isEmpty()) {
            throw new IllegalArgumentException("没有要合并的计划 (no plans to merge)");
        }
        CountyPlan first = batches.get(0);
        Set<String> seenDocs = new java.util.HashSet<>();
        for (CountyPlan b : batches) {
            if (!Objects.equals(trim(b.county), trim(first.county)) || !Objects.equals(b.year, first.year)
                    || b.fundSource != first.fundSource) {
                throw new IllegalArgumentException("各文件不是同一县、年度和资金来源：" + describe(first) + " 与 " + describe(b)
                        + "；多县、多年度或多资金来源请分别检查（check --batch）(plans span several counties, years or funds)");
            }
            if (trim(b.prefecture) != null && trim(first.prefecture) != null
                    && !trim(b.prefecture).equals(trim(first.prefecture))) {
                throw new IllegalArgumentException("各文件的地（州、市）不同：" + trim(first.prefecture) + " 与 " + trim(b.prefecture)
                        + " (plans name different prefectures)");
            }
            String doc = b.allocation == null ? null : trim(b.allocation.documentNo());
            if (batches.size() > 1 && doc != null && !seenDocs.add(doc)) {
                throw new IllegalArgumentException("两个批次的资金下达文号相同（" + doc + "）：同一批资金不能合并两次，请检查是否重复给出了同一批次"
                        + " (two batches name the same allocation document; the same batch cannot be merged twice)");
            }
        }
        if (batches.size() == 1) {
            return first;
        }
        CountyPlan year = new CountyPlan();
        year.county = first.county;
        year.prefecture = first.prefecture;
        year.year = first.year;
        year.fundSource = first.fundSource;
        year.stage = batches.stream().allMatch(b -> b.stage == first.stage) ? first.stage : null;
        Boolean hasPe = first.hasPovertyExitedVillages;
        BigDecimal amount = BigDecimal.ZERO;
        Map<Task, BigDecimal> tasks = new EnumMap<>(Task.class);
        List<String> docs = new ArrayList<>();
        List<String> upstream = new ArrayList<>();
        BigDecimal fee = BigDecimal.ZERO;
        Set<String> uses = new LinkedHashSet<>();
        int n = 0;
        for (CountyPlan b : batches) {
            n++;
            String label = b.batch != null && !b.batch.isBlank() ? b.batch.trim() : "批次" + n;
            Allocation a = b.allocation;
            amount = amount == null || a == null || a.amount() == null ? null : amount.add(a.amount());
            if (a != null && a.tasks() != null) {
                a.tasks().forEach((t, v) -> tasks.merge(t, v, BigDecimal::add));
            }
            String doc = a == null || a.documentNo() == null ? "未给出文号" : a.documentNo();
            docs.add(label + "：" + doc);
            if (a != null && a.upstreamDocumentNo() != null) {
                upstream.add(label + "：" + a.upstreamDocumentNo());
            }
            year.batches.add(label + "（" + doc + (a == null || a.amount() == null ? "" : "，" + a.amount().toPlainString() + " 万元") + "）");
            ManagementFee f = b.managementFee;
            fee = fee == null || f == null || f.amount() == null ? null : fee.add(f.amount());
            if (f != null && f.uses() != null) {
                uses.addAll(f.uses());
            }
            if (!Objects.equals(hasPe, b.hasPovertyExitedVillages)) {
                hasPe = Boolean.TRUE.equals(hasPe) || Boolean.TRUE.equals(b.hasPovertyExitedVillages) ? Boolean.TRUE : null;
            }
            if (b.justifications != null) {
                b.justifications.forEach(year.justifications::putIfAbsent);
            }
            for (Project p : b.projects) {
                String own = p.id != null && !p.id.isBlank() ? p.id.trim() : p.seq != null && !p.seq.isBlank() ? p.seq.trim() : "#" + p.getIndex();
                p.id = label + "/" + own;
                year.projects.add(p);
            }
        }
        year.hasPovertyExitedVillages = hasPe;
        Allocation a0 = first.allocation;
        boolean sameDate = batches.stream().allMatch(b -> b.allocation != null && a0 != null
                && Objects.equals(b.allocation.issuedOn(), a0.issuedOn()));
        boolean sameSubject = batches.stream().allMatch(b -> b.allocation != null && a0 != null
                && Objects.equals(b.allocation.budgetSubject(), a0.budgetSubject()));
        year.allocation = new Allocation(amount, String.join("；", docs), upstream.isEmpty() ? null : String.join("；", upstream),
                sameDate ? a0.issuedOn() : null, sameSubject ? a0.budgetSubject() : null, tasks);
        year.managementFee = fee == null ? null : new ManagementFee(fee, List.copyOf(uses));
        for (int i = 0; i < year.projects.size(); i++) {
            year.projects.get(i).assignSubject(i + 1);
        }
        return year;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String describe(CountyPlan p) {
        return p.county + " " + p.year + " 年 " + (p.fundSource == null ? "?" : p.fundSource.label());
    }
}
