package io.github.xianjie.support;

import io.github.xianjie.domain.Allocation;
import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.ManagementFee;
import io.github.xianjie.domain.Project;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.input.PlanJsonReader;
import io.github.xianjie.input.PlanValidator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Small builders of plans and projects for rule tests. Amounts are decimal strings in 万元. */
public final class Plans {
    private Plans() {
    }

    /**
     * @param year       plan year
     * @param fund       fund source
     * @param allocation allocation in 万元, or null
     * @param fee        management fee in 万元, or null
     * @param projects   projects (subjects are assigned here)
     * @return a validated plan of county 测试县
     */
    public static CountyPlan plan(int year, FundSource fund, String allocation, String fee, Project... projects) {
        CountyPlan p = new CountyPlan();
        p.county = "测试县";
        p.year = year;
        p.fundSource = fund;
        if (allocation != null) {
            p.allocation = new Allocation(new BigDecimal(allocation), null, null, null, null, null);
        }
        if (fee != null) {
            p.managementFee = new ManagementFee(new BigDecimal(fee), List.of());
        }
        p.projects.addAll(List.of(projects));
        PlanValidator.validate(p, "test");
        return p;
    }

    /**
     * @param id     project id
     * @param name   project name
     * @param amount amount in 万元
     * @param more   further settings
     * @return a project
     */
    public static Project project(String id, String name, String amount, Consumer<Project> more) {
        Project p = new Project();
        p.id = id;
        p.name = name;
        p.amount = new BigDecimal(amount);
        more.accept(p);
        return p;
    }

    /**
     * A classified project: category, chain and village type set, infrastructure flag from the category.
     *
     * @param id       id
     * @param amount   万元
     * @param category category
     * @param chain    industry chain or null
     * @param village  village type
     * @return a project named after its category
     */
    public static Project classified(String id, String amount, Category category, IndustryChain chain, VillageType village) {
        return project(id, "测试" + category.label() + "项目" + id, amount, p -> {
            p.category = category;
            p.industryChain = chain;
            p.villageType = village;
            p.infrastructure = category == Category.INFRASTRUCTURE;
        });
    }

    /** @param file a JSON plan @return the validated plan */
    public static CountyPlan read(String file) {
        return PlanJsonReader.read(Path.of(file));
    }
}
