package org.lateral.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Writes a {@link FeedDocument} as Atom 1.0 (RFC 4287) through Rome: feed id, title, updated,
 * {@code rel=self}, {@code rel=alternate} and (WebSub) {@code rel=hub} links and an author (the site) on the feed; id, title,
 * published, updated, authors, categories, summary, full content ({@code type="html"}), an
 * {@code rel=enclosure} link for the image and, for a post in another language, {@code xml:lang}
 * on each entry. Stateless and thread-safe.
 */
final class AtomWriter {

    static final String MEDIA_TYPE = "application/atom+xml";

    private AtomWriter() {
    }

    /** Writes the whole feed at once. */
    static byte[] write(FeedDocument doc) {
        return xml(doc).getBytes(StandardCharsets.UTF_8);
    }

    /** The same bytes, with each entry's text made once per build in {@code fragments}. */
    static byte[] write(FeedDocument doc, FeedFragments fragments) {
        return fragments.write(FeedFragments.Format.ATOM, doc, AtomWriter::xml,
                FeedFragments.Cut.between("\r\n  <entry", "</entry>"), "\r\n");
    }

    /** The Atom Threading Extensions (RFC 4685). */
    static final Namespace THREAD = Namespace.getNamespace("thr", "http://purl.org/syndication/thread/1.0");

    private static String xml(FeedDocument doc) {
        return xml(doc, new LongTexts());
    }

    /** The feed, each long text escaped by {@code texts} rather than by JDOM (the same bytes). */
    static String xml(FeedDocument doc, LongTexts texts) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(doc.homeUrl());
        feed.setTitle(doc.title());
        feed.setSubtitle(text(doc.description()));
        feed.setLanguage(doc.language());
        feed.setUpdated(date(doc.updated()));
        List<Link> alternates = new ArrayList<>(List.of(link("alternate", "text/html", doc.homeUrl())));
        if (!doc.calendarUrl().isEmpty()) { // a hub subscribed to this feed finds the site's calendar here
            alternates.add(link("alternate", "text/calendar", doc.calendarUrl()));
        }
        feed.setAlternateLinks(alternates);
        List<Link> others = new ArrayList<>(List.of(link("self", MEDIA_TYPE, doc.atomUrl())));
        doc.hubs().forEach(hub -> others.add(link("hub", null, hub))); // WebSub §4 discovery
        if (!doc.communityUrl().isEmpty()) { // a hub finds the site's offers, requests and mentoring here
            others.add(link("related", org.lateral.community.CommunityFile.MEDIA_TYPE, doc.communityUrl()));
        }
        feed.setOtherLinks(others);
        feed.setAuthors(List.of(person(doc.author())));
        Generator generator = new Generator();
        generator.setValue(FeedDocument.GENERATOR);
        feed.setGenerator(generator);
        List<Entry> entries = new ArrayList<>();
        for (FeedEntry e : doc.entries()) {
            entries.add(entry(e, doc.full(), texts));
        }
        feed.setEntries(entries);
        try {
            Document xml = new WireFeedOutput().outputJDom(feed);
            // Rome does not write the feed's language; readers use xml:lang for hyphenation and voices
            xml.getRootElement().setAttribute("lang", doc.language(), Namespace.XML_NAMESPACE);
            List<Element> written = xml.getRootElement().getChildren("entry", xml.getRootElement().getNamespace());
            if (doc.entries().stream().anyMatch(e -> !e.inReplyTo().isEmpty())) {
                xml.getRootElement().addNamespaceDeclaration(THREAD);
            }
            for (int i = 0; i < written.size() && i < doc.entries().size(); i++) {
                Element entry = written.get(i);
                doc.entries().get(i).language().ifPresent(l -> entry.setAttribute("lang", l, Namespace.XML_NAMESPACE));
                // what the post answers (front matter in_reply_to:), RFC 4685: its address as ref and href
                for (String to : doc.entries().get(i).inReplyTo()) {
                    entry.addContent(new Element("in-reply-to", THREAD).setAttribute("ref", to)
                            .setAttribute("href", to).setAttribute("type", "text/html"));
                }
            }
            return texts.fill(new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).outputString(xml));
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed " + doc.atomUrl(), e);
        }
    }

    private static Entry entry(FeedEntry e, boolean full, LongTexts texts) {
        Entry entry = new Entry();
        entry.setId(e.id());
        entry.setTitleEx(text(e.title()));
        entry.setAlternateLinks(List.of(link("alternate", "text/html", e.url())));
        e.image().ifPresent(i -> {
            Link enclosure = link("enclosure", i.type(), i.url());
            enclosure.setLength(i.length());
            entry.setOtherLinks(List.of(enclosure));
        });
        entry.setPublished(date(e.published()));
        entry.setUpdated(date(e.updated()));
        List<SyndPerson> authors = new ArrayList<>();
        e.authors().forEach(a -> authors.add(person(a)));
        entry.setAuthors(authors);
        List<Category> categories = new ArrayList<>();
        for (FeedEntry.Category c : e.categories()) {
            Category category = new Category();
            category.setTerm(c.name());
            category.setLabel(c.name());
            category.setScheme(c.url());
            categories.add(category);
        }
        entry.setCategories(categories);
        if (!e.summaryHtml().isEmpty()) {
            entry.setSummary(html(texts.hold(e.summaryHtml())));
        } else if (!e.summaryText().isEmpty()) {
            entry.setSummary(text(e.summaryText()));
        }
        if (full) {
            entry.setContents(List.of(html(texts.hold(e.contentHtml()))));
        }
        return entry;
    }

    private static Link link(String rel, String type, String href) {
        Link l = new Link();
        l.setRel(rel);
        l.setType(type);
        l.setHref(href);
        return l;
    }

    private static Person person(FeedEntry.Person p) {
        Person person = new Person();
        person.setName(p.name());
        if (!p.url().isEmpty()) {
            person.setUri(p.url());
        }
        return person;
    }

    private static Content text(String value) {
        Content c = new Content();
        c.setType(Content.TEXT);
        c.setValue(value);
        return c;
    }

    private static Content html(String value) {
        Content c = new Content();
        c.setType(Content.HTML);
        c.setValue(value);
        return c;
    }

    static Date date(ZonedDateTime t) {
        return Date.from(t.toInstant());
    }
}
