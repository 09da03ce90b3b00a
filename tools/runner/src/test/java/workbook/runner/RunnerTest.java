package workbook.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RunnerTest {

    @Test
    @DisplayName("a bare go runs every lesson the JVM was started for; go with indexes runs those, in that order")
    void theGoLineNamesTheLessonsToRun() {
        assertThat(Runner.pairsToRun("go", 3)).containsExactly(0, 1, 2);
        assertThat(Runner.pairsToRun("go 2 0\n", 3)).containsExactly(2, 0);
        assertThat(Runner.pairsToRun("go fail-fast", 2)).containsExactly(0, 1);
        assertThat(Runner.pairsToRun("go fail-fast 1", 2)).containsExactly(1);
    }

    @Test
    @DisplayName("test classes are picked by surefire's default includes, nested classes left out")
    void surefireDefaultIncludes() {
        assertThat(Runner.TEST_CLASS.matcher("workbook/lesson01/SharedStoreTest.class").matches()).isTrue();
        assertThat(Runner.TEST_CLASS.matcher("workbook/lesson01/TestStore.class").matches()).isTrue();
        assertThat(Runner.TEST_CLASS.matcher("workbook/lesson01/SharedStoreTest$Nested.class").matches()).isFalse();
        assertThat(Runner.TEST_CLASS.matcher("workbook/lesson01/SharedStore.class").matches()).isFalse();
    }
}
