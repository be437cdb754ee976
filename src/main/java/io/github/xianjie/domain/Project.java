package io.github.xianjie.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * One project of a county plan (项目), as read from the input; a Drools fact.
 * Amounts are in 万元. Optional fields are null when the input does not give them;
 * rules that need them report UNDETERMINED naming the field. The public fields are the JSON contract
 * of plan-format.md (bound by Jackson); the getters document each one and are what DRL reads.
 */
public class Project {
    public String id;
    public String seq;
    public String name;
    public String location;
    public String town;
    public String village;
    public BigDecimal amount;
    public BigDecimal investment;
    public String responsibleUnit;
    public VillageType villageType;
    public Category category;
    public IndustryChain industryChain;
    public Boolean infrastructure;
    public BigDecimal contractAmount;
    public BigDecimal payableAmount;
    public BigDecimal prepayment;
    public LocalDate prepaymentApprovedOn;
    public Implementer implementer;
    public String benefitLinkage;
    public List<String> performanceTargets;
    public LibraryEntry libraryEntry;
    public PublicNotice publicNotice;
    public String budgetSubject;
    public List<OtherFunding> otherFunding;
    public List<ExpenseItem> expenseItems;
    public DueDiligence dueDiligence;
    public String justification;
    /** Cross-province / cross-prefecture scope of a one-off transport subsidy (PM-10): CROSS_PROVINCE, CROSS_PREFECTURE, WITHIN_PREFECTURE. */
    public String transportScope;
    /** True when a public-welfare post duplicates a human-resources (人社) post (PM-11). */
    public Boolean duplicatesHrPost;
    /** True when the project pays local matching funds (配套资金) or a local spending responsibility (PM-09). */
    public Boolean localMatching;
    /** True when an intermediary agency filed the application (中介机构直接代理, NL-12). */
    public Boolean filedByIntermediary;
    /** 建设内容 / 建设任务 / 建设规模 as the notice writes it (shown beside the project's findings), or null. */
    public String content;
    /** True when the project belongs to the county's rural-revitalization plan (县级乡村振兴规划相关项目, M 第七条; CP-02). */
    public Boolean countyPlanProject;
    /**
     * The allocation task whose funds the project spends (任务/资金类别: 少数民族发展任务, 以工代赈任务 …; AL-07, IS-01's
     * second base), or null when not stated; inferred from names such as 「…（少数民族发展资金）」 with an inference.
     */
    public Task task;
    /** Project start date (optional; ledger audit LG-13). */
    public LocalDate startOn;
    /** Project end date (optional; ledger audit LG-13). */
    public LocalDate endOn;
    /** The project's payee: its implementer or contractor as the ledger names it (optional; ledger audit LG-14). */
    public String payee;

    @JsonIgnore
    private String subject;
    @JsonIgnore
    private int index;
    @JsonIgnore
    private final List<Inference> inferences = new ArrayList<>();
    @JsonIgnore
    private final Set<String> stated = new HashSet<>();
    @JsonIgnore
    private final Set<String> negativeList = new java.util.TreeSet<>();
    @JsonIgnore
    private String sectionHeading;

    /** @return the section heading of a notice table above this row (e.g. 一、产业发展类), or null */
    @JsonIgnore
    public String getSectionHeading() {
        return sectionHeading;
    }

    /** @param heading the section heading above this row in a notice table, or null */
    public void setSectionHeading(String heading) {
        this.sectionHeading = heading;
    }

    /**
     * Records a negative-list hit (set by the classifier; an NL-05 hit covered by its exception is not recorded).
     *
     * @param ruleId e.g. {@code NL-03}
     */
    public void markOnNegativeList(String ruleId) {
        negativeList.add(ruleId);
    }

    /**
     * @return true when the project's words hit the negative list: such a project is a prohibited use and does
     *         not count towards the industry-development shares (IS-01, IS-02)
     */
    @JsonIgnore
    public boolean isOnNegativeList() {
        return !negativeList.isEmpty();
    }

    /** @return the negative-list rule IDs the project's words hit, sorted */
    @JsonIgnore
    public Set<String> getNegativeListHits() {
        return java.util.Collections.unmodifiableSet(negativeList);
    }

