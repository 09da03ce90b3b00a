package workbook.cli;

import java.util.Objects;

/**
 * How check judged one run of an exercise, a solution or a fix: right (the run got the verdict its code should get:
 * the exercise failed on a race assertion, the solution passed, the wrong fix was caught by a test it names) or
 * wrong, with why.
 */
record Verdict(String whyWrong) {

    static final Verdict RIGHT = new Verdict(null);

    static Verdict wrong(String why) {
        return new Verdict(Objects.requireNonNull(why));
    }

    boolean isRight() {
        return whyWrong == null;
    }

    @Override
    public String toString() {
        return isRight() ? "right" : whyWrong;
    }
}
