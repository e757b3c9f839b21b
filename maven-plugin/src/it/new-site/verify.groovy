import org.jsoup.Jsoup

def site = new File(basedir, 'workspace/my-cpd-blog')
assert new File(site, 'site.yaml').getText('UTF-8').contains("Mr Owen's learning journal")
assert new File(site, 'content/pages/about.md').isFile()

def post = new File(site, 'content/posts/what-i-learned-from-a-learning-walk.md')
assert post.getText('UTF-8').contains('title: "What I learned from a learning walk"')

// -Dlateral.bundle=true: a folder for the post and its pictures, named with the day it was made
def bundles = new File(site, 'content/posts').listFiles().findAll { it.isDirectory() && it.name ==~ /\d{4}-\d{2}-\d{2}-our-science-fair/ }
assert bundles.size() == 1
assert new File(bundles[0], 'index.md').getText('UTF-8').contains('title: "Our science fair"')

def log = new File(basedir, 'build.log').getText('UTF-8')
// Paths in messages are relative to the folder Maven was started in (workspace/ for the first run).
assert log.contains('[INFO] Created a new site in my-cpd-blog (7 files).')
// the seventh is the .gitignore for the build folders and the build cache
def ignored = new File(site, '.gitignore').readLines('UTF-8')
assert ignored.contains('public/') && ignored.contains('target/') && ignored.contains('.lateral-cache/')
assert log.contains('[INFO] Created workspace/my-cpd-blog/content/posts/what-i-learned-from-a-learning-walk.md'
        + ' — edit it, then run mvn package.')
assert log =~ /\[INFO\] Built \d+ pages \(3 posts, 1 page\)/

def home = Jsoup.parse(new File(basedir, 'target/site-output/index.html'), 'UTF-8')
assert home.select('title').text().contains("Mr Owen's learning journal")
assert home.text().contains('What I learned from a learning walk')
return true
