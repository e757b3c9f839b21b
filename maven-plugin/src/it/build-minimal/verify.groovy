import org.jsoup.Jsoup

def out = new File(basedir, 'target/site-output')
def log = new File(basedir, 'build.log').getText('UTF-8')

def home = Jsoup.parse(new File(out, 'index.html'), 'UTF-8')
assert home.select('title').text().contains("Ms Rees's classroom reflections")
assert home.select('a[href*=inset-day]').size() > 0 : 'the home page links to the post'

assert new File(out, '2024/09/inset-day/index.html').isFile()
assert new File(out, 'about/index.html').isFile()
assert !new File(out, '2024/10/half-term-plan').exists() : 'drafts are left out by default'

// The same summary as the command line, with Maven's way of asking for drafts.
assert log =~ /\[INFO\] Built \d+ pages \(1 post, 1 page\), 2 tags, 1 draft skipped \(-Dlateral.drafts to include\) in \d+ ms/
assert log.contains('[INFO] Open target/site-output/index.html in a browser.')
return true
