package org.lateral.check;

import java.nio.file.Path;

/**
 * Where a teacher wrote something: a file (site-relative) and a line and column (1-based; 0 when
 * unknown).
 */
record Place(Path file, int line, int column) {
}
