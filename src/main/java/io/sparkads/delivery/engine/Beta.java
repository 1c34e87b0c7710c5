package io.sparkads.delivery.engine;

import java.util.random.RandomGenerator;

/**
 * A Beta distribution over a rate: {@code alpha} pseudo-successes and {@code beta} pseudo-failures.
 * The posterior of a rate after {@code k} successes in {@code n} trials from a prior of mean {@code
 * μ} and strength {@code m} is {@code Beta(k + mμ, n − k + m(1 − μ))}.
 */
public record Beta(double alpha, double beta) {

    public Beta {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException(
                    "alpha and beta must be positive and finite, got " + alpha + ", " + beta);
        }
    }

    /** The prior of mean {@code mean} worth {@code strength} trials, updated by the evidence. */
    public static Beta posterior(double mean, double strength, long successes, long trials) {
        double m = Math.max(strength, 1e-6);
        double mu = Math.min(Math.max(mean, 1e-9), 1 - 1e-9);
        return new Beta(successes + m * mu, (trials - successes) + m * (1 - mu));
    }

    public double mean() {
        return alpha / (alpha + beta);
    }

    /** How many trials the distribution is worth. */
    public double strength() {
        return alpha + beta;
    }

    public double variance() {
        double s = alpha + beta;
        return alpha * beta / (s * s * (s + 1));
    }

    /** A draw from the distribution (two Gamma draws, Marsaglia and Tsang's method). */
    public double sample(RandomGenerator random) {
        double x = gamma(alpha, random);
        double y = gamma(beta, random);
        return x / (x + y);
    }

    private static double gamma(double shape, RandomGenerator random) {
        if (shape < 1) {
            // Gamma(a) = Gamma(a + 1) · U^(1/a)
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x
                    || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
