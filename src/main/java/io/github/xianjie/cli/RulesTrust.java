package io.github.xianjie.cli;

import io.github.xianjie.engine.RulesetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The trust boundary of a ruleset folder: its DRL files are code (a rule's consequence is Java that runs with
 * the user's rights), so a folder that other users may write is refused. Plan files, tables and profiles are
 * data and are never executed. Only POSIX "others may write" is refused; group-writable folders are accepted,
 * as a shared checkout under umask 002 is common and its group is chosen by its owner.
 */
final class RulesTrust {
    private RulesTrust() {
    }

    /**
     * @param folder a {@code --rules} folder or {@code $XIANJIE_RULES}
     * @param label  how messages name it
     * @throws RulesetException when the folder or a file in it is writable by others
     */
    static void check(Path folder, String label) {
        if (!Files.isDirectory(folder)) {
            return; // Ruleset.load reports a missing folder
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted().toList()) {
                Set<PosixFilePermission> perms;
                try {
                    perms = Files.getPosixFilePermissions(f, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                } catch (UnsupportedOperationException e) {
                    return; // not a POSIX file system (Windows): no such check there
                }
                if (perms.contains(PosixFilePermission.OTHERS_WRITE) && !Files.isSymbolicLink(f)) {
                    throw new RulesetException(label + ": " + f + " 可被其他用户写入；规则目录是代码（DRL 中的 Java 会被执行），"
                            + "拒绝加载，请执行 chmod -R o-w " + folder + " (refusing a rules folder writable by others: rules are code)");
                }
            }
        } catch (IOException e) {
            throw new RulesetException(label + ": 无法读取规则目录 (cannot read the rules folder): " + e.getMessage());
        }
    }
}
