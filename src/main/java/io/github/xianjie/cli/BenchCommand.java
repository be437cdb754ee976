package io.github.xianjie.cli;

import io.github.xianjie.domain.Allocation;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.ManagementFee;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanValidator;
import io.github.xianjie.params.ParameterSet;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xianjie bench}: measures rule build time, evaluation time and heap on synthetic plans made from the
 * real Wusu 2024 project names (speed and memory are measured here, not in timed unit tests).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"性能测试：规则编译时间、每个计划的检查时间、每秒项目数和内存。",
                "Benchmark: rule build time, time per plan, projects per second and heap."})
public final class BenchCommand implements Callable<Integer> {
    private static final List<String> NAMES = List.of(
            "乌苏市八十四户乡党家庄村温室育苗大棚建设项目", "乌苏市塔布勒合特蒙古民族乡购买生产母羊建设项目",
            "乌苏市塔布勒合特蒙古民族乡牧民新村养殖小区二期建设项目", "乌苏市百泉镇天富利辣椒烘干厂二期建设项目",
            "乌苏市石桥乡铁架子牧民新村供水保障提升工程", "乌苏市四棵树镇斗渠建设项目", "乌苏市夹河子乡红房子村育苗基地建设项目",
            "乌苏市甘河子镇包家庄子村人居环境整治项目", "乌苏市西大沟镇科克萨拉村道路建设项目",
            "乌苏市石桥乡残膜回收及加厚膜集中储存点建设项目", "某村村委会办公楼建设项目", "某乡购置公务用车项目");

    @Option(names = "--projects", defaultValue = "1000", description = "每个计划的项目数 (default: ${DEFAULT-VALUE})")
    int projects;

    @Option(names = "--plans", defaultValue = "10", description = "计划个数（第一个为预热）(default: ${DEFAULT-VALUE})")
    int plans;

    @Mixin
    RulesetOptions rulesetOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (projects < 1 || plans < 2) {
            throw new InputException("--projects 至少为 1，--plans 至少为 2");
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Ruleset ruleset = rulesetOptions.ruleset();
        ParameterSet params = rulesetOptions.parameters(ruleset);
        RuleEngine engine = RuleEngine.build(ruleset);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        out.printf("rules: %d DRL rules built in %d ms (ruleset %s)%n", engine.rules().size(), buildMs, ruleset.version());
        out.printf("segmenter: HanLP loaded in %.0f ms (user dictionary of the ruleset; loaded once, on first need)%n",
                ruleset.keywords().reader().load());
        long total = 0;
        long results = 0;
        Runtime rt = Runtime.getRuntime();
        long maxUsed = 0;
        for (int i = 0; i < plans; i++) {
            CountyPlan plan = synthetic(projects, i);
            long s = System.nanoTime();
            Evaluation ev = engine.evaluate(plan, params, RuleEngine.referenceDate(rulesetOptions.measuresYear(2024)));
            long ns = System.nanoTime() - s;
            maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
            if (i > 0) {
                total += ns;
                results += ev.results().size();
            }
        }
        double perPlanMs = total / 1e6 / (plans - 1);
        out.printf("evaluate: %d plans × %d projects, %.1f ms per plan, %.0f projects/s, %d results per plan%n",
                plans - 1, projects, perPlanMs, projects * 1000.0 / perPlanMs, results / (plans - 1));
        out.printf("heap: max used %d MiB of %d MiB max%n", maxUsed >> 20, rt.maxMemory() >> 20);
        out.flush();
        return 0;
    }

    static CountyPlan synthetic(int n, int seed) {
        CountyPlan p = new CountyPlan();
        p.county = "测试县";
        p.year = 2024;
        p.fundSource = seed % 2 == 0 ? FundSource.CENTRAL : FundSource.REGIONAL;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            Project pr = new Project();
            pr.id = "P" + (i + 1);
            pr.name = NAMES.get((i + seed) % NAMES.size());
            pr.amount = new BigDecimal(100 + (i * 37 + seed) % 900).movePointLeft(1);
            total = total.add(pr.amount);
            p.projects.add(pr);
        }
        p.allocation = new Allocation(total, null, null, null, null, null);
        p.managementFee = new ManagementFee(BigDecimal.ZERO, List.of());
        PlanValidator.validate(p, "bench");
        return p;
    }
}
