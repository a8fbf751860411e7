package org.freelanceisland.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may call what: the expected table kept in the repository ({@code role-matrix.txt} beside this
 * class in the test resources), compared with the OpenAPI document (so an endpoint without an entry,
 * or one whose roles changed, fails the build until the table is updated on purpose) and with what
 * the running API does for anonymous callers, jurors, staff, coordinators and administrators.
 *
 * <p>A line of the table is {@code METHOD /path roles}: {@code public} (anyone, signed in or not),
 * {@code nobody}, or the roles separated by commas; administrators have every role. A role (or
 * {@code public}) marked {@code ~} passes the role check, after which the code decides per record
 * (a 403, or for {@code public~} a 401, is then as expected too). A line may end with {@code # note}.
 */
final class RoleMatrix {

    /** The identities the behaviour is checked for, each with the one role it has. */
    static final List<String> IDENTITIES = List.of("anonymous", "juror", "staff", "coordinator", "admin");

    /** How many endpoint and identity pairs the last {@link #check} called. */
    static int cells;

    private RoleMatrix() {
    }

    /**
     * Reads the table.
     *
     * @param table the file
     * @return the access by {@code METHOD /path}
     * @throws IOException if it cannot be read
     */
    static Map<String, String> read(InputStream table) throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(table, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String text = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                text = text.strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] parts = text.split("\\s+");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("role-matrix.txt: not METHOD /path roles: " + line);
                }
                expected.put(parts[0] + " " + parts[1], normalise(parts[2]));
            }
        }
        return expected;
    }

    /**
     * The access an operation declares, as the table writes it.
     *
     * @param op the operation
     * @return {@code public}, {@code nobody} or the roles, sorted
     */
    static String declared(ApiOperations.Operation op) {
        if (op.open()) {
            return "public";
        }
        return op.roles().isEmpty() ? "nobody" : String.join(",", new TreeSet<>(op.roles()));
    }

    private static String normalise(String access) {
        return access.startsWith("public") || access.equals("nobody") ? access
                : String.join(",", new TreeSet<>(List.of(access.split(","))));
    }

    /** The access without the marks of checks made by the code. */
    private static String unmarked(String access) {
        return normalise(access.replace("~", ""));
    }

    /**
     * The table as it should read for a document, for pasting when an endpoint is added on purpose.
     *
     * @param api the operations
     * @return the lines
     */
    static String lines(ApiOperations api) {
        StringBuilder lines = new StringBuilder();
        for (ApiOperations.Operation op : api.all()) {
            lines.append(String.format("%-7s%-80s %s%n", op.method(), op.path(), declared(op)));
        }
        return lines.toString();
    }

    /**
     * Where the table and the document disagree.
     *
     * @param table the expected table
     * @param api the operations of the document
     * @return one line per difference, empty when they agree
     */
    static List<String> differences(Map<String, String> table, ApiOperations api) {
        List<String> differences = new ArrayList<>();
        Map<String, String> document = new LinkedHashMap<>();
        api.all().forEach(op -> document.put(op.key(), declared(op)));
        document.forEach((key, access) -> {
            if (!table.containsKey(key)) {
                differences.add("not in role-matrix.txt: " + key + " " + access);
            } else if (!unmarked(table.get(key)).equals(access)) {
                differences.add(key + ": the table says " + table.get(key) + ", the code says " + access);
            }
        });
        table.keySet().stream().filter(key -> !document.containsKey(key))
                .forEach(key -> differences.add("in role-matrix.txt but not in the API: " + key));
        return differences;
    }

    /**
     * Calls every operation as every identity and compares what happens with the table: callers
     * without the access get 401 (anonymous) or 403, callers with it get past the role check (any
     * other answer). Nothing changes: changes are sent to ids that do not exist, or, without a path
     * parameter, with a body that is not JSON at all; a change that takes neither is sent only to
     * the identities the table keeps out.
     *
     * @param table the expected table
     * @param api the operations
     * @param http the sender
     * @param authorization the Authorization header of each identity ({@code null} for anonymous)
     * @return one line per mismatch, empty when the API does what the table says
     */
    static List<String> check(Map<String, String> table, ApiOperations api, HttpProbe http, Map<String, String> authorization) {
        cells = 0;
        List<String> mismatches = new ArrayList<>();
        for (ApiOperations.Operation op : api.all()) {
            String access = table.getOrDefault(op.key(), declared(op));
            // a change with nothing to make it fail (signing out, loading the demo island) is sent
            // only to those the table keeps out: for the others it would change something
            boolean onlyRefused = op.unsafe() && op.pathParams().isEmpty() && op.bodies().isEmpty();
            String path = op.path();
            for (ApiOperations.Param param : op.pathParams()) {
                path = path.replace("{" + param.name() + "}",
                        param.schema().path("type").asText().equals("integer") ? "987654321" : "no-such-thing");
            }
            String contentType = null;
            byte[] body = null;
            if (!op.bodies().isEmpty()) {
                contentType = op.bodies().keySet().iterator().next();
                if (contentType.startsWith("multipart/")) {
                    contentType = "multipart/form-data; boundary=nothing";
                }
                body = "{".getBytes(StandardCharsets.UTF_8);
            }
            for (String identity : IDENTITIES) {
                boolean allowed = allows(unmarked(access), identity);
                if (allowed && onlyRefused) {
                    continue;
                }
                cells++;
                boolean decidedByCode = allowed && decidedByCode(access, identity);
                HttpProbe.Answer answer = http.send(op.method(), path, authorization.get(identity), contentType, body);
                int status = answer.status();
                boolean stopped = status == 401 || status == 403;
                boolean expected = allowed ? !stopped || decidedByCode
                        : identity.equals("anonymous") ? status == 401 : status == 403;
                if (!expected) {
                    mismatches.add(op.key() + " as " + identity + ": expected " + (allowed ? "past the role check"
                            : identity.equals("anonymous") ? "401" : "403") + ", got " + status + " " + shorten(answer.text()));
                }
            }
        }
        return mismatches;
    }

    /** Whether the table marks the identity's way in as checked again by the code ({@code juror~}, {@code public~}). */
    private static boolean decidedByCode(String access, String identity) {
        if (access.equals("public~")) {
            return true;
        }
        for (String role : access.split(",")) {
            if (role.endsWith("~") && role.substring(0, role.length() - 1).equals(identity)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allows(String access, String identity) {
        if (access.startsWith("public")) {
            return true;
        }
        if (access.equals("nobody") || identity.equals("anonymous")) {
            return false;
        }
        return identity.equals("admin") || List.of(access.split(",")).contains(identity);
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
