package org.lateral.check;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.lateral.CheckRequest;
import org.lateral.CheckResult;
import org.lateral.Problem;
import org.lateral.pipeline.InMemoryBuild;
import org.lateral.pipeline.SiteSnapshot;
import org.lateral.safety.AddressPolicy;
import org.lateral.site.Page;

/**
 * {@code lateral check}: builds the site in memory as it would be published ({@link InMemoryBuild}),
 * checks what each post and page's Markdown links to at its own line ({@link ContentChecks}), then
 * every rendered page for what templates and settings add ({@link PageChecks}), then, with
 * {@code --external}, the outside addresses ({@link ExternalLinks}). Use it through
 * {@link org.lateral.Lateral#check}.
 */
public final class Checker {

    /** Problems by file, then line and column, as an editor lists them; those of no file last. */
    static final Comparator<Problem> IN_FILE_ORDER = Comparator
            .comparing((Problem p) -> p.file() == null ? "\uffff" : p.file().toString().replace('\\', '/'))
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column)
            .thenComparing(p -> p.isError() ? 0 : 1);

    private Checker() {
    }

    /** @throws org.lateral.LateralException when the site does not build (as {@code build} would report) */
    public static CheckResult check(CheckRequest request) {
        AddressPolicy policy = null;
        SiteSnapshot snapshot = InMemoryBuild.run(request.build());
        if (request.external()) {
            policy = snapshot.site().config().network().policyAllowing(request.allowAddresses());
        }
        Addresses addresses = new Addresses(snapshot);
        SiteLinks siteLinks = new SiteLinks(addresses, snapshot);
        Findings findings = new Findings();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        List<Outside> outside = Collections.synchronizedList(new ArrayList<>());
        ContentChecks content = new ContentChecks(snapshot, addresses, siteLinks, findings, keys, outside);
        List<Page> pages = new ArrayList<>(snapshot.site().posts());
        pages.addAll(snapshot.site().pages());
        AtomicInteger links = new AtomicInteger();
        pages.parallelStream().forEach(p -> links.addAndGet(content.check(p)));
        List<Outside> fromContent;
        synchronized (outside) {
            fromContent = new ArrayList<>(outside);
            outside.clear();
        }
        fromContent.sort(Comparator.comparing((Outside o) -> String.valueOf(o.at().file())).thenComparingInt(o -> o.at().line())
                .thenComparingInt(o -> o.at().column()));
        links.addAndGet(new PageChecks(snapshot, addresses, siteLinks, keys).check(findings, outside));
        List<Outside> uses = new ArrayList<>(fromContent);
        uses.addAll(outside);
        int external = 0;
        if (request.external()) {
            ExternalLinks checker = new ExternalLinks(policy, request.timeout(),
                    new LinkCache(request.cacheFolder(), request.cacheFor(), request.now()));
            List<URI> distinct = ExternalLinks.distinct(uses);
            external = distinct.size();
            Map<URI, ExternalLinks.Answer> answers = checker.check(distinct);
            for (Outside use : uses) {
                report(use, answers.get(use.uri()), findings);
            }
        }
        List<Problem> all = new ArrayList<>(findings.all());
        Set<String> placed = new HashSet<>();
        for (Problem p : all) {
            placed.add(p.file() + ":" + p.line());
        }
        for (Problem w : snapshot.warnings()) {
            // a build warning about a line the check already reports (a picture, a link) is said once
            if (w.line() == 0 || !placed.contains(w.file() + ":" + w.line())) {
                all.add(w);
            }
        }
        all.sort(IN_FILE_ORDER);
        return new CheckResult(all, snapshot.html().size(), links.get(), external);
    }

    private static void report(Outside use, ExternalLinks.Answer answer, Findings findings) {
        if (answer == null) {
            return;
        }
        String what = use.picture() ? "this picture" : "this link";
        String address = use.uri().toString();
        Place at = use.at();
        switch (answer.outcome()) {
            case MOVED -> findings.warning(at, what + " has moved for good: " + address + " now redirects permanently to "
                    + answer.movedTo() + use.note(), "change the address to " + answer.movedTo());
            case BROKEN -> findings.error(at, what + " is broken: " + address + " — " + answer.why() + use.note(),
                    "find where it went (search for its title) and link there, or remove the link; the Internet"
                            + " Archive may have a copy: https://web.archive.org/web/" + address);
            case UNCHECKED -> findings.warning(at, what + " could not be checked: " + address + " — " + answer.why()
                    + use.note(), answer.why().startsWith("not checked")
                    ? "if the site really links to an address on your own network, allow it in site.yaml (network:"
                            + " allow: [\"10.1.0.0/16\"]), with --allow-address, or in Maven with -Dlateral.allowAddresses"
                    : "open it in a browser to see whether it works; it is checked again next time");
            default -> {
            }
        }
    }
}
