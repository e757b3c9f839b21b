package org.lateral.feed;

import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes a {@link FeedDocument} as RSS 2.0 through Rome. The summary goes in {@code description}
 * and the whole post in {@code content:encoded}, as most readers expect; the id in a
 * {@code guid isPermaLink="false"}; authors as {@code dc:creator} (RSS's own {@code author} wants
 * an e-mail address); the image as an {@code enclosure}; and an {@code atom:link rel="self"}, as the
 * RSS Advisory Board recommends (with {@code rel="hub"} ones for WebSub hubs). Stateless and thread-safe.
 */
final class RssWriter {

    static final String MEDIA_TYPE = "application/rss+xml";
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private RssWriter() {
    }

    /** Writes the whole feed at once. */
    static byte[] write(FeedDocument doc) {
        return xml(doc).getBytes(StandardCharsets.UTF_8);
    }

    /** The same bytes, with each item's text made once per build in {@code fragments}. */
    static byte[] write(FeedDocument doc, FeedFragments fragments) {
        return fragments.write(FeedFragments.Format.RSS, doc, RssWriter::xml,
                FeedFragments.Cut.between("\r\n    <item>", "</item>"), "\r\n");
    }

    private static String xml(FeedDocument doc) {
        return xml(doc, new LongTexts());
    }

    /** The feed, each long text escaped by {@code texts} rather than by JDOM (the same bytes). */
    static String xml(FeedDocument doc, LongTexts texts) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(doc.title());
        channel.setLink(doc.homeUrl());
        channel.setDescription(doc.description());
        channel.setLanguage(doc.language());
        channel.setLastBuildDate(AtomWriter.date(doc.updated()));
        channel.setPubDate(AtomWriter.date(doc.updated()));
        channel.setGenerator(FeedDocument.GENERATOR);
        channel.setDocs("https://www.rssboard.org/rss-specification");
        Element self = new Element("link", ATOM);
        self.setAttribute("href", doc.rssUrl());
        self.setAttribute("rel", "self");
        self.setAttribute("type", MEDIA_TYPE);
        List<Element> links = new ArrayList<>(List.of(self));
        if (!doc.calendarUrl().isEmpty()) {
            Element calendar = new Element("link", ATOM);
            calendar.setAttribute("href", doc.calendarUrl());
            calendar.setAttribute("rel", "alternate");
            calendar.setAttribute("type", "text/calendar");
            links.add(calendar);
        }
        if (!doc.communityUrl().isEmpty()) {
            Element community = new Element("link", ATOM);
            community.setAttribute("href", doc.communityUrl());
            community.setAttribute("rel", "related");
            community.setAttribute("type", org.lateral.community.CommunityFile.MEDIA_TYPE);
            links.add(community);
        }
        for (String hub : doc.hubs()) { // WebSub §4: atom:link rel="hub" in RSS
            Element link = new Element("link", ATOM);
            link.setAttribute("href", hub);
            link.setAttribute("rel", "hub");
            links.add(link);
        }
        channel.setForeignMarkup(links);
        List<Item> items = new ArrayList<>();
        for (FeedEntry e : doc.entries()) {
            items.add(item(e, doc.full(), texts));
        }
        channel.setItems(items);
        try {
            return texts.fill(new WireFeedOutput().outputString(channel, true));
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the RSS feed " + doc.rssUrl(), e);
        }
    }

    private static Item item(FeedEntry e, boolean full, LongTexts texts) {
        Item item = new Item();
        item.setTitle(e.title());
        item.setLink(e.url());
        Guid guid = new Guid();
        guid.setValue(e.id());
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(AtomWriter.date(e.published()));
        Description description = new Description();
        description.setType("text/html");
        description.setValue(texts.hold(e.summaryHtml().isEmpty() ? e.summaryText() : e.summaryHtml()));
        item.setDescription(description);
        if (full) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(texts.hold(e.contentHtml()));
            item.setContent(content);
        }
        List<Category> categories = new ArrayList<>();
        for (FeedEntry.Category c : e.categories()) {
            Category category = new Category();
            category.setValue(c.name());
            category.setDomain(c.url());
            categories.add(category);
        }
        item.setCategories(categories);
        e.image().ifPresent(i -> {
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(i.url());
            enclosure.setType(i.type());
            enclosure.setLength(i.length());
            item.setEnclosures(List.of(enclosure));
        });
        DCModuleImpl dc = new DCModuleImpl();
        dc.setCreators(e.authors().stream().map(FeedEntry.Person::name).toList());
        List<Module> modules = new ArrayList<>();
        modules.add(dc);
        item.setModules(modules);
        return item;
    }
}
