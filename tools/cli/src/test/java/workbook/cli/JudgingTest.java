package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the tool judges: a wrong fix is caught only by a race assertion in a test it names, a right fix passes every
 * test, the fast path and Maven must run the same tests to the same verdict, and variants share test JVMs only across
 * lessons.
 */
class JudgingTest {

    @TempDir
    Path dir;

    static final String LESSON = "lesson01-atomic-puts";

    @Test
    void aWrongFixIsCaughtOnlyByARaceAssertionInATestItNames() throws Exception {
        Fix striped = Fix.named(LESSON + "/striped-locks").orElseThrow(); // Caught by: readers…, fewThreads…

        Outcome caught = SurefireFixtures.outcome(dir, LESSON, SurefireFixtures.Case.passed("noInterleavingLosesAPut"),
                SurefireFixtures.Case.failed("fewThreadsKeepEveryPut", "lost 3 of 2,000 puts"));
        Outcome byAnotherTest = SurefireFixtures.outcome(dir, LESSON,
                SurefireFixtures.Case.failed("noInterleavingLosesAPut", "a put was lost"),
                SurefireFixtures.Case.passed("fewThreadsKeepEveryPut"));
        Outcome notCaught = SurefireFixtures.outcome(dir, LESSON,
                SurefireFixtures.Case.passed("readersDuringPutsFindEveryStoredKey"),
                SurefireFixtures.Case.passed("fewThreadsKeepEveryPut"));

        assertThat(striped.judge(caught)).isEqualTo(Verdict.RIGHT);
        assertThat(striped.judge(byAnotherTest)).isEqualTo(Verdict.wrong("expected one of"
                + " [readersDuringPutsFindEveryStoredKey, fewThreadsKeepEveryPut] to fail, but failed:"
                + " [noInterleavingLosesAPut]"));
        assertThat(striped.judge(notCaught).isRight()).isFalse();
    }

    @Test
    void aRightFixMustPassEveryTest() throws Exception {
        Fix hashtable = Fix.named(LESSON + "/hashtable").orElseThrow();

        assertThat(hashtable.judge(SurefireFixtures.outcome(dir, LESSON, SurefireFixtures.Case.passed("a"),
                SurefireFixtures.Case.passed("b")))).isEqualTo(Verdict.RIGHT);
        assertThat(hashtable.judge(SurefireFixtures.outcome(dir, LESSON, SurefireFixtures.Case.passed("a"),
                SurefireFixtures.Case.failed("b", "lost a put")))).isEqualTo(Verdict.wrong("1 of 2 tests fail: b"));
    }

    @Test
    void theFastPathMustRunMavensTestsToMavensVerdict() throws Exception {
        Variant v = Variant.solution(LESSON);
        Outcome maven = SurefireFixtures.outcome(dir, LESSON, SurefireFixtures.Case.passed("a"),
                SurefireFixtures.Case.passed("b"));
        Outcome same = SurefireFixtures.outcome(dir, LESSON, SurefireFixtures.Case.passed("b"),
                SurefireFixtures.Case.passed("a"));
        Outcome fewer = SurefireFixtures.outcome(dir, LESSON, SurefireFixtures.Case.passed("a"));
        Outcome failing = SurefireFixtures.outcome(dir, LESSON, SurefireFixtures.Case.passed("a"),
                SurefireFixtures.Case.failed("b", "lost a put"));

        assertThat(Check.disagreement(v, maven, Verdict.RIGHT, same, Verdict.RIGHT)).isEmpty();
        assertThat(Check.disagreement(v, maven, Verdict.RIGHT, fewer, Verdict.RIGHT)).singleElement().asString()
                .contains("Maven ran [a, b], the fast path [a]");
        assertThat(Check.disagreement(v, maven, Verdict.RIGHT, failing, Check.passes(failing))).singleElement()
                .asString().contains("Maven says solved", "the fast path");
    }

    @Test
    void variantsShareATestJvmOnlyAcrossLessons() {
        Variant a1 = fix("lesson01", "a1");
        Variant a2 = fix("lesson01", "a2");
        Variant b1 = fix("lesson02", "b1");
        Variant c1 = fix("lesson03", "c1");
        Variant c2 = fix("lesson03", "c2");
        Variant c3 = fix("lesson03", "c3");

        assertThat(FastPath.groups(List.of(a1, a2, b1, c1, c2, c3), 2))
                .containsExactly(List.of(a1, b1, c1), List.of(a2, c2), List.of(c3));
        // Fewer groups than lanes: the largest is split, so that every lane has work.
        assertThat(FastPath.groups(List.of(a1, b1, c1), 2)).containsExactly(List.of(b1), List.of(a1, c1));
    }

    @Test
    void aLessonWhoseTestsWereAllSkippedIsNotGradedRatherThanFailing() throws Exception {
        Outcome skipped = SurefireFixtures.outcome(dir, LESSON, SurefireFixtures.Case.skipped("a", "needs Java 21"),
                SurefireFixtures.Case.skipped("b", "needs Java 21"));
        Outcome failing = SurefireFixtures.outcome(dir, LESSON, SurefireFixtures.Case.skipped("a", "needs Java 21"),
                SurefireFixtures.Case.failed("b", "lost a put"));

        assertThat(skipped.state()).isEqualTo("not graded");
        assertThat(Progress.verdictLine(skipped)).startsWith(LESSON + " not graded: 0 of 2 tests pass, 2 skipped");
        assertThat(failing.state()).isEqualTo("failing");
    }

    private static Variant fix(String lesson, String name) {
        return new Variant(lesson, Variant.Kind.RIGHT_FIX, name, Path.of(name));
    }
}
