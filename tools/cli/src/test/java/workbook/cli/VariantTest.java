package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import workbook.cli.Variant.RunCondition;

/** A variant's kind and run condition are fields; its folder follows from them, one per condition. */
class VariantTest {

    private static final String LESSON = "lesson01-atomic-puts";

    @Test
    void theSameSourcesUnderEachConditionReportIntoFoldersOfTheirOwn() {
        Variant exercise = Variant.exercise(LESSON);
        List<Variant> runs = Stream.of(RunCondition.ALL_CPUS, RunCondition.ONE_CPU, RunCondition.WATCH,
                new RunCondition(true, true)).map(exercise::under).toList();

        assertThat(runs).extracting(Variant::reports).doesNotHaveDuplicates();
        assertThat(runs).extracting(Variant::folder)
                .containsExactly("exercise", "exercise-on-1-cpu", "exercise-fail-fast", "exercise-fail-fast-on-1-cpu");
        assertThat(runs).extracting(Variant::kind).containsOnly(Variant.Kind.EXERCISE);
        assertThat(runs).extracting(Variant::sources).containsOnly(exercise.sources());
    }

    @Test
    void aFixKeepsItsKindAndConditionWhenItRunsOnlySomeTests() {
        Variant pinned = new Variant(LESSON, Variant.Kind.WRONG_FIX, "wrong-striped-locks",
                Variant.exercise(LESSON).sources()).under(RunCondition.ONE_CPU);

        Variant some = pinned.only(List.of("fewThreadsKeepEveryPut"));

        assertThat(some.kind()).isEqualTo(Variant.Kind.WRONG_FIX);
        assertThat(some.condition()).isEqualTo(RunCondition.ONE_CPU);
        assertThat(some.tests()).containsExactly("fewThreadsKeepEveryPut");
        assertThat(some.out()).isEqualTo(pinned.out());
    }

    @Test
    void theFastPathRunsVariantsUnderOneConditionAtATime() {
        Variant plain = Variant.exercise(LESSON);
        Variant pinned = Variant.solution(LESSON).under(RunCondition.ONE_CPU);

        assertThatThrownBy(() -> FastPath.runFast(List.of(plain, pinned), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different run conditions");
    }
}