    /**
     * Fields whose absence is not the same as "none": leaving {@code libraryEntry}, {@code publicNotice} or
     * {@code performanceTargets} out means "not known" (rules report UNDETERMINED); giving them as
     * {@code null} (or {@code []}) states "there is none" (rules report FAIL).
     */
    public static final List<String> STATABLE = List.of("libraryEntry", "publicNotice", "performanceTargets");

    /**
     * @param field one of {@link #STATABLE}
     * @return true when the input gave the field, even as null or empty
     */
    public boolean isStated(String field) {
        return stated.contains(field);
    }

    /**
     * Records that the input stated a field of {@link #STATABLE} (readers call it for a present column or key).
     *
     * @param field the field name
     */
    public void markStated(String field) {
        stated.add(field);
    }

    /** @param v 项目库 entry, or null to state "not in the library" */
    @JsonSetter("libraryEntry")
    public void setLibraryEntry(LibraryEntry v) {
        libraryEntry = v;
        stated.add("libraryEntry");
    }

    /** @param v 公告公示, or null to state "not noticed" */
    @JsonSetter("publicNotice")
    public void setPublicNotice(PublicNotice v) {
        publicNotice = v;
        stated.add("publicNotice");
    }

    /** @param v 绩效目标, or null / empty to state "none set" */
    @JsonSetter("performanceTargets")
    public void setPerformanceTargets(List<String> v) {
        performanceTargets = v;
        stated.add("performanceTargets");
    }

    /** @return the report subject: {@code id}, else {@code 序号}, else {@code #n} (1-based row). */
    public String getSubject() {
        return subject;
    }

    /**
     * Sets the subject and position; called once by the reader.
     *
     * @param index 1-based position in the plan
     */
    public void assignSubject(int index) {
        this.index = index;
        if (id != null && !id.isBlank()) {
            subject = id.trim();
        } else if (seq != null && !seq.isBlank()) {
            subject = seq.trim();
        } else {
            subject = "#" + index;
        }
    }

    /** @return 1-based position in the plan, for stable ordering. */
    public int getIndex() {
        return index;
    }

    /** @return inferences made for empty fields, in the order made. */
    public List<Inference> getInferences() {
        return inferences;
    }

    /**
     * Records an inference; the caller sets the field itself.
     *
     * @param inference what was inferred and why
     */
    public void addInference(Inference inference) {
        inferences.add(inference);
    }

    /**
     * A copy for one evaluation (issue 10 item 4): every field as this project has it, with its own inference list
     * and negative-list marks, so that classifying the copy leaves this project as given. Lists of input values
     * (expense items, other funding) are shared, not copied: nothing writes to them.
     *
     * @return the copy
     */
    public Project copy() {
        Project c = new Project();
        copyFields(Project.class, this, c);
        return c;
    }

