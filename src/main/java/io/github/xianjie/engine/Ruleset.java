package io.github.xianjie.engine;

import io.github.xianjie.classify.KeywordCatalogue;
import io.github.xianjie.params.ParameterSet;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A ruleset folder as laid out in {@code rules/}: DRL files by area, {@code parameters/} (dated
 * thresholds), {@code keywords/} (the keyword catalogue) and {@code ruleset.yaml} (its version).
 * Loaded from a folder on disk or from the copy bundled in the jar.
 *
 * @param root       the folder
 * @param drl        DRL sources keyed by path relative to the folder, sorted
 * @param parameters the parameter files
 * @param keywords   the keyword catalogue
 * @param version    the ruleset version from {@code ruleset.yaml}
 * @param sha256     SHA-256 over every file of the folder (paths and contents, sorted)
 */
public record Ruleset(Path root, Map<String, String> drl, ParameterSet parameters, KeywordCatalogue keywords,
                      String version, String sha256) {
    /** Where the jar keeps its bundled copy of {@code rules/}. */
    public static final String BUNDLED = "xianjie-rules";
    private static final Pattern PARAMETER_REF = Pattern.compile("Parameter\\s*\\(\\s*name\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("(?m)^version:\\s*\"?([^\"\\s]+)\"?");

    /**
     * Loads a ruleset folder.
     *
     * @param root the folder (e.g. {@code rules/})
     * @return the ruleset
     * @throws RulesetException when the folder is missing or unreadable
     */
    public static Ruleset load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RulesetException("规则目录不存在: " + root);
        }
        Map<String, String> drl = new LinkedHashMap<>();
        MessageDigest sha = newDigest();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(f);
                sha.update(rel.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
                if (rel.endsWith(".drl")) {
                    drl.put(rel, new String(bytes, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new RulesetException("读取规则目录失败: " + root + ": " + e.getMessage());
        }
        String version = null;
        Path meta = root.resolve("ruleset.yaml");
        if (!Files.exists(meta)) {
            throw new RulesetException(meta + ": 缺少规则集版本文件 ruleset.yaml (version: …) (missing ruleset.yaml)");
        } else {
            try {
                Matcher m = VERSION.matcher(Files.readString(meta, StandardCharsets.UTF_8));
                if (m.find()) {
                    version = m.group(1);
                }
            } catch (IOException e) {
                throw new RulesetException(meta + ": " + e.getMessage());
            }
        }
        if (version == null) {
            throw new RulesetException(meta + ": 缺少 version (missing version)");
        }
        if (drl.isEmpty()) {
            throw new RulesetException(root + ": 规则目录中没有 .drl 规则文件 (no DRL files in the ruleset folder)");
        }
        StartupTrace.mark("ruleset files read, SHA-256");
        ParameterSet parameters = ParameterSet.load(root);
        StartupTrace.mark("parameters (YAML)");
        Matcher ref = PARAMETER_REF.matcher("");
        for (Map.Entry<String, String> e : drl.entrySet()) {
            ref.reset(e.getValue());
            while (ref.find()) {
                if (parameters.get(ref.group(1)) == null) {
                    throw new RulesetException(root.resolve(e.getKey()) + ": 规则引用的参数「" + ref.group(1) + "」没有参数文件 "
                            + root.resolve("parameters/" + ref.group(1).replace('.', '/') + ".yaml") + " (missing parameter file)");
                }
            }
        }
        KeywordCatalogue keywords = KeywordCatalogue.load(root);
        StartupTrace.mark("keyword catalogue");
        return new Ruleset(root, drl, parameters, keywords, version, HexFormat.of().formatHex(sha.digest()));
    }

    /**
     * Loads the ruleset bundled in the jar (a copy of {@code rules/} at build time).
     *
     * @return the ruleset
     * @throws RulesetException when the jar has no bundled rules
     */
    public static Ruleset bundled() {
        URL url = Ruleset.class.getClassLoader().getResource(BUNDLED + "/ruleset.yaml");
        if (url == null) {
            throw new RulesetException("jar 中没有内置规则 (" + BUNDLED + ")；请用 --rules 指定规则目录");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return load(fs.getPath(BUNDLED));
            }
            return load(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new RulesetException("无法读取内置规则: " + e.getMessage());
        }
    }

    /**
     * The ruleset to use: an explicit folder, else {@code $XIANJIE_RULES}, else the bundled copy.
     *
     * @param folder the {@code --rules} option, or null
     * @return the ruleset
     */
    public static Ruleset locate(Path folder) {
        if (folder != null) {
            return load(folder);
        }
        String env = System.getenv("XIANJIE_RULES");
        if (env != null && !env.isBlank()) {
            return load(Path.of(env));
        }
        return bundled();
    }

    /**
     * SHA-256 over every file of a folder (relative paths and contents, sorted), as for a ruleset.
     *
     * @param dir a folder, e.g. a jurisdiction profile
     * @return the hex digest
     * @throws RulesetException when the folder cannot be read
     */
    public static String digest(Path dir) {
        MessageDigest sha = newDigest();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new RulesetException("读取目录失败: " + dir + ": " + e.getMessage());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * SHA-256 over the DRL files alone (relative paths and contents, sorted by path): what the
     * precompiled rules in the jar were built from. Parameters and keyword data are not part of it, so
     * editing them keeps the precompiled rules in use.
     *
     * @param drl DRL sources keyed by path relative to the ruleset folder
     * @return the hex digest
     */
    public static String drlDigest(Map<String, String> drl) {
        MessageDigest sha = newDigest();
        for (String rel : new java.util.TreeMap<>(drl).keySet()) {
            sha.update(rel.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(drl.get(rel).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
