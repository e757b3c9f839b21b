package org.lateral;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lateral.cpd.CpdLog;
import org.lateral.cpd.CpdYear;

/**
 * What {@code lateral cpd} found.
 *
 * @param log      the whole record (with private records when asked for)
 * @param year     the academic year shown, empty when the record has no activities
 * @param bytes    the year in the format asked for
 * @param written  the file written, when one was asked for
 * @param warnings problems that did not stop it
 */
public record CpdResult(CpdLog log, Optional<CpdYear> year, byte[] bytes, Optional<Path> written,
        List<Problem> warnings) {

    public CpdResult {
        warnings = List.copyOf(warnings);
    }
}
