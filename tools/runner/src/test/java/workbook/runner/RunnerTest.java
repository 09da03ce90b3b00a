package workbook.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RunnerTest {

    @Test
    @DisplayName("a bare go runs every lesson the JVM was started for; go with indexes runs those, in that order")
    void theGoLineNamesTheLessonsToRun() {
        assertThat(pairs("go", 3)).containsExactly(0, 1, 2);
        assertThat(pairs("go 2 0\n", 3)).containsExactly(2, 0);
        assertThat(pairs("go fail-fast", 2)).containsExactly(0, 1);
        assertThat(pairs("go fail-fast 1", 2)).containsExactly(1);
        assertThat(Protocol.read("go fail-fast 1", 2).failFast()).isTrue();
        assertThat(Protocol.read("go 1", 2).failFast()).isFalse();
    }

    @Test
    @DisplayName("the go line the tool writes is the one the runner reads, test names included")
    void theGoLineReadsBackAsWritten() {
        List<Protocol.Pair> pairs = List.of(new Protocol.Pair(1, Set.of("readers", "lostPuts")),
                new Protocol.Pair(0, Set.of()));

        String line = Protocol.goLine(true, pairs);

        assertThat(line).isEqualTo("go fail-fast 1:lostPuts,readers 0\n");
        assertThat(Protocol.read(line, 2)).isEqualTo(new Protocol.Go(true, pairs));
        assertThatThrownBy(() -> Protocol.read("stop", 2)).hasMessageContaining("not a go line");
        assertThat(Protocol.MAIN_CLASS).isEqualTo(Runner.class.getName());
    }

    @Test
    @DisplayName("test classes are picked by surefire's default includes, nested classes left out")
    void surefireDefaultIncludes() {
        assertThat(Runner.TEST_CLASS.matcher("workbook/lesson01/SharedStoreTest.class").matches()).isTrue();
        assertThat(Runner.TEST_CLASS.matcher("workbook/lesson01/TestStore.class").matches()).isTrue();
        assertThat(Runner.TEST_CLASS.matcher("workbook/lesson01/SharedStoreTest$Nested.class").matches()).isFalse();
        assertThat(Runner.TEST_CLASS.matcher("workbook/lesson01/SharedStore.class").matches()).isFalse();
    }

    private static List<Integer> pairs(String go, int pairCount) {
        return Protocol.read(go, pairCount).pairs().stream().map(Protocol.Pair::index).toList();
    }
}
