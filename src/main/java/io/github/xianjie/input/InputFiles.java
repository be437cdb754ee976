package io.github.xianjie.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads input files whole, turning I/O failures into {@link InputException}s that name the file. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * @param file  the file
     * @param label how to name it in messages, e.g. the file itself or {@code --plan-meta FILE}
     * @return its bytes
     * @throws InputException when it does not exist or cannot be read
     */
    public static byte[] read(Path file, String label) {
        Limits.fileSize(file, label);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(label + ": 文件不存在 (file not found)");
        } catch (IOException e) {
            throw new InputException(label + ": 无法读取 (cannot read): " + e.getMessage());
        }
    }
}
