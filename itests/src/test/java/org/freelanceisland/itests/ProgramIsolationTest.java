package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The house rule that programs never import each other, checked on what the distribution ships:
 * no bundle of one program feature imports a package exported by a bundle of another program
 * feature, or requires another program's bundle. Runs in the build (surefire), so a violation
 * fails the build, not the administrator.
 */
class ProgramIsolationTest {

    private static final Set<String> PLATFORM_FEATURES = Set.of("freelance-island-platform", "freelance-island-rest",
            "freelance-island-persistence");

    @Test
    void programsImportNoPackageOfAnotherProgram() throws Exception {
        Path system = assembly().resolve("system");
        Map<String, List<Path>> programs = programBundles(system);
        Map<String, String> exportedBy = new HashMap<>(); // package -> program
        Map<String, Manifest> manifests = new HashMap<>();
        for (var program : programs.entrySet()) {
            for (Path jar : program.getValue()) {
                Manifest manifest = manifest(jar);
                manifests.put(program.getKey() + " " + jar.getFileName(), manifest);
                for (String pkg : packages(manifest.getMainAttributes().getValue("Export-Package"))) {
                    exportedBy.put(pkg, program.getKey());
                }
            }
        }
        List<String> violations = new ArrayList<>();
        for (var entry : manifests.entrySet()) {
            String program = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            for (String pkg : packages(entry.getValue().getMainAttributes().getValue("Import-Package"))) {
                String owner = exportedBy.get(pkg);
                if (owner != null && !owner.equals(program)) {
                    violations.add(entry.getKey() + " imports " + pkg + " of program " + owner);
                }
            }
            String requireBundle = entry.getValue().getMainAttributes().getValue("Require-Bundle");
            if (requireBundle != null && requireBundle.contains("org.freelanceisland.")) {
                violations.add(entry.getKey() + " requires bundles " + requireBundle);
            }
        }
        assertEquals(List.of(), violations, "programs must meet only through platform-api, the ledger and EventAdmin");
    }

    @Test
    void theCheckSeesTheProgramFeatures() throws Exception {
        // guards the check itself: it must find the features file and read its program features
        Map<String, List<Path>> programs = programBundles(assembly().resolve("system"));
        programs.values().forEach(jars -> jars.forEach(jar -> assertTrue(Files.isRegularFile(jar), jar + " is missing")));
    }

    private static Path assembly() {
        Path target = Path.of(System.getProperty("freelanceisland.distribution.dir", "../distribution/target"));
        Path assembly = target.resolve("assembly");
        assertTrue(Files.isDirectory(assembly.resolve("system")), "build the distribution first: " + assembly.toAbsolutePath());
        return assembly;
    }

    /** Program id to the jars of its feature's bundles, read from the features file the distribution ships. */
    private static Map<String, List<Path>> programBundles(Path system) throws Exception {
        Path features;
        try (Stream<Path> files = Files.walk(system.resolve("org/freelanceisland/freelance-island-features"))) {
            features = files.filter(p -> p.getFileName().toString().endsWith("-features.xml")).findFirst()
                    .orElseThrow(() -> new AssertionError("the Freelance Island features file is not in " + system));
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(features.toFile());
        NodeList featureNodes = document.getElementsByTagNameNS("*", "feature");
        Map<String, List<Path>> programs = new LinkedHashMap<>();
        for (int i = 0; i < featureNodes.getLength(); i++) {
            Element feature = (Element) featureNodes.item(i);
            String name = feature.getAttribute("name");
            if (name.isEmpty() || !name.startsWith("freelance-island-") || PLATFORM_FEATURES.contains(name)) {
                continue;
            }
            List<Path> jars = new ArrayList<>();
            NodeList bundles = feature.getElementsByTagNameNS("*", "bundle");
            for (int j = 0; j < bundles.getLength(); j++) {
                jars.add(system.resolve(mavenPath(bundles.item(j).getTextContent().trim())));
            }
            programs.put(name.substring("freelance-island-".length()), jars);
        }
        return programs;
    }

    private static String mavenPath(String url) {
        String[] parts = url.substring(url.indexOf("mvn:") + 4).split("/");
        String type = parts.length > 3 ? parts[3] : "jar";
        String classifier = parts.length > 4 ? "-" + parts[4] : "";
        return parts[0].replace('.', '/') + "/" + parts[1] + "/" + parts[2] + "/" + parts[1] + "-" + parts[2] + classifier + "." + type;
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        }
    }

    /** The package names of an OSGi header, ignoring attributes and directives. */
    static Set<String> packages(String header) {
        Set<String> names = new TreeSet<>();
        if (header == null) {
            return names;
        }
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String name = clause.toString().split(";")[0].trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }

    @Test
    void headersAreParsedWithQuotedVersionRanges() {
        assertEquals(Set.of("a.b", "c.d"), packages("a.b;version=\"[1.0,2)\",c.d;resolution:=optional"));
    }
}
