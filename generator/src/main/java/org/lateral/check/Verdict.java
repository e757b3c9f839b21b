package org.lateral.check;

import org.lateral.Problem;

/** What is wrong with one link, before it is placed: how bad, what, and the fix. */
record Verdict(Problem.Severity severity, String message, String fix) {

    static Verdict error(String message, String fix) {
        return new Verdict(Problem.Severity.ERROR, message, fix);
    }

    static Verdict warning(String message, String fix) {
        return new Verdict(Problem.Severity.WARNING, message, fix);
    }

    Problem at(Place place) {
        return new Problem(place.file(), place.line(), place.column(), severity, message, fix);
    }
}
