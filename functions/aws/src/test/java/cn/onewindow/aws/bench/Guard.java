package cn.onewindow.aws.bench;

import java.util.Locale;

/** The lines {@code bin/bench-guard} collects: a figure, its value, its bound and whether it is met. */
final class Guard {
    private Guard() {
    }

    static void line(String figure, double value, double atMost) {
        System.out.printf(Locale.ROOT, "GUARD\t%s\t%.2f\t<= %.2f\t%s%n", figure, value, atMost,
                value <= atMost ? "met" : "NOT MET");
    }
}
