package io.github.xianjie.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One project of a county plan (项目), as read from the input; a Drools fact.
 * Amounts are in 万元. Optional fields are null when the input does not give them;
 * rules that need them report UNDETERMINED naming the field.
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

    @JsonIgnore
    private String subject;
    @JsonIgnore
    private int index;
    @JsonIgnore
    private final List<Inference> inferences = new ArrayList<>();

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

    /** @return the inference for one field, or null when the field was given or not inferred. */
    public Inference inferenceFor(String field) {
        return inferences.stream().filter(i -> i.field().equals(field)).findFirst().orElse(null);
    }

    public String getId() { return id; }
    public String getSeq() { return seq; }
    public String getName() { return name; }
    public String getLocation() { return location; }
    public String getTown() { return town; }
    public String getVillage() { return village; }
    /** @return linkage-fund amount of the project (投资规模 in notices), 万元. */
    public BigDecimal getAmount() { return amount; }
    /** @return total investment across all funding (总投资), 万元; defaults to {@link #getAmount()}. */
    public BigDecimal getInvestment() { return investment != null ? investment : amount; }
    public String getResponsibleUnit() { return responsibleUnit; }
    public VillageType getVillageType() { return villageType; }
    public Category getCategory() { return category; }
    public IndustryChain getIndustryChain() { return industryChain; }
    public Boolean getInfrastructure() { return infrastructure; }
    /** @return contract amount (合同金额), 万元. */
    public BigDecimal getContractAmount() { return contractAmount; }
    /** @return amount payable on the project (应付该项目资金总额), 万元. */
    public BigDecimal getPayableAmount() { return payableAmount; }
    /** @return total prepayment (预付资金总额), 万元. */
    public BigDecimal getPrepayment() { return prepayment; }
    public LocalDate getPrepaymentApprovedOn() { return prepaymentApprovedOn; }
    public Implementer getImplementer() { return implementer; }
    /** @return implementer type, or null. */
    public ImplementerType getImplementerType() { return implementer == null ? null : implementer.type(); }
    public String getBenefitLinkage() { return benefitLinkage; }
    public List<String> getPerformanceTargets() { return performanceTargets; }
    public LibraryEntry getLibraryEntry() { return libraryEntry; }
    /** @return date of entry into the project library, or null. */
    public LocalDate getLibraryEnteredOn() { return libraryEntry == null ? null : libraryEntry.enteredOn(); }
    public PublicNotice getPublicNotice() { return publicNotice; }
    /** @return date of public notice, or null. */
    public LocalDate getNoticedOn() { return publicNotice == null ? null : publicNotice.noticedOn(); }
    public String getBudgetSubject() { return budgetSubject; }
    public List<OtherFunding> getOtherFunding() { return otherFunding; }
    public List<ExpenseItem> getExpenseItems() { return expenseItems; }
    public DueDiligence getDueDiligence() { return dueDiligence; }
    public String getJustification() { return justification; }
    public String getTransportScope() { return transportScope; }
    public Boolean getDuplicatesHrPost() { return duplicatesHrPost; }
    public Boolean getLocalMatching() { return localMatching; }
    public Boolean getFiledByIntermediary() { return filedByIntermediary; }

    @Override
    public String toString() {
        return subject + " " + name;
    }
}
