package org.lateral.cpd;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A framework of professional standards (England's Teachers' Standards, Wales's professional
 * standards, the DfE standard for teachers' professional development, or one a site adds).
 *
 * @param id        the file's name, as {@code cpd: standards:} in site.yaml names it
 * @param title     what the record page calls it
 * @param source    where its codes and titles come from (a public document)
 * @param standards its standards in order
 */
public record Framework(String id, String title, String source, List<Standard> standards) {

    public Framework {
        standards = List.copyOf(standards);
    }

    /** One standard: its code ({@code TS4}) and title. */
    public record Standard(String code, String title) {
    }

    /** The standard with this code, whatever its case. */
    public Optional<Standard> find(String code) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        return standards.stream().filter(s -> s.code().toLowerCase(Locale.ROOT).equals(c)).findFirst();
    }

    public List<String> codes() {
        return standards.stream().map(Standard::code).toList();
    }
}
