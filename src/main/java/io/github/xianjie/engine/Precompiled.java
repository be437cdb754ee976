package io.github.xianjie.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The rules of {@code rules/} as compiled into the jar at build time (the executable model, written by
 * {@link ModelBuild}). Used only for a ruleset whose DRL is byte for byte the DRL they were compiled
 * from (same SHA-256 over the DRL files, {@link Ruleset#drlDigest}); parameters and keyword data are
 * read from the ruleset at run time either way.
 */
public final class Precompiled {
    /** Classpath resource naming the generated model classes and the DRL digest they were built from. */
    static final String MANIFEST = "xianjie-model/model.properties";

    private Precompiled() {
    }

    /**
     * @return the DRL digest the bundled model was built from, or null when the jar has none
     */
    static String drlSha256() {
        Properties p = manifest();
        return p == null ? null : p.getProperty("drl.sha256");
    }

    /**
     * @param ruleset a loaded ruleset
     * @return a new KieBase from the precompiled model when its DRL is the one compiled in, else null
     * @throws RulesetException when the manifest names a class the jar does not hold
     */
    static KieBase kieBaseFor(Ruleset ruleset) {
        return kieBaseFor(ruleset, null);
    }

    /**
     * The precompiled rules of some DRL packages only (e.g. the audit's), in a KieBase of their own.
     *
     * @param ruleset  a loaded ruleset
     * @param packages DRL package names to include ({@code io.github.xianjie.rules.ledger}, …); null: all
     * @return a new KieBase from the precompiled model when the ruleset's whole DRL set is the one compiled
     *         in, else null (the caller compiles at run time)
     * @throws RulesetException when the manifest names a class the jar does not hold
     */
    public static KieBase kieBaseFor(Ruleset ruleset, java.util.Collection<String> packages) {
        Properties p = manifest();
        if (p == null || !Ruleset.drlDigest(ruleset.drl()).equals(p.getProperty("drl.sha256"))) {
            return null;
        }
        StartupTrace.mark("model manifest, DRL digest");
        List<Model> models = new ArrayList<>();
        for (String name : p.getProperty("models", "").split(",")) {
            name = name.trim();
            if (name.isBlank() || packages != null && !packages.contains(name.substring(0, Math.max(0, name.lastIndexOf('.'))))) {
                continue;
            }
            try {
                models.add((Model) Class.forName(name, true, Precompiled.class.getClassLoader())
                        .getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new RulesetException("内置规则模型损坏 (precompiled model class " + name + "): " + e);
            }
        }
        if (models.isEmpty()) {
            return null;
        }
        StartupTrace.mark("model classes loaded (" + models.size() + ")");
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    private static Properties manifest() {
        try (InputStream in = Precompiled.class.getClassLoader().getResourceAsStream(MANIFEST)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            return null;
        }
    }
}
