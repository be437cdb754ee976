package io.github.xianjie.cli;

import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.params.ParameterSet;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.xianjie.input.InputException;
import picocli.CommandLine.Option;

/** Options shared by commands that apply rules: which ruleset, which profile, which year's measures. */
public final class RulesetOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "规则目录（默认：$XIANJIE_RULES，否则 jar 内置规则）")
    Path rules;

    @Option(names = "--profile", paramLabel = "DIR",
            description = "地方配置目录：其 parameters/ 覆盖同名参数文件 (jurisdiction profile)")
    Path profile;

    @Option(names = "--measures-year", paramLabel = "YEAR",
            description = "按该年度的办法与参数检查（默认：计划年度）")
    Integer measuresYear;

    /** @return the ruleset named by {@code --rules}, {@code $XIANJIE_RULES} or the jar. */
    public Ruleset ruleset() {
        return Ruleset.locate(rules);
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
        return ruleset.parameters().overlay(ParameterSet.load(profile));
    }

    /**
     * @param planYear the plan's year
     * @return the {@code --measures-year}, or the plan's year
     */
    public int measuresYear(int planYear) {
        if (measuresYear != null && (measuresYear < 2000 || measuresYear > 2100)) {
            throw new InputException("--measures-year: " + measuresYear + " 不在 2000–2100 之间");
        }
        return measuresYear != null ? measuresYear : planYear;
    }

    /** @return the profile folder's name, or null. */
    public String profileName() {
        return profile == null ? null : profile.toString();
    }
}