    /** Copies every instance field of {@code type} from one object to another; a final collection gets its own contents. */
    @SuppressWarnings("unchecked")
    static <T> void copyFields(Class<T> type, T from, T to) {
        try {
            for (java.lang.reflect.Field f : type.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (java.lang.reflect.Modifier.isStatic(mod)) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(from);
                if (java.lang.reflect.Modifier.isFinal(mod)) {
                    ((java.util.Collection<Object>) f.get(to)).addAll((java.util.Collection<Object>) v);
                } else {
                    f.set(to, v);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the inference for one field, or null when the field was given or not inferred. */
    public Inference inferenceFor(String field) {
        return inferences.stream().filter(i -> i.field().equals(field)).findFirst().orElse(null);
    }

    /** @return project id as given, or null */
    public String getId() { return id; }
    /** @return 序号 of the notice row, or null */
    public String getSeq() { return seq; }
    /** @return 项目名称 */
    public String getName() { return name; }
    /** @return 建设地点 */
    public String getLocation() { return location; }
    /** @return 乡镇, or null */
    public String getTown() { return town; }
    /** @return 村, or null */
    public String getVillage() { return village; }
    /** @return linkage-fund amount of the project (投资规模 in notices), 万元. */
    public BigDecimal getAmount() { return amount; }
    /** @return total investment across all funding (总投资), 万元; defaults to {@link #getAmount()}. */
    public BigDecimal getInvestment() { return investment != null ? investment : amount; }
    /** @return 责任单位, or null */
    public String getResponsibleUnit() { return responsibleUnit; }
    /** @return 村类别 (脱贫村/非贫困村/易地搬迁安置区), or null */
    public VillageType getVillageType() { return villageType; }
    /** @return 项目类别 (given or inferred), or null */
    public Category getCategory() { return category; }
    /** @return 产业类型 (粮/棉/果/畜/其他; given or inferred), or null */
    public IndustryChain getIndustryChain() { return industryChain; }
    /** @return true for 基础建设类 (given or inferred), or null */
    public Boolean getInfrastructure() { return infrastructure; }
    /** @return contract amount (合同金额), 万元. */
    public BigDecimal getContractAmount() { return contractAmount; }
    /** @return amount payable on the project (应付该项目资金总额), 万元. */
    public BigDecimal getPayableAmount() { return payableAmount; }
    /** @return total prepayment (预付资金总额), 万元. */
    public BigDecimal getPrepayment() { return prepayment; }
    /** @return date of the industry department's review opinion on the prepayment, or null */
    public LocalDate getPrepaymentApprovedOn() { return prepaymentApprovedOn; }
    /** @return start date, or null */
    public LocalDate getStartOn() { return startOn; }
    /** @return end date, or null */
    public LocalDate getEndOn() { return endOn; }
    /** @return the project's payee, or null */
    public String getPayee() { return payee; }
    /** @return 实施主体, or null */
    public Implementer getImplementer() { return implementer; }
    /** @return implementer type, or null. */
    public ImplementerType getImplementerType() { return implementer == null ? null : implementer.type(); }
    /** @return 利益联结机制 text, or null */
    public String getBenefitLinkage() { return benefitLinkage; }
    /** @return 绩效目标, or null */
    public List<String> getPerformanceTargets() { return performanceTargets; }
    /** @return 项目库 entry, or null */
    public LibraryEntry getLibraryEntry() { return libraryEntry; }
    /** @return date of entry into the project library, or null. */
    public LocalDate getLibraryEnteredOn() { return libraryEntry == null ? null : libraryEntry.enteredOn(); }
    /** @return 公告公示, or null */
    public PublicNotice getPublicNotice() { return publicNotice; }
    /** @return date of public notice, or null. */
    public LocalDate getNoticedOn() { return publicNotice == null ? null : publicNotice.noticedOn(); }
    /** @return 支出科目, e.g. 2130505, or null */
    public String getBudgetSubject() { return budgetSubject; }
    /** @return other funding channels on the project, or null */
    public List<OtherFunding> getOtherFunding() { return otherFunding; }
    /** @return how many other funding channels the project lists (0 when none or not given), for PM-08 constraints */
    @JsonIgnore
    public int getOtherFundingCount() { return otherFunding == null ? 0 : otherFunding.size(); }
    /** @return 支出明细, or null */
    public List<ExpenseItem> getExpenseItems() { return expenseItems; }
    /** @return 尽职调查, or null */
    public DueDiligence getDueDiligence() { return dueDiligence; }
    /** @return justification that turns a WARNING into INFO, or null */
    public String getJustification() { return justification; }
    /** @return scope of a one-off transport subsidy (PM-10), or null */
    public String getTransportScope() { return transportScope; }
    /** @return whether a public-welfare post duplicates an HR-department post (PM-11), or null */
    public Boolean getDuplicatesHrPost() { return duplicatesHrPost; }
    /** @return whether central funds pay local matching funds (PM-09), or null */
    public Boolean getLocalMatching() { return localMatching; }
    /** @return whether an intermediary agency filed the application (NL-12), or null */
    public Boolean getFiledByIntermediary() { return filedByIntermediary; }
    /** @return 建设内容 (what the notice says is built or done), or null */
    public String getContent() { return content; }
    /** @return whether the project is a county rural-revitalization plan project (CP-02), or null when not stated */
    public Boolean getCountyPlanProject() { return countyPlanProject; }
    /** @return the allocation task the project's funds come from (任务/资金类别), or null when not stated */
    public Task getTask() { return task; }

    @Override
    public String toString() {
        return subject + " " + name;
    }
}
