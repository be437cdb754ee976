package io.github.xianjie.input;

import io.github.xianjie.domain.CountyPlan;
import java.nio.file.Path;
import java.util.Locale;

/** Chooses the reader by file extension. */
public final class PlanReaders {
    private PlanReaders() {
    }

    /**
     * @param file a plan file: {@code .json}
     * @return the validated plan
     * @throws InputException for an unsupported extension or invalid content
     */
    public static CountyPlan read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return PlanJsonReader.read(file);
        }
        throw new InputException(file + ": 不支持的文件类型，应为 .json (unsupported file type)");
    }
}
