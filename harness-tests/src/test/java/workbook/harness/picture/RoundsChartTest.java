package workbook.harness.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workbook.harness.measures.ReadBack;

@DisplayName("The rounds picture shows each round that ran, and where the lost keys lie")
class RoundsChartTest {

    @Test
    @DisplayName("a round that lost nothing, then one that lost keys in two stretches")
    void roundsAndTheirLosses() {
        int expected = 1_000_000;
        ReadBack clean = ReadBack.of(expected, key -> ReadBack.valueOf(key), expected);
        // Keys 5 and 6 (the first stretch) and 999,999 (the last) read back wrong or not at all.
        ReadBack lossy = ReadBack.of(expected, key -> key == 5 || key == 999_999 ? null
                : key == 6 ? key : ReadBack.valueOf(key), expected - 2);

        assertThat(lossy.missing()).isEqualTo(3);
        assertThat(lossy.missingPerStretch()).hasSize(ReadBack.STRETCHES).startsWith(2).endsWith(1)
                .containsOnlyOnce(2, 1);
        assertThat(Collections.frequency(lossy.missingPerStretch(), 0)).isEqualTo(ReadBack.STRETCHES - 2);

        String html = RoundsChart.html("two rounds", "puts", List.of(clean, lossy), 3);
        assertThat(html.split("<g class=\"round\">", -1)).hasSize(3);
        assertThat(html.split("<rect class=\"lost\"", -1)).hasSize(3);
        assertThat(html).contains("round 2 of up to 3: lost 3 of 1,000,000 puts; size() says 999,998; the round"
                + " before it lost nothing.")
                .contains(">kept all 1,000,000 puts</text>")
                .contains("<title>keys 0–19,999: 2 lost</title>")
                .contains("<title>keys 980,000–999,999: 1 lost</title>")
                .doesNotContain("<script");
    }

    @Test
    @DisplayName("every key there but a size() that lost count is a bad round too")
    void sizeThatLostCount() {
        ReadBack round = ReadBack.of(100, key -> ReadBack.valueOf(key), 97);
        assertThat(RoundsChart.value(round, "puts")).isEqualTo("every key read back of 100 puts; size() says 97");
    }
}
