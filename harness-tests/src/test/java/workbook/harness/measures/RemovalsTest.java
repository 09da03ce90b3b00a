package workbook.harness.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The verdict of the removal lessons, from what each worker handed back: two workers, two entries each. */
@DisplayName("Removals judges what each worker handed back")
class RemovalsTest {

    private final Removals removals = new Removals(2, 2);
    private final Map<Integer, Integer> map = removals.fill(new ConcurrentHashMap<>());

    @Test
    @DisplayName("every key maps to a value that is not the key")
    void keysDifferFromTheirValues() {
        assertThat(map).hasSize(4).allSatisfy((key, value) -> assertThat(value).isNotEqualTo(key));
    }

    @Test
    @DisplayName("each value handed back once and an empty map: no problems")
    void everyValueOnceIsRight() {
        removals.handedBack(0, take(0, 1));
        removals.handedBack(1, take(2, 3));
        assertThat(removals.problems(map)).isEmpty();
    }

    @Test
    @DisplayName("keys handed back instead of values are values that were never in the map")
    void keysInsteadOfValuesAreCaught() {
        take(0, 1, 2, 3);
        removals.handedBack(0, List.of(0, 1));
        removals.handedBack(1, List.of(2, 3));
        assertThat(removals.problems(map))
                .contains("4 values handed back were never in the map (null or unknown).")
                .contains("4 values were removed from the map but never handed back: lost. (A worker that stops"
                        + " halfway takes the values it has already removed with it.)");
    }

    @Test
    @DisplayName("one value handed back by both workers is counted twice, whatever the map's size says")
    void aValueHandedBackTwiceIsCaught() {
        List<Integer> first = take(0, 1);
        take(2, 3);
        removals.handedBack(0, first);
        removals.handedBack(1, List.of(first.get(0), removals.valueOf(3)));
        assertThat(removals.problems(map))
                .contains("1 values were handed back by more than one worker: processed twice.")
                .contains("1 values were removed from the map but never handed back: lost. (A worker that stops"
                        + " halfway takes the values it has already removed with it.)");
    }

    private List<Integer> take(int... keys) {
        List<Integer> values = new ArrayList<>();
        for (int key : keys) {
            values.add(map.remove(key));
        }
        return values;
    }
}
