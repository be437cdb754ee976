package io.github.xianjie.cli;

import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.params.ParameterSet;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.xianjie.input.InputException;
import picocli.CommandLine.Option;

/** Options shared by commands that apply rules: which ruleset, which profile, which year's measures. */
public final class RulesetOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = {"规则目录，运行时编译其 DRL（默认：$XIANJIE_RULES，否则 jar 内置规则；DRL 与构建时相同则用预编译规则）。规则是代码：只用可信的目录；其他用户可写的目录被拒绝。",
                    "Rules folder, its DRL compiled at run time. Rules are code (DRL runs Java): use only a trusted folder; one writable by others is refused."})
    Path rules;

    @Option(names = "--profile", paramLabel = "DIR",
            description = "地方配置目录：其 parameters/ 覆盖同名参数文件 (jurisdiction profile)")
    Path profile;

    @Option(names = "--measures-year", paramLabel = "YEAR",
            description = "按该年度的办法与参数检查（默认：计划年度）")
    Integer measuresYear;

    /** @return the ruleset named by {@code --rules}, {@code $XIANJIE_RULES} or the jar. */
    public Ruleset ruleset() {
        if (rules != null) {
            RulesTrust.check(rules, "--rules " + rules);
        } else if (System.getenv("XIANJIE_RULES") != null && !System.getenv("XIANJIE_RULES").isBlank()) {
            RulesTrust.check(Path.of(System.getenv("XIANJIE_RULES")), "$XIANJIE_RULES");
        }
        return Ruleset.locate(rules);
    }

    /**
     * The engine for a ruleset: a folder named by {@code --rules} is compiled at run time (the user's
     * edited rules); otherwise the rules precompiled into the jar are used when the DRL is theirs
     * ({@link RuleEngine#build}).
     *
     * @param ruleset the ruleset from {@link #ruleset()}
     * @return the engine
     */
    public RuleEngine engine(Ruleset ruleset) {
        return rules != null ? RuleEngine.compile(ruleset) : RuleEngine.build(ruleset);
    }

    /**
     * @param ruleset the base ruleset
     * @return its parameters with the profile laid over them
     * @throws InputException when the profile folder does not exist
     */
    public ParameterSet parameters(Ruleset ruleset) {
        if (profile == null) {
            return ruleset.parameters();
        }
        if (!Files.isDirectory(profile)) {
            throw new InputException("--profile: 目录不存在: " + profile);
        }
        return ruleset.parameters().overlay(ParameterSet.loadProfile(profile, ruleset.parameters()));
    }

    /**
     * @param planYear the plan's year
     * @return the {@code --measures-year}, or the plan's year
     */
    public int measuresYear(int planYear) {
        int y = measuresYear != null ? measuresYear : planYear;
        if (y < 2000 || y > 2100) {
            throw new InputException((measuresYear != null ? "--measures-year" : "年度 (year)") + ": " + y + " 不在 2000–2100 之间");
        }
        return y;
    }

    /**
     * The measures year for a plan, refusing a plan year before the Measures took effect unless
     * {@code --measures-year} asks for it (a 2019 plan is not judged by 2021 rules by accident).
     *
     * @param planYear the plan's year
     * @param params   the parameters, whose {@code instruments.measures} gives the date the Measures took effect
     * @return the {@code --measures-year}, or the plan's year
     * @throws InputException naming the first year in force when the plan's year is before it
     */
    public int measuresYear(int planYear, ParameterSet params) {
        int y = measuresYear(planYear);
        var measures = params.get("instruments.measures");
        if (measuresYear == null && measures != null) {
            java.time.LocalDate from = measures.firstEffective();
            if (from != null && planYear < from.getYear()) {
                throw new InputException("计划年度 " + planYear + " 早于办法施行：" + String.join("；", measures.reference())
                        + "，首个适用年度为 " + from.getYear() + " 年；如确需按某年度办法检查，请用 --measures-year YEAR"
                        + " (plan year before the Measures took effect; first year in force " + from.getYear() + "; use --measures-year)");
            }
        }
        return y;
    }

    /**
     * @param option the option that gave the year, for the message
     * @param year   a year
     * @return the year
     * @throws InputException when it is outside 2000–2100
     */
    static int checkYear(String option, int year) {
        if (year < 2000 || year > 2100) {
            throw new InputException(option + ": " + year + " 不在 2000–2100 之间 (year out of range)");
        }
        return year;
    }

    /** @return the {@code --rules} and {@code --profile} folders given, for output-overwrite checks. */
    java.util.List<Path> folders() {
        java.util.List<Path> out = new java.util.ArrayList<>();
        if (rules != null) {
            out.add(rules);
        }
        if (profile != null) {
            out.add(profile);
        }
        return out;
    }

    /** @return the profile folder's name, or null. */
    public String profileName() {
        return profile == null ? null : profile.toString();
    }
}
