package io.github.xianjie.cli;

import io.github.xianjie.input.InputException;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --format text|json} and {@code --lang zh|en} options of the listing commands (rules, diff). */
public final class OutputOptions {
    @Option(names = "--format", defaultValue = "text", description = "text | json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--lang", defaultValue = "zh", description = "zh | en (default: ${DEFAULT-VALUE})")
    String lang;

    /**
     * @throws InputException naming the option when a value is not one of the accepted ones
     */
    void validate() {
        if (!List.of("text", "json").contains(format)) {
            throw new InputException("--format: '" + format + "' 无效，可用：text, json");
        }
        if (!List.of("zh", "en").contains(lang)) {
            throw new InputException("--lang: '" + lang + "' 无效，可用：zh, en");
        }
    }

    /** @return true for {@code --format json} */
    boolean json() {
        return format.equals("json");
    }

    /** @return true for {@code --lang en} */
    boolean english() {
        return lang.equals("en");
    }
}
