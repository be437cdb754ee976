package io.github.xianjie.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A county plan (年度项目计划 / 资金使用方案): one county, one year, one fund source.
 * Inserted as a Drools fact; its projects are inserted separately.
 */
public class CountyPlan {
    public String county;
    public String prefecture;
    public Integer year;
    public FundSource fundSource;
    /** PLAN (screening before approval) or EXECUTION; null when not stated (treated as EXECUTION). */
    public PlanStage stage;
    public Allocation allocation;
    public ManagementFee managementFee;
    public List<Project> projects = new ArrayList<>();
    /** Justifications of plan-level WARNING rules, keyed by rule ID (e.g. {@code IS-02}). */
    public Map<String, String> justifications = new LinkedHashMap<>();
    /** The batch of the year's funds this plan spends (提前下达, 第一批, 第二批 …, 结余资金), or null for the whole year. */
    public String batch;
    /** For a year merged from batches ({@link PlanYear#merge}): one line per batch naming its document and amount. */
    @JsonIgnore
    public List<String> batches = new ArrayList<>();
    /** False when the county has no 脱贫村 at all (CP-01 then has no pooling to cap); null when not stated. */
    public Boolean hasPovertyExitedVillages;
    /**
     * Last year's industry share of the central funds (上年产业发展资金占比, a fraction, e.g. 0.7 = 70%), as the county
     * reported it; IS-03 (M 第三条(二)1 “逐年提高”) compares this year's share with it. Null when not given.
     */
    public java.math.BigDecimal previousIndustryShare;

    /** @return 县（市） */
    public String getCounty() { return county; }
    /** @return 地（州、市）, or null */
    public String getPrefecture() { return prefecture; }
    /** @return plan year */
    public Integer getYear() { return year; }
    /** @return CENTRAL or REGIONAL */
    public FundSource getFundSource() { return fundSource; }
    /** @return the allocation received, or null */
    public Allocation getAllocation() { return allocation; }
    /** @return 项目管理费, or null */
    public ManagementFee getManagementFee() { return managementFee; }
    /** @return the projects in input order */
    public List<Project> getProjects() { return projects; }
    /** @return justifications of plan-level WARNING rules, keyed by rule ID */
    public Map<String, String> getJustifications() { return justifications; }

    /** @return the batch (e.g. 第二批), or null for a whole-year plan */
    public String getBatch() { return batch; }

    /** @return true when the plan names a single batch of the year's funds (annual shares then cannot be decided) */
    @JsonIgnore
    public boolean isSingleBatch() {
        return batch != null && !batch.isBlank();
    }

    /** @return whether the county has 脱贫村 at all, or null when not stated */
    public Boolean getHasPovertyExitedVillages() { return hasPovertyExitedVillages; }

    /** @return last year's industry share (fraction), or null when not given */
    public java.math.BigDecimal getPreviousIndustryShare() { return previousIndustryShare; }

    /** @return the allocation notice's date (分配文件印发日期), or null when not given */
    @JsonIgnore
    public java.time.LocalDate getAllocationIssuedOn() {
        return allocation == null ? null : allocation.issuedOn();
    }

    /**
     * @return the allocation's earmarked task funds (every task but 巩固拓展, amount above 0), in task order; empty when
     *         the allocation names no task columns or none is earmarked
     */
    @JsonIgnore
    public List<TaskFunds> getEarmarkedTasks() {
        List<TaskFunds> out = new ArrayList<>();
        if (allocation != null) {
            allocation.tasks().forEach((t, a) -> {
                if (t != Task.CONSOLIDATION && a != null && a.signum() > 0) {
                    out.add(new TaskFunds(t, a));
                }
            });
        }
        return out;
    }

    /** @return true when the allocation states its task columns (AL-07 can then tell whether any is earmarked) */
    @JsonIgnore
    public boolean isTasksStated() {
        return allocation != null && !allocation.tasks().isEmpty();
    }

    /** @return the allocation notice's document number, or null */
    @JsonIgnore
    public String getAllocationDocumentNo() {
        return allocation == null ? null : allocation.documentNo();
    }

    /** @return PLAN or EXECUTION, or null when not stated */
    public PlanStage getStage() { return stage; }

    /** @return true at the plan stage (before approval: nothing paid yet) */
    @JsonIgnore
    public boolean isPlanStage() {
        return stage == PlanStage.PLAN;
    }

    /** @return the allocation received (万元), or null when not given. */
    @JsonIgnore
    public BigDecimal getAllocationAmount() {
        return allocation == null ? null : allocation.amount();
    }

    /** @return the management fee (万元), or null when not given. */
    @JsonIgnore
    public BigDecimal getManagementFeeAmount() {
        return managementFee == null ? null : managementFee.amount();
    }

    /** @return the report subject of plan-level rules: {@code plan}. */
    @JsonIgnore
    public String getSubject() {
        return "plan";
    }

    /**
     * A copy for one evaluation: the same plan values with a {@link Project#copy} of every project, so that
     * classification writes its inferences into the copy and this plan stays as the input gave it.
     *
     * @return the copy
     */
    public CountyPlan copy() {
        CountyPlan c = new CountyPlan();
        Project.copyFields(CountyPlan.class, this, c);
        c.projects = new ArrayList<>(projects.size());
        for (Project p : projects) {
            c.projects.add(p.copy());
        }
        return c;
    }
}
