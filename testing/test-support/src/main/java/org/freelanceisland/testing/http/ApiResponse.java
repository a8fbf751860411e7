package org.freelanceisland.testing.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A response of the API.
 *
 * @param status the HTTP status
 * @param headers the headers, by lowercase name
 * @param body the body as text
 */
public record ApiResponse(int status, Map<String, List<String>> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The body as JSON.
     *
     * @return the parsed body
     * @throws AssertionError if the body is not JSON
     */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON (status " + status + "): " + body, e);
        }
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value or {@code null}
     */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0)).findFirst().orElse(null);
    }

    /**
     * Whether this is a problem+json response of a status, with no stack trace in it.
     *
     * @param expectedStatus the status
     * @return {@code true} when it is
     */
    public boolean isProblem(int expectedStatus) {
        String type = header("Content-Type");
        return status == expectedStatus && type != null && type.startsWith("application/problem+json")
                && json().path("status").asInt() == expectedStatus && !body.contains("\tat ")
                && !body.contains("Exception");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
