package io.thingbus.service;

/**
 * Thrown by a REST resource (never by domain code) when a request is refused for a reason that only the API layer
 * knows, such as a malformed header. Mapped to its {@link Problem} by {@link FrameworkProblemMapper}.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
