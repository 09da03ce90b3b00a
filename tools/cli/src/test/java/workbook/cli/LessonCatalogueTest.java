package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each lesson's lesson.properties says what the tool used to guess by regular expression, and check keeps it true. */
class LessonCatalogueTest {

    @Test
    void everyLessonsCatalogueAgreesWithItsCode() throws Exception {
        for (String lesson : Workspace.lessons()) {
            assertThat(Lesson.agreesWithTheCode(lesson)).as(lesson).isEmpty();
        }
        assertThat(Lesson.of("lesson08-cluster-counters")).isEqualTo(new Lesson("lesson08-cluster-counters",
                "workbook/lesson08/KeyCounters.java", false, true, "README.md"));
        assertThat(Lesson.of("lesson01-atomic-puts").modelChecker()).isTrue();
    }

    @Test
    void aCatalogueThatSaysWhatTheCodeDoesNotIsNamed() throws Exception {
        Lesson wrong = new Lesson("lesson08-cluster-counters", "workbook/lesson08/Counters.java", true, false,
                "HINTS.md");

        assertThat(wrong.agreesWithTheCode()).containsExactly(
                "lesson08-cluster-counters/lesson.properties: exercise=workbook/lesson08/Counters.java, but"
                        + " src/main/java holds [workbook/lesson08/KeyCounters.java]",
                "lesson08-cluster-counters/lesson.properties: modelChecker=true, but its tests do not use"
                        + " workbook.harness.modelcheck.ModelCheck",
                "lesson08-cluster-counters/lesson.properties: cluster=false, but its pom brings Hazelcast",
                "lesson08-cluster-counters/lesson.properties: hints=HINTS.md, but that file has no folded hint"
                        + " (<details><summary>)");
    }
}
