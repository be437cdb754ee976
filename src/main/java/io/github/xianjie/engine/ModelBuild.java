package io.github.xianjie.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Build step (run by Maven in {@code process-classes}): compiles the DRL of a ruleset folder to the
 * executable model and writes the generated classes into the build output, with
 * {@value Precompiled#MANIFEST} naming the model classes and the SHA-256 of the DRL set they were
 * compiled from (see {@link Ruleset#drlDigest}). At start {@link Precompiled} instantiates those classes
 * instead of compiling DRL.
 */
public final class ModelBuild {
    private ModelBuild() {
    }

    /**
     * @param args {@code RULES_DIR OUTPUT_DIR}, e.g. {@code rules target/classes}
     * @throws IOException when the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ModelBuild RULES_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Ruleset ruleset = Ruleset.load(Path.of(args[0]));
        Path out = Path.of(args[1]);
        long t0 = System.nanoTime();
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId rid = ks.newReleaseId("io.github.xianjie", "ruleset-model", ruleset.version());
        kfs.generateAndWritePomXML(rid);
        for (Map.Entry<String, String> e : ruleset.drl().entrySet()) {
            kfs.write("src/main/resources/rules/" + e.getKey(), e.getValue());
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> problems = kb.getResults().getMessages(Message.Level.ERROR);
        if (!problems.isEmpty()) {
            for (Message m : problems) {
                System.err.println("ERROR " + m.getPath() + ":" + m.getLine() + ":" + m.getColumn() + " " + m.getText());
            }
            System.exit(1);
        }
        InternalKieModule km = (InternalKieModule) kb.getKieModule();
        List<String> models = new ArrayList<>();
        int classes = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(km.getBytes()))) {
            for (ZipEntry z; (z = zip.getNextEntry()) != null; ) {
                String name = z.getName();
                byte[] bytes = zip.readAllBytes();
                if (name.endsWith(".class") && !name.startsWith("org/drools/project/model/")) {
                    Path f = out.resolve(name);
                    Files.createDirectories(f.getParent());
                    Files.write(f, bytes);
                    classes++;
                } else if (name.startsWith("META-INF/kie/") && name.endsWith("drools-model")) {
                    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
                        if (!line.isBlank() && !line.startsWith("Drools-Model-Version")) {
                            models.add(line.trim());
                        }
                    }
                }
            }
        }
        if (models.isEmpty()) {
            System.err.println("ModelBuild: no model classes generated");
            System.exit(1);
        }
        Path manifest = out.resolve(Precompiled.MANIFEST);
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "# written by io.github.xianjie.engine.ModelBuild from " + args[0] + "\n"
                + "drl.sha256=" + Ruleset.drlDigest(ruleset.drl()) + "\n"
                + "models=" + String.join(",", models) + "\n", StandardCharsets.UTF_8);
        System.out.printf("ModelBuild: %d DRL files -> %d classes, %d models in %d ms%n", ruleset.drl().size(), classes,
                models.size(), (System.nanoTime() - t0) / 1_000_000);
    }
}
