package org.jdpx.perf.suite.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** The report as JSON: {@code {"machine":{...},"rows":[...]}}, field names as in {@link Machine} and {@link Row}. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Writes {@code report} to {@code file}. */
    public static void write(Report report, Path file) throws IOException {
        JSON.writeValue(file.toFile(), report);
    }

    /** Reads a report written by {@link #write}. */
    public static Report read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Report.class);
    }

    /** The report as a JSON string. */
    public static String toJson(Report report) throws IOException {
        return JSON.writeValueAsString(report);
    }
}
