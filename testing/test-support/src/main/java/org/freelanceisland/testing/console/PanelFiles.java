package org.freelanceisland.testing.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The files of a console panel (or of the console itself) as a unit test sees them in
 * {@code src/main/resources}: the manifest, the messages in Japanese and English and the ES
 * modules. It finds what would show up as a raw message key, a missing English text, a
 * placeholder that is not filled, or a module that cannot be loaded, without a browser:
 *
 * <pre>{@code
 * PanelFiles panel = PanelFiles.of(Path.of("src/main/resources/console-panel"));
 * assertEquals(List.of(), panel.problems());
 * assertEquals(List.of(), panel.missingLabels("flag.", PersonFlag.class));
 * }</pre>
 */
public final class PanelFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A message key written literally: {@code t('key'} (also {@code ctx.t('key'}, not {@code get('...}). */
    private static final Pattern KEY = Pattern.compile("(?<![\\w$])t\\('([^']+)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");
    /** Relative imports: {@code from './x.js'} and {@code import(`./x.js?v=...`)}. */
    private static final Pattern IMPORT = Pattern.compile("(?:from\\s+'|import\\(\\s*[`'])(\\.{1,2}/[\\w./-]+?\\.js)");
    private static final Pattern SAFE_PATH = Pattern.compile("(?!.*\\.\\.)[A-Za-z0-9_\\-./]+");

    private final Path dir;
    private final Map<String, String> ja;
    private final Map<String, String> en;
    private final Map<Path, String> scripts;

    private PanelFiles(Path dir, Map<String, String> ja, Map<String, String> en, Map<Path, String> scripts) {
        this.dir = dir;
        this.ja = ja;
        this.en = en;
        this.scripts = scripts;
    }

    /**
     * Reads a panel's directory.
     *
     * @param dir the directory with {@code messages.ja.json}, {@code messages.en.json}, the
     *        modules (in it or below it) and, for a panel, {@code panel.json}
     * @return the files
     */
    public static PanelFiles of(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            Map<Path, String> scripts = new TreeMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                scripts.put(file, Files.readString(file, StandardCharsets.UTF_8));
            }
            return new PanelFiles(dir, messages(dir.resolve("messages.ja.json")), messages(dir.resolve("messages.en.json")),
                    scripts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> messages(Path file) throws IOException {
        Map<String, String> messages = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return messages;
        }
        JsonNode root = JSON.readTree(file.toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            messages.put(entry.getKey(), entry.getValue().isTextual() ? entry.getValue().asText() : null);
        }
        return messages;
    }

    /**
     * Everything that is wrong: the manifest (when there is one) names files that exist and menu
     * entries with a route and a label in both languages; both message files exist, have the same
     * keys, only texts (non-empty in Japanese) and the same placeholders per key; every key a module writes
     * literally ({@code t('key')}) is in the messages; every relative import exists.
     *
     * @return one line per problem; empty when all is well
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        manifest(problems);
        if (ja.isEmpty()) {
            problems.add("messages.ja.json is missing or empty");
        }
        for (String key : ja.keySet()) {
            if (!en.containsKey(key)) {
                problems.add("messages.en.json lacks " + key);
            }
        }
        for (String key : en.keySet()) {
            if (!ja.containsKey(key)) {
                problems.add("messages.ja.json lacks " + key);
            }
        }
        for (Map.Entry<String, String> entry : ja.entrySet()) {
            String key = entry.getKey();
            String other = en.get(key);
            if (!en.containsKey(key)) {
                continue; // reported above
            }
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                problems.add("messages.ja.json: " + key + " is not a text");
            } else if (other == null) {
                problems.add("messages.en.json: " + key + " is not a text"); // may be empty: a unit English writes without
            } else if (!placeholders(entry.getValue()).equals(placeholders(other))) {
                problems.add(key + ": the placeholders differ: " + placeholders(entry.getValue()) + " / " + placeholders(other));
            }
        }
        for (Map.Entry<Path, String> script : scripts.entrySet()) {
            String name = dir.relativize(script.getKey()).toString();
            Matcher key = KEY.matcher(script.getValue());
            while (key.find()) {
                if (!ja.containsKey(key.group(1))) {
                    problems.add(name + " uses the message " + key.group(1) + ", which is not in messages.ja.json");
                }
            }
            Matcher imported = IMPORT.matcher(script.getValue());
            while (imported.find()) {
                if (!Files.exists(script.getKey().getParent().resolve(imported.group(1)).normalize())) {
                    problems.add(name + " imports " + imported.group(1) + ", which does not exist");
                }
            }
        }
        return problems;
    }

    private void manifest(List<String> problems) {
        Path file = dir.resolve("panel.json");
        if (!Files.exists(file)) {
            return;
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(file.toFile());
        } catch (IOException e) {
            problems.add("panel.json is not JSON: " + e.getMessage());
            return;
        }
        file(problems, "entry", manifest.path("entry").asText("panel.js"));
        if (manifest.has("css")) {
            file(problems, "css", manifest.path("css").asText());
        }
        JsonNode home = manifest.path("home");
        if (home.isTextual()) {
            file(problems, "home", home.asText());
        } else if (home.isObject()) {
            file(problems, "home.entry", home.path("entry").asText());
        }
        roles(problems, "role", manifest.path("role"));
        Set<String> routes = new TreeSet<>();
        for (JsonNode entry : manifest.path("menu")) {
            String route = entry.path("route").asText("");
            if (route.isEmpty() || !SAFE_PATH.matcher(route).matches() || !routes.add(route)) {
                problems.add("panel.json: a menu entry needs a route of its own of letters, digits, _-./: " + entry);
            }
            if (entry.path("label").path("ja").asText("").isBlank() || entry.path("label").path("en").asText("").isBlank()) {
                problems.add("panel.json: menu entry " + route + " needs a label in ja and en");
            }
            roles(problems, "menu " + route + " role", entry.path("role"));
        }
    }

    private void file(List<String> problems, String what, String path) {
        if (!SAFE_PATH.matcher(path).matches() || !Files.isRegularFile(dir.resolve(path))) {
            problems.add("panel.json: " + what + " " + path + " is not a file of the panel");
        }
    }

    private static void roles(List<String> problems, String what, JsonNode role) {
        Set<String> known = Set.of("admin", "staff", "coordinator", "juror");
        List<String> roles = new ArrayList<>();
        if (role.isTextual()) {
            roles.add(role.asText());
        } else if (role.isArray()) {
            role.forEach(r -> roles.add(r.asText()));
        } else if (!role.isMissingNode() && !role.isNull()) {
            problems.add("panel.json: " + what + " must be a role or a list of roles");
        }
        roles.stream().filter(r -> !known.contains(r)).forEach(r -> problems.add("panel.json: " + what + " " + r + " is no role"));
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The codes that have no label {@code <prefix><code>} in either language (labels the panel
     * builds from a code, such as {@code t(`flag.${code}`)}).
     *
     * @param prefix for example {@code flag.}
     * @param codes the codes
     * @return {@code <prefix><code>} of each label missing
     */
    public List<String> missingLabels(String prefix, Collection<String> codes) {
        return codes.stream().map(code -> prefix + code).filter(key -> !ja.containsKey(key) || !en.containsKey(key))
                .collect(Collectors.toList());
    }

    /**
     * The constants of an enumeration that have no label {@code <prefix><NAME>} in either language.
     *
     * @param prefix for example {@code flag.}
     * @param type the enumeration
     * @return {@code <prefix><NAME>} of each label missing
     */
    public List<String> missingLabels(String prefix, Class<? extends Enum<?>> type) {
        return missingLabels(prefix, Stream.of(type.getEnumConstants()).map(Enum::name).toList());
    }

    /**
     * The strings of an array constant a module declares, such as
     * {@code export const FLAGS = ['A', 'B'];} (to compare a panel's codes with the API's).
     *
     * @param module the module's path in the directory, for example {@code common.js}
     * @param name the constant's name
     * @return the strings in order
     * @throws AssertionError when the module declares no such constant
     */
    public List<String> arrayConstant(String module, String name) {
        String source = scripts.get(dir.resolve(module));
        Matcher m = source == null ? null
                : Pattern.compile("const\\s+" + Pattern.quote(name) + "\\s*=\\s*\\[([^\\]]*)\\]").matcher(source);
        if (m == null || !m.find()) {
            throw new AssertionError(module + " declares no array constant " + name);
        }
        List<String> values = new ArrayList<>();
        Matcher item = Pattern.compile("'([^']*)'").matcher(m.group(1));
        while (item.find()) {
            values.add(item.group(1));
        }
        return values;
    }
}
