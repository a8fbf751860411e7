package org.freelanceisland.platform.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a unit's migrations. A module keeps them in its bundle under {@code db/<unit>/}, one file per
 * version: {@code V<version>__<description>.sql} for every database, or
 * {@code V<version>__<description>.h2.sql} and {@code V<version>__<description>.postgresql.sql} where
 * the two need different SQL (a variant for the database at hand wins over the common file).
 */
public final class Migrations {

    /** The folder of a bundle or class path that holds one folder of scripts per unit. */
    public static final String ROOT = "db/";

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+?)(?:\\.(h2|postgresql))?\\.sql");

    private Migrations() {
    }

    /**
     * Whether a file name is the name of a migration script.
     *
     * @param fileName the name without folders
     * @return whether it matches {@code V<n>__<description>[.<dialect>].sql}
     */
    public static boolean isScript(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /**
     * Picks the scripts that apply to a database, one per version, in version order.
     *
     * @param unit the unit
     * @param scripts the unit's script files: name (without folders) to text
     * @param dialect the database
     * @return the migrations
     * @throws IllegalArgumentException when a name is not a script name, two files claim a version, or a
     *             version has a variant for another database only
     */
    public static List<Migration> select(String unit, Map<String, String> scripts, Dialect dialect) {
        Map<Integer, Migration> common = new TreeMap<>();
        Map<Integer, Migration> specific = new TreeMap<>();
        Map<Integer, String> others = new TreeMap<>();
        for (Map.Entry<String, String> file : scripts.entrySet()) {
            Matcher m = NAME.matcher(file.getKey());
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a migration script name: " + file.getKey()
                        + " (expected V<version>__<description>[.h2|.postgresql].sql)");
            }
            int version = Integer.parseInt(m.group(1));
            if (version < 1) {
                throw new IllegalArgumentException("Migration versions start at 1: " + file.getKey());
            }
            Migration migration = new Migration(unit, version, m.group(2).replace('_', ' '), file.getKey(), file.getValue());
            Dialect variant = m.group(3) == null ? null : Dialect.ofSuffix(m.group(3));
            Map<Integer, Migration> target;
            if (variant == null) {
                target = common;
            } else if (variant == dialect) {
                target = specific;
            } else {
                others.put(version, file.getKey());
                continue;
            }
            Migration previous = target.put(version, migration);
            if (previous != null) {
                throw new IllegalArgumentException("Two migration scripts for version " + version + " of " + unit + ": "
                        + previous.script() + " and " + file.getKey());
            }
        }
        Map<Integer, Migration> chosen = new TreeMap<>(common);
        chosen.putAll(specific);
        for (Map.Entry<Integer, String> other : others.entrySet()) {
            if (!chosen.containsKey(other.getKey())) {
                throw new IllegalArgumentException("Version " + other.getKey() + " of " + unit + " has a script for another"
                        + " database only (" + other.getValue() + "): add V" + other.getKey() + "__<description>."
                        + dialect.suffix() + ".sql or a common one");
            }
        }
        List<Migration> result = new ArrayList<>(chosen.values());
        result.sort(Comparator.comparingInt(Migration::version));
        return result;
    }

    /**
     * Reads a unit's scripts from a class path (a folder or a jar), as the unit tests of a module
     * see them.
     *
     * @param loader the class loader
     * @param unit the unit
     * @return script file name to text; empty when the unit has no scripts
     */
    public static Map<String, String> fromClassLoader(ClassLoader loader, String unit) {
        Map<String, String> scripts = new LinkedHashMap<>();
        String folder = ROOT + unit;
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        for (Path file : (Iterable<Path>) files::iterator) {
                            String name = file.getFileName().toString();
                            if (isScript(name)) {
                                scripts.putIfAbsent(name, Files.readString(file, StandardCharsets.UTF_8));
                            }
                        }
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                            String name = entry.getName();
                            if (name.startsWith(folder + "/") && name.indexOf('/', folder.length() + 1) < 0) {
                                String fileName = name.substring(folder.length() + 1);
                                if (isScript(fileName)) {
                                    try (InputStream in = jar.getInputStream(entry)) {
                                        scripts.putIfAbsent(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return scripts;
    }
}
