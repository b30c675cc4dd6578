package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's program: sqrt((2x)² + 9) for x = 1..4 is √13, 5, √45, √73, and its sum. */
class HelloTest {
    @Test
    void printsTheValuesReadmeShows() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Hello.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        saved.print(text);
        Matcher m = Pattern.compile("UsmNdArray\\(\\[([^]]*)\\].*sum ([0-9.]+)").matcher(text);
        assertEquals(true, m.find(), text);
        String[] values = m.group(1).split(",\\s*");
        double[] expected = {Math.sqrt(13), 5, Math.sqrt(45), Math.sqrt(73)};
        assertEquals(4, values.length, text);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], Double.parseDouble(values[i]), 1e-5, text);
            sum += expected[i];
        }
        assertEquals(sum, Double.parseDouble(m.group(2)), 1e-4, text);
    }
}
