package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * How programs are packaged, checked on what the build produced (surefire: a violation fails the
 * build, not the administrator):
 * <ul>
 * <li>a program feature stands on the platform feature alone and holds only the program's own
 * bundles, at start level 90;</li>
 * <li>nothing can be wired to a program bundle: it exports no package and is no fragment. So
 * neither installing nor uninstalling it gives Karaf anything to refresh but the program itself,
 * whether the features service is asked to refresh ({@code feature:install} without
 * {@code --no-auto-refresh}, a KAR in {@code deploy/}) or not;</li>
 * <li>every program ships as a KAR ({@code features/kars/<id>}) that holds its feature and its
 * bundles.</li>
 * </ul>
 */
class ProgramPackagingTest {

    private static final List<String> PLATFORM_FEATURES = List.of("freelance-island-platform", "freelance-island-rest",
            "freelance-island-persistence");

    /** A program feature as the distribution ships it. */
    record ProgramFeature(String id, String version, List<String> bundles, List<String> startLevels,
            List<String> dependencies) {
    }

    @Test
    void programFeaturesHoldOnlyTheirOwnBundlesOverThePlatform() throws Exception {
        List<ProgramFeature> programs = programFeatures(featuresFile());
        assertFalse(programs.isEmpty(), "the distribution offers no program");
        List<String> violations = new ArrayList<>();
        for (ProgramFeature program : programs) {
            if (!program.dependencies().equals(List.of("freelance-island-platform"))) {
                violations.add(program.id() + " depends on features " + program.dependencies()
                        + " (a program feature depends on freelance-island-platform only)");
            }
            for (int i = 0; i < program.bundles().size(); i++) {
                String bundle = program.bundles().get(i);
                if (!bundle.startsWith("mvn:org.freelanceisland/")) {
                    violations.add(program.id() + " holds " + bundle
                            + ": a shared library belongs in the platform feature (else installing the program refreshes other bundles)");
                }
                if (!"90".equals(program.startLevels().get(i))) {
                    violations.add(program.id() + " starts " + bundle + " at level " + program.startLevels().get(i) + ", not 90");
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void nothingCanBeWiredToAProgramBundle() throws Exception {
        Path system = assembly().resolve("system");
        List<String> violations = new ArrayList<>();
        for (ProgramFeature program : programFeatures(featuresFile())) {
            for (String bundle : program.bundles()) {
                Path jar = system.resolve(mavenPath(bundle));
                assertTrue(Files.isRegularFile(jar), jar + " is missing");
                Attributes headers;
                try (JarFile file = new JarFile(jar.toFile())) {
                    headers = file.getManifest().getMainAttributes();
                }
                String exports = headers.getValue("Export-Package");
                if (exports != null && !exports.isBlank()) {
                    violations.add(program.id() + ": " + bundle + " exports " + exports);
                }
                if (headers.getValue("Fragment-Host") != null) {
                    violations.add(program.id() + ": " + bundle + " is a fragment of " + headers.getValue("Fragment-Host"));
                }
            }
        }
        assertEquals(List.of(), violations, "programs export nothing, so that installing or retiring one refreshes nothing else");
    }

    @Test
    void everyProgramShipsAsAKarWithItsFeatureAndBundles() throws Exception {
        Path kars = Path.of(System.getProperty("freelanceisland.distribution.dir", "../distribution/target"))
                .resolve("../../features/kars").normalize();
        List<String> violations = new ArrayList<>();
        for (ProgramFeature program : programFeatures(featuresFile())) {
            String name = "freelance-island-" + program.id();
            Path kar = kars.resolve(program.id()).resolve("target").resolve(name + "-" + program.version() + ".kar");
            if (!Files.isRegularFile(kar)) {
                violations.add(program.id() + " has no KAR: add features/kars/" + program.id()
                        + "/pom.xml (see features/kars/terakoya/pom.xml and docs/program-modules.md)");
                continue;
            }
            try (ZipFile zip = new ZipFile(kar.toFile())) {
                String featuresPath = "repository/org/freelanceisland/" + name + "/" + program.version() + "/" + name + "-"
                        + program.version() + "-features.xml";
                ZipEntry features = zip.getEntry(featuresPath);
                if (features == null) {
                    violations.add(kar.getFileName() + " lacks " + featuresPath);
                    continue;
                }
                List<ProgramFeature> inKar;
                try (InputStream in = zip.getInputStream(features)) {
                    inKar = programFeatures(parse(in));
                }
                if (inKar.size() != 1 || !inKar.get(0).equals(program)) {
                    violations.add(kar.getFileName() + " holds " + inKar + " instead of " + program);
                }
                for (String bundle : program.bundles()) {
                    if (zip.getEntry("repository/" + mavenPath(bundle)) == null) {
                        violations.add(kar.getFileName() + " lacks the bundle " + bundle);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theFeaturesServiceAndKarsRefreshNothingOnTheirOwn() throws Exception {
        // feature:install / feature:uninstall at the shell and KARs in deploy/ must behave like
        // island:install (see the distribution's pom and docs/program-modules.md)
        assertEquals("false", setting("etc/org.apache.karaf.features.cfg", "autoRefresh"));
        assertEquals("true", setting("etc/org.apache.karaf.kar.cfg", "noAutoRefreshBundles"));
    }

    private static String setting(String file, String key) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = Files.newInputStream(assembly().resolve(file))) {
            properties.load(in);
        }
        return properties.getProperty(key, "").trim();
    }

    @Test
    void mavenUrlsMapToRepositoryPaths() {
        assertEquals("org/freelanceisland/terakoya/1.0/terakoya-1.0.jar", mavenPath("mvn:org.freelanceisland/terakoya/1.0"));
        assertEquals("a/b/c/1/c-1-features.xml", mavenPath("mvn:a.b/c/1/xml/features"));
    }

    private static Path assembly() {
        Path assembly = Path.of(System.getProperty("freelanceisland.distribution.dir", "../distribution/target"))
                .resolve("assembly");
        assertTrue(Files.isDirectory(assembly.resolve("system")), "build the distribution first: " + assembly.toAbsolutePath());
        return assembly;
    }

    private static Document featuresFile() throws Exception {
        Path system = assembly().resolve("system");
        Path file;
        try (Stream<Path> files = Files.walk(system.resolve("org/freelanceisland/freelance-island-features"))) {
            file = files.filter(p -> p.getFileName().toString().endsWith("-features.xml")).findFirst()
                    .orElseThrow(() -> new AssertionError("the Freelance Island features file is not in " + system));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    private static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(in);
    }

    /** The program features of a features file, in the file's order. */
    static List<ProgramFeature> programFeatures(Document document) {
        Map<String, ProgramFeature> programs = new LinkedHashMap<>();
        NodeList features = document.getDocumentElement().getChildNodes();
        for (int i = 0; i < features.getLength(); i++) {
            if (!(features.item(i) instanceof Element feature) || !"feature".equals(feature.getLocalName())) {
                continue;
            }
            String name = feature.getAttribute("name");
            if (!name.startsWith("freelance-island-") || PLATFORM_FEATURES.contains(name)) {
                continue;
            }
            List<String> bundles = new ArrayList<>();
            List<String> levels = new ArrayList<>();
            List<String> dependencies = new ArrayList<>();
            for (Node child = feature.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && "bundle".equals(element.getLocalName())) {
                    bundles.add(element.getTextContent().trim());
                    levels.add(element.getAttribute("start-level"));
                } else if (child instanceof Element element && "feature".equals(element.getLocalName())) {
                    dependencies.add(element.getTextContent().trim());
                }
            }
            String id = name.substring("freelance-island-".length());
            programs.put(id, new ProgramFeature(id, feature.getAttribute("version"), bundles, levels, dependencies));
        }
        return new ArrayList<>(programs.values());
    }

    /** The path of a {@code mvn:} URL in a Maven repository. */
    static String mavenPath(String url) {
        String[] parts = url.substring(url.indexOf("mvn:") + 4).split("/");
        String type = parts.length > 3 ? parts[3] : "jar";
        String classifier = parts.length > 4 ? "-" + parts[4] : "";
        return parts[0].replace('.', '/') + "/" + parts[1] + "/" + parts[2] + "/" + parts[1] + "-" + parts[2] + classifier + "." + type;
    }
}
