package dev.kiln.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesWhatQemuSends() {
        Object greeting = Json.parse("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7},"
                + " \"package\": \"Debian 1:7.2\"}, \"capabilities\": [\"oob\"]}}\r\n");
        Map<?, ?> qmp = (Map<?, ?>) ((Map<?, ?>) greeting).get("QMP");
        assertEquals(List.of("oob"), qmp.get("capabilities"));
        assertEquals(7L, ((Map<?, ?>) ((Map<?, ?>) qmp.get("version")).get("qemu")).get("major"));
        assertEquals(Map.of("return", Map.of()), Json.parse("{\"return\": {}}"));
        Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) Json.parse(
                "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Invalid \\\"key\\\"\\u0021\\n\"}}")).get("error");
        assertEquals("Invalid \"key\"!\n", error.get("desc"));
        assertEquals(List.of(-1.5e3, true, false, 0L), Json.parse("[-1.5e3, true, false, 0]"));
        assertTrue(((List<?>) Json.parse("[null]")).contains(null));
    }

    @Test
    void writesRequestsThatItReadsBack() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("execute", "send-key");
        request.put("arguments", Map.of("keys", List.of(Map.of("type", "qcode", "data", "a"))));
        request.put("text", "quote \" backslash \\ newline \n");
        String json = Json.write(request);
        assertTrue(json.startsWith("{\"execute\":\"send-key\",\"arguments\":{\"keys\":[{"), json);
        assertEquals(request, Json.parse(json));
    }

    @Test
    void malformedTextIsAnErrorNamingTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
        assertEquals("bad JSON at offset 5: expected ':' in {\"a\" 1}", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    }
}
