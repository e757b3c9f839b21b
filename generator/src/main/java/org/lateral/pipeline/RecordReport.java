package org.lateral.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lateral.CpdRequest;
import org.lateral.CpdResult;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.content.ContentLoader;
import org.lateral.content.Dates;
import org.lateral.content.FrontMatter;
import org.lateral.content.Source;
import org.lateral.cpd.CpdEntry;
import org.lateral.cpd.CpdExport;
import org.lateral.cpd.CpdLog;
import org.lateral.cpd.CpdYear;
import org.lateral.cpd.Learning;
import org.lateral.cpd.SiteRecord;
import org.lateral.markdown.MarkdownRenderer;
import org.lateral.output.OutputGuard;
import org.lateral.site.Site;
import org.lateral.site.SiteAssembler;
import org.lateral.taxonomy.Archive;

/**
 * {@code lateral cpd}: reads a site as a build does (without writing it), adds the private records
 * when asked, and gives one academic year as text, CSV or JSON, for the terminal or a file that
 * is not inside a Lateral output folder (private records must never land where a host serves them).
 */
public final class RecordReport {

    private static final Pattern DATED_NAME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-(.+)$");

    private RecordReport() {
    }

    public static CpdResult run(CpdRequest request) {
        String format = request.format().strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("text", "csv", "json").contains(format)) {
            throw new LateralException(Problem.general("there is no format \"" + request.format() + "\"",
                    "use text, csv or json"));
        }
        Path siteDir = request.siteDir().toAbsolutePath().normalize();
        List<Problem> warnings = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(siteDir, warnings, request.caller());
        List<Problem> problems = new ArrayList<>();
        Learning learning = Learning.load(siteDir, problems);
        ContentLoader.Loaded loaded = new ContentLoader(siteDir, config.timezone()).load();
        problems.addAll(loaded.problems());
        List<Source> sources = Records.publishable(loaded.sources(), learning, problems);
        MarkdownRenderer markdown = new MarkdownRenderer();
        SiteAssembler.Assembled assembled = new SiteAssembler(config,
                new SiteAssembler.Options(false, false, request.now()))
                .assemble(sources, (s, toc) -> markdown.render(s.body(), toc, s.path(), s.bodyLine(),
                        s.frontMatter().summary()), Map.of());
        problems.addAll(assembled.problems());
        SiteBuilder.failOnErrors(problems, warnings);
        Site site = assembled.site();
        Map<Path, FrontMatter> frontMatter = new HashMap<>();
        sources.forEach(s -> frontMatter.put(s.path(), s.frontMatter()));
        SiteRecord record = Records.of(site, learning, frontMatter);
        List<CpdEntry> entries = new ArrayList<>(record.entries().values());
        if (request.includePrivate()) {
            for (Source s : loaded.sources()) {
                FrontMatter fm = s.frontMatter();
                if (fm.isPrivate() && !fm.draft()) {
                    Optional<LocalDate> day = fm.date().map(ZonedDateTime::toLocalDate)
                            .or(() -> fm.event().map(e -> e.start().toLocalDate()))
                            .or(() -> dateInName(s, config));
                    if (day.isEmpty() || fm.title().isEmpty()) {
                        warnings.add(Problem.warning(s.path(), 1, 1,
                                "this private record is not counted: it has no " + (day.isEmpty() ? "date" : "title"),
                                "add " + (day.isEmpty() ? "date: 2024-11-06" : "title: …") + " to its front matter"));
                        continue;
                    }
                    entries.add(learning.entry(fm.title().get(), day.get(), Optional.empty(), Optional.empty(),
                            s.path(), fm.cpd().get()));
                }
            }
        }
        CpdLog log = learning.log(entries, config.academicYearStartMonth(), config.locale());
        Optional<CpdYear> year = year(request, log, config);
        byte[] bytes;
        if (year.isEmpty()) {
            bytes = "There is no professional learning recorded yet: add a cpd: record to a post (see README, \"Your CPD record\").\n"
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = switch (format) {
                case "csv" -> CpdExport.csv(year.get());
                case "json" -> CpdExport.json(year.get(), log);
                default -> CpdExport.text(year.get(), log).getBytes(StandardCharsets.UTF_8);
            };
        }
        Optional<Path> written = Optional.empty();
        if (request.output().isPresent()) {
            Path target = request.output().get().toAbsolutePath().normalize();
            refuseOutputFolder(target, request.includePrivate());
            try {
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                Files.write(target, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
            written = Optional.of(target);
        }
        return new CpdResult(log, year, bytes, written, warnings);
    }

    private static Optional<CpdYear> year(CpdRequest request, CpdLog log, SiteConfig config) {
        if (request.year().isPresent()) {
            String wanted = request.year().get().strip();
            Optional<CpdYear> y = log.year(wanted);
            if (y.isEmpty()) {
                throw new LateralException(Problem.general("the record has no activities in the academic year \""
                                + wanted + "\"",
                        log.isEmpty() ? "add a cpd: record to a post first"
                                : "choose one of " + String.join(", ", log.labels()) + " (written like 2024-25)"));
            }
            return y;
        }
        LocalDate today = request.now().atZone(config.timezone()).toLocalDate();
        String current = Archive.academicYearLabel(Archive.academicYearOf(today, config.academicYearStartMonth()),
                config.academicYearStartMonth());
        return log.year(current).or(() -> log.years().stream().findFirst());
    }

    /** A private record written into a folder a build publishes would be published with it. */
    private static void refuseOutputFolder(Path target, boolean includePrivate) {
        for (Path dir = target.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(OutputGuard.MARKER))) {
                throw new LateralException(Problem.general(target + " is inside " + dir
                                + ", a folder Lateral builds a site into" + (includePrivate
                                ? ", so your private records would be published with it" : ""),
                        "write the file somewhere else, e.g. -o ~/Documents/cpd.csv"));
            }
        }
    }

    private static Optional<LocalDate> dateInName(Source s, SiteConfig config) {
        Matcher m = DATED_NAME.matcher(s.name());
        return m.matches() ? Dates.parse(m.group(1), config.timezone()).map(ZonedDateTime::toLocalDate)
                : Optional.empty();
    }
}
