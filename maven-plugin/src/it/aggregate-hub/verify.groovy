import org.jsoup.Jsoup
import org.jsoup.parser.Parser

def out = new File(basedir, 'target/site-output')
def log = new File(basedir, 'build.log').getText('UTF-8')

// The river: every readable member's posts, newest first, hostile markup gone.
def river = Jsoup.parse(new File(out, 'index.html'), 'UTF-8')
assert river.select('title').text() == 'Ynys Môn TeachMeet'
assert river.select('article.hub-entry h2').eachText() == ['Required practicals: what the mock told us',
        'Talk partners, three weeks in', 'Coaching, not judging', 'Reading aloud every day']
assert river.select('script').isEmpty()
// An excerpt-only member: a summary and a link, never the whole post.
def hughes = river.select('article.hub-entry').get(2)
assert hughes.select('.e-content').isEmpty()
assert hughes.select('a.more').attr('href') == 'https://hughes.example/coaching/'

// A page per member, the members page, the digest, the health page, the hub's own pages.
['members/index.html', 'members/ms-rees/index.html', 'members/mr-jones/index.html', 'digest/index.html',
 'digest/email.html', 'digest/digest.txt', 'digest/feed.xml', 'health/index.html', 'health/report.json',
 'feed.xml', 'rss.xml', 'feed.json', 'blogroll.opml', 'about/index.html'].each {
    assert new File(out, it).isFile() : "missing $it"
}
def jones = Jsoup.parse(new File(out, 'members/mr-jones/index.html'), 'UTF-8')
assert jones.select('h1').text() == 'Mr Jones'
assert jones.text().contains('Shared under CC BY 4.0.')

// The feed that is not there is on the health page in plain words; the build still passed.
def health = Jsoup.parse(new File(out, 'health/index.html'), 'UTF-8')
assert health.select('section.hub-health-problem h3').eachText() == ['Dr Gone']
assert health.select('#dr-gone .hub-health-message').text() == 'File not found.'
assert log.contains('[WARNING] dr-gone: file not found — fix: ')
assert log.contains('[INFO] ms-rees: OK')
assert log =~ /\[INFO\] Aggregated 4 feeds: 3 read, 1 failed; 4 entries from 4 members, \d+ files in \d+ ms/
assert log.contains('[INFO] Open target/site-output/index.html in a browser; feed health: target/site-output/health/index.html')

// The fetch cache is a build product: under target/, never in the hub's source folder.
assert !new File(basedir, '.lateral-cache').exists() : 'the fetch cache was written into the source folder'
assert new File(basedir, 'target/lateral-cache').isDirectory() : 'no fetch cache in target/lateral-cache'

// The hub's own Atom feed, in the river's order.
def atom = Jsoup.parse(new File(out, 'feed.xml').getText('UTF-8'), '', Parser.xmlParser())
assert atom.select('entry > title').eachText()[0] == 'Required practicals: what the mock told us'
return true
