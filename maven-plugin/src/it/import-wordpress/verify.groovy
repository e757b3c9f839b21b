import org.jsoup.Jsoup

def site = new File(basedir, 'workspace/imported-blog')
assert new File(site, 'site.yaml').getText('UTF-8').contains('title: "Old 2009 blog"')
def post = new File(site, 'content/posts/2009/iwb-first-week/index.md').getText('UTF-8')
assert post.contains('title: "Interactive whiteboards: first week"')
assert post.contains('guid: "http://old2009.example/?p=3"')
assert new File(site, 'import-report.md').getText('UTF-8').contains('1 posts and 0 pages imported')

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Imported 1 post and 0 pages (0 kept as drafts, 0 kept as HTML) into a new site')

def page = Jsoup.parse(new File(basedir, 'target/site-output/2009/09/iwb-first-week/index.html'), 'UTF-8')
assert page.select('h1').text() == 'Interactive whiteboards: first week'
return true
