package workbook.harness.picture;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The little JSON the pictures' fact files need: objects, strings, lists of strings. */
final class Json {

    private Json() {
    }

    /** An object of already encoded values, its keys sorted. */
    static String object(Map<String, String> fields) {
        return new TreeMap<>(fields).entrySet().stream().map(e -> string(e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static String strings(List<String> values) {
        return values.stream().map(Json::string).collect(Collectors.joining(", ", "[", "]"));
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
